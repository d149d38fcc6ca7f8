package org.spectraledge.io;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * One array read from a {@code .npy} file or an {@code .npz} entry: its name, element type, shape and
 * values in C (row-major) order.
 *
 * <p>Immutable. The values live in a read-only buffer that is not copied on access: for a {@code .npy}
 * file it is a memory map of the file, so a 400 MB snapshot costs no Java heap until {@link #floats()}
 * or {@link #doubles()} copies it into an array. Use {@link #floatBuffer()} / {@link #doubleBuffer()}
 * to stream over the values without that copy. Big-endian files are read through a big-endian view,
 * so the values are always correct whatever the file's byte order.
 */
public final class NpyArray {
    private final String name;
    private final NpyDtype dtype;
    private final int[] shape;
    /** Read-only {@link FloatBuffer} or {@link DoubleBuffer} with position 0; only duplicates leave. */
    private final Buffer values;

    NpyArray(String name, NpyDtype dtype, int[] shape, Buffer values) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.values = values;
    }

    /** File name without {@code .npy}, or the {@code .npz} entry name without {@code .npy}. */
    public String name() {
        return name;
    }

    /** Element type. */
    public NpyDtype dtype() {
        return dtype;
    }

    /** Whether the elements are {@code float32} (otherwise {@code float64}). */
    public boolean isFloat32() {
        return dtype == NpyDtype.FLOAT32;
    }

    /** Dimensions (a copy); empty for a 0-d array, which holds one value. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of values: the product of the dimensions. */
    public int size() {
        return values.capacity();
    }

    /**
     * The float32 values in C order as a read-only view, without copying.
     *
     * @throws IllegalStateException if the array is float64
     */
    public FloatBuffer floatBuffer() {
        if (!isFloat32()) throw wrongType("floatBuffer()", "doubleBuffer() or doubles()");
        return ((FloatBuffer) values).duplicate();
    }

    /**
     * The float64 values in C order as a read-only view, without copying.
     *
     * @throws IllegalStateException if the array is float32
     */
    public DoubleBuffer doubleBuffer() {
        if (isFloat32()) throw wrongType("doubleBuffer()", "floatBuffer() or doubles()");
        return ((DoubleBuffer) values).duplicate();
    }

    /**
     * A new array holding the float32 values in C order.
     *
     * @throws IllegalStateException if the array is float64: narrowing would silently lose precision
     */
    public float[] floats() {
        float[] out = new float[size()];
        floatBuffer().get(out);
        return out;
    }

    /** A new array holding the values in C order; float32 values are widened exactly. */
    public double[] doubles() {
        double[] out = new double[size()];
        if (isFloat32()) {
            FloatBuffer in = floatBuffer();
            for (int i = 0; i < out.length; i++) out[i] = in.get(i);
        } else {
            doubleBuffer().get(out);
        }
        return out;
    }

    private IllegalStateException wrongType(String called, String instead) {
        return new IllegalStateException("array '" + name + "' is " + dtype + "; " + called
                + " does not apply, use " + instead);
    }

    @Override
    public String toString() {
        return "NpyArray[name=" + name + ", dtype=" + dtype + ", shape=" + NpyHeader.describe(shape) + "]";
    }
}
