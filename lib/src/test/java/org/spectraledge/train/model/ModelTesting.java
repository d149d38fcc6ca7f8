package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.spectraledge.io.NpyWriter;

/** Shared set-up of the model tests: a pinned engine, input arrays, weight export for the torch oracle. */
final class ModelTesting {

    private ModelTesting() {}

    /**
     * A base manager of the PyTorch engine with one intra-op and one inter-op thread, so results are reproducible.
     * The engine reads the thread properties once, at its start; a property already set (e.g. on the command line)
     * wins.
     */
    static NDManager manager() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        return NDManager.newBaseManager("PyTorch");
    }

    /** Initializes a model's weights on {@code manager} (any input shape will do: all shapes come from the config). */
    static <B extends NamedBlock> B initialized(B model, NDManager manager) {
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
        return model;
    }

    /**
     * Replaces the zero/one initializers of biases, γ and β by N(0, std²), so that an oracle comparison exercises
     * them too (weights keep their seeded N(0, 1/fan_in), which keeps the logits of order one).
     */
    static <B extends NamedBlock> B withRandomConstants(B model, long seed, double std) {
        for (NamedParameter p : model.namedParameters()) {
            if (p.parameter().getType() != Parameter.Type.WEIGHT) {
                p.parameter().setInitializer(new SeededNormal(seed, p.name(), std));
            }
        }
        return model;
    }

    static ParameterStore store(NDManager manager) {
        return new ParameterStore(manager, false);
    }

    /** int32 ids [rows, columns]. */
    static NDArray ids(NDManager manager, int[][] rows) {
        int columns = rows[0].length;
        int[] flat = new int[rows.length * columns];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * columns, columns);
        return manager.create(flat, new Shape(rows.length, columns));
    }

    /** Writes every parameter to {@code dir/<dotted name>.npy}. */
    static void exportWeights(NamedBlock model, Path dir) throws IOException {
        for (NamedParameter p : model.namedParameters()) {
            write(dir.resolve(p.name() + ".npy"), p.parameter().getArray());
        }
    }

    static void write(Path file, NDArray array) throws IOException {
        NDArray floats = array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
        long[] shape = array.getShape().getShape();
        int[] intShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) intShape[i] = Math.toIntExact(shape[i]);
        NpyWriter.write(file, floats.toFloatArray(), intShape);
    }

    /** Largest |a − b| over two arrays of equal length. */
    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs((double) a[i] - b[i]));
        return max;
    }
}
