package org.spectraledge.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.spectraledge.spectral.GramWindow;
import org.spectraledge.spectral.NonFiniteUpdateException;

/**
 * The update window of one parameter group kept in native (PyTorch) memory, next to the parameters it watches
 * (SPEC §1). Each snapshot is gathered, differenced and dotted with the stored updates by the engine; only the W+1
 * new inner products (float64) cross into Java, where a {@link GramWindow} keeps the Gram matrix. This avoids
 * copying P floats to the Java heap at every step.
 *
 * <p>Storage: a (W+1)×P float64 matrix of updates (row = sequence number mod (W+1)) and the previous snapshot, both
 * owned by this window's manager. Float32 parameters are widened before differencing, so δ and every inner product
 * are float64. A snapshot whose update is NaN or infinite is rejected before anything is stored.
 */
public final class NativeUpdateWindow implements AutoCloseable {
    private final String group;
    private final int dimension;
    private GramWindow gram;
    private final NDManager manager;
    private final NDArray rows;
    private NDArray previous;
    private long snapshots;

    /**
     * @param group     group name for messages
     * @param window    W ≥ 2
     * @param dimension P of the group
     * @param parent    manager whose device the window lives on; the window opens its own sub-manager
     */
    public NativeUpdateWindow(String group, int window, int dimension, NDManager parent) {
        if (dimension < 1) throw new IllegalArgumentException("group '" + group + "' has no parameters");
        this.group = group;
        this.dimension = dimension;
        this.gram = new GramWindow(window);
        this.manager = parent.newSubManager();
        this.rows = manager.zeros(new Shape(window + 1, dimension), DataType.FLOAT64);
    }

    /** The Gram state of the window. */
    public GramWindow gram() { return gram; }

    /** P. */
    public int dimension() { return dimension; }

    /** Snapshots accepted so far. */
    public long snapshots() { return snapshots; }

    /**
     * Adds the snapshot made of the given tensors, flattened and concatenated in order.
     *
     * @param tensors the group's parameter arrays, in layout order. Not modified.
     * @return true if an update was pushed (false for the first snapshot)
     * @throws NonFiniteUpdateException if the update holds NaN or an infinity; nothing is changed
     */
    public boolean pushSnapshot(List<NDArray> tensors, long step) {
        try (NDManager scope = manager.newSubManager()) {
            NDList flat = new NDList(tensors.size());
            for (NDArray t : tensors) {
                // every intermediate goes to the scope at once: results of an op live on its input's manager
                NDArray f = t.flatten();
                f.attach(scope);
                NDArray wide = f.toType(DataType.FLOAT64, true);
                wide.attach(scope);
                flat.add(wide);
            }
            NDArray theta = flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat);
            theta.attach(scope);
            if (theta.size() != dimension) {
                throw new IllegalArgumentException("group '" + group + "', step " + step + ": snapshot has " + theta.size()
                        + " elements but the window holds vectors of " + dimension);
            }
            if (previous == null) {
                if (!Double.isFinite(theta.dot(theta).getDouble())) {
                    throw new NonFiniteUpdateException(step, "the first snapshot holds NaN or an infinity")
                            .withContext("group '" + group + "'");
                }
                previous = theta.duplicate();
                previous.attach(manager);
                snapshots++;
                return false;
            }
            NDArray delta = theta.sub(previous);
            delta.attach(scope);
            NDArray products = rows.matMul(delta);
            products.attach(scope);
            double[] all = products.toDoubleArray();
            long seq = gram.count();
            int m = gram.pendingDots();
            double[] dots = new double[m];
            for (int i = 0; i < m; i++) dots[i] = all[slot(seq - m + i)];
            NDArray selfProduct = delta.dot(delta);
            selfProduct.attach(scope);
            try {
                gram.push(dots, selfProduct.getDouble(), step);
            } catch (NonFiniteUpdateException e) {
                throw e.withContext("group '" + group + "'");
            }
            rows.set(new NDIndex(slot(seq)), delta);
            theta.copyTo(previous);
            snapshots++;
            return true;
        }
    }

    /**
     * The parameter-space directions v_j = Xᵀu_j/σ_j (SPEC §1) of the current window, copied to Java.
     *
     * @param u     left singular vectors u_j (k×w, oldest update first), e.g. from the window's spectrum
     * @param sigma the matching σ_j; a direction with σ_j = 0 is returned as zeros
     */
    public double[][] directions(double[][] u, double[] sigma) {
        int w = gram.size();
        int k = u.length;
        double[] coefficients = new double[k * slots()];
        for (int j = 0; j < k; j++) {
            if (u[j].length != w) throw new IllegalArgumentException("u_" + (j + 1) + " has " + u[j].length + " entries, the window " + w);
            if (sigma[j] == 0) continue;
            for (int i = 0; i < w; i++) coefficients[j * slots() + slot(gram.count() - w + i)] = u[j][i] / sigma[j];
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray c = scope.create(coefficients, new Shape(k, slots()));
            NDArray v = c.matMul(rows);
            v.attach(scope);
            double[] flat = v.toDoubleArray();
            double[][] out = new double[k][dimension];
            for (int j = 0; j < k; j++) System.arraycopy(flat, j * dimension, out[j], 0, dimension);
            return out;
        }
    }

    /** Writes the whole window (Gram state, stored updates, previous snapshot) for a checkpoint. */
    public void save(DataOutputStream out) throws IOException {
        GramWindow.State st = gram.state();
        out.writeUTF(group);
        out.writeInt(st.capacity());
        out.writeInt(dimension);
        out.writeLong(st.count());
        out.writeLong(snapshots);
        for (double[] row : st.inner()) for (double v : row) out.writeDouble(v);
        for (long v : st.steps()) out.writeLong(v);
        writeDoubles(out, rows.toDoubleArray());
        out.writeBoolean(previous != null);
        if (previous != null) writeDoubles(out, previous.toDoubleArray());
    }

    /**
     * Restores a window written by {@link #save}, replacing this one's state.
     *
     * @throws IOException if the saved window is of another group, length or size
     */
    public void load(DataInputStream in) throws IOException {
        String savedGroup = in.readUTF();
        int w = in.readInt(), p = in.readInt();
        if (!savedGroup.equals(group) || w != gram.capacity() || p != dimension) {
            throw new IOException("checkpoint holds window '" + savedGroup + "' (W = " + w + ", P = " + p + ") but this run has '"
                    + group + "' (W = " + gram.capacity() + ", P = " + dimension + "); resume with the run's own configuration");
        }
        long count = in.readLong();
        long snaps = in.readLong();
        double[][] inner = new double[w + 1][w + 1];
        for (double[] row : inner) for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
        long[] steps = new long[w + 1];
        for (int i = 0; i < steps.length; i++) steps[i] = in.readLong();
        rows.set(readDoubles(in, (w + 1) * p));
        if (in.readBoolean()) {
            if (previous == null) {
                previous = manager.zeros(new Shape(dimension), DataType.FLOAT64);
            }
            previous.set(readDoubles(in, p));
        }
        gram = GramWindow.restore(new GramWindow.State(w, count, inner, steps));
        snapshots = snaps;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        b.asDoubleBuffer().put(values);
        out.write(b.array());
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        byte[] bytes = new byte[8 * n];
        in.readFully(bytes);
        double[] values = new double[n];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    @Override
    public void close() {
        manager.close();
    }

    private int slots() { return gram.capacity() + 1; }

    private int slot(long sequence) { return (int) (sequence % (gram.capacity() + 1)); }

}
