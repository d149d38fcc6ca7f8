package org.spectraledge.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.train.model.NamedParameter;

/**
 * Copies θ of one parameter group out of the engine into a float64 Java array (a snapshot, framework §1): its tensors
 * flattened and concatenated in layout order, checked for NaN and infinities. This is the part of a capture that must
 * run on the training thread, while the parameters hold still; everything else can run later on another thread.
 *
 * <p>Why this way: each tensor is read through a direct buffer over the engine's own memory (no copy inside DJL, one
 * JNI call), float32 values are widened here, and the arrays are recycled, so a snapshot costs one pass over θ and no
 * garbage. Going through the engine instead (flatten, concatenate, widen, sum for the NaN check) would cost ten native
 * operations per snapshot. Figures: docs/benchmarks.md#update-capture-cost.
 *
 * <p>Not thread-safe except {@link #recycle}, which the thread that consumed a snapshot may call.
 */
final class SnapshotReader {
    private final String group;
    private final List<String> names;
    private final int[] positions;
    private final int size;
    private final Queue<double[]> free = new ConcurrentLinkedQueue<>();
    private float[] scratch = new float[0];

    /**
     * @param group     group name, for messages
     * @param names     the group's tensor names in layout order
     * @param positions index of each of those tensors in the model's parameter list
     * @param size      P, the group's total element count
     */
    SnapshotReader(String group, List<String> names, int[] positions, int size) {
        this.group = group;
        this.names = List.copyOf(names);
        this.positions = positions.clone();
        this.size = size;
    }

    /**
     * θ of the group now, as P doubles (a recycled array when one is free).
     *
     * @param parameters the model's parameters, in the order the positions refer to. Not modified.
     * @throws NonFiniteUpdateException naming the tensor and element, if θ holds NaN or an infinity (so would δ)
     * @throws IllegalArgumentException if the tensors no longer hold P elements
     */
    double[] read(List<NamedParameter> parameters, long step) {
        double[] theta = free.poll();
        if (theta == null) theta = new double[size];
        int offset = 0;
        for (int t = 0; t < positions.length; t++) {
            NDArray array = parameters.get(positions[t]).parameter().getArray();
            long n = array.size();
            if (offset + n > size) {
                throw new IllegalArgumentException("group '" + group + "', step " + step + ": its tensors now hold more than the "
                        + size + " elements the window was made for (did the model change?)");
            }
            copy(array, theta, offset, (int) n);
            int bad = firstNonFinite(theta, offset, (int) n);
            if (bad >= 0) {
                free.add(theta);
                throw new NonFiniteUpdateException(step, "parameter '" + names.get(t) + "' element " + bad + " is " + theta[offset + bad])
                        .withContext("group '" + group + "'");
            }
            offset += (int) n;
        }
        if (offset != size) {
            free.add(theta);
            throw new IllegalArgumentException("group '" + group + "', step " + step + ": snapshot has " + offset
                    + " elements but the window holds vectors of " + size);
        }
        return theta;
    }

    /** Gives back an array from {@link #read} once its values are no longer needed. */
    void recycle(double[] theta) {
        free.add(theta);
    }

    /** Copies the tensor's n elements, widened to float64, to {@code dst[offset..offset+n)}. */
    private void copy(NDArray array, double[] dst, int offset, int n) {
        DataType type = array.getDataType();
        if (type == DataType.FLOAT32) {
            if (scratch.length < n) scratch = new float[n];
            direct(array).asFloatBuffer().get(scratch, 0, n);
            for (int i = 0; i < n; i++) dst[offset + i] = scratch[i];
        } else if (type == DataType.FLOAT64) {
            direct(array).asDoubleBuffer().get(dst, offset, n);
        } else {
            try (NDArray wide = array.toType(DataType.FLOAT64, true)) {
                direct(wide).asDoubleBuffer().get(dst, offset, n);
            }
        }
    }

    /** A view of the tensor's memory (PyTorch engine: a direct buffer over a contiguous CPU tensor, no copy). */
    private static ByteBuffer direct(NDArray array) {
        return array.toByteBuffer(true);
    }

    private static int firstNonFinite(double[] v, int offset, int n) {
        for (int i = 0; i < n; i++) if (!Double.isFinite(v[offset + i])) return i;
        return -1;
    }
}
