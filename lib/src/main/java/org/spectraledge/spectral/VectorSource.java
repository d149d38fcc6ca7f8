package org.spectraledge.spectral;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * A read-only view of a flat parameter vector (a snapshot θ or an update δ) that the window reads in
 * blocks, widening to float64 as it goes (framework §1: accumulation is always in float64).
 *
 * <p>Views exist for {@code float[]}, {@code double[]} and NIO buffers (heap or direct, i.e. off-heap
 * memory such as a native tensor's storage). A view never copies the data it wraps; the caller must not
 * change it while a window reads it.
 */
public interface VectorSource {

    /** Number of elements P. */
    int length();

    /**
     * Copies elements {@code [offset, offset+count)} into {@code dst[0..count)} as doubles.
     *
     * @param dst Modified.
     */
    void read(int offset, double[] dst, int count);

    /** A view of a float32 array. */
    static VectorSource of(float[] values) {
        Objects.requireNonNull(values, "values");
        return new VectorSource() {
            @Override public int length() { return values.length; }
            @Override public void read(int offset, double[] dst, int count) {
                for (int i = 0; i < count; i++) dst[i] = values[offset + i];
            }
        };
    }

    /** A view of a float64 array. */
    static VectorSource of(double[] values) {
        Objects.requireNonNull(values, "values");
        return new VectorSource() {
            @Override public int length() { return values.length; }
            @Override public void read(int offset, double[] dst, int count) {
                System.arraycopy(values, offset, dst, 0, count);
            }
        };
    }

    /**
     * A view of the remaining elements of a float32 buffer (position to limit); the buffer's position is not moved.
     * Reads go through a bulk copy, so a view must not be read from two threads at once.
     */
    static VectorSource of(FloatBuffer buffer) {
        FloatBuffer view = Objects.requireNonNull(buffer, "buffer").slice();
        return new VectorSource() {
            private float[] scratch = new float[0];

            @Override public int length() { return view.limit(); }
            @Override public void read(int offset, double[] dst, int count) {
                if (scratch.length < count) scratch = new float[count];
                view.get(offset, scratch, 0, count);
                for (int i = 0; i < count; i++) dst[i] = scratch[i];
            }
        };
    }

    /** A view of the remaining elements of a float64 buffer (position to limit); the buffer's position is not moved. */
    static VectorSource of(DoubleBuffer buffer) {
        DoubleBuffer view = Objects.requireNonNull(buffer, "buffer").slice();
        return new VectorSource() {
            @Override public int length() { return view.limit(); }
            @Override public void read(int offset, double[] dst, int count) {
                view.get(offset, dst, 0, count);
            }
        };
    }

    /**
     * The concatenation of the ranges {@code [offsets[r], offsets[r]+lengths[r])} of this vector, in the order
     * given: how one parameter group (a set of named tensors) is cut out of a whole-model snapshot.
     */
    default VectorSource select(int[] offsets, int[] lengths) {
        return new RangeSelection(this, offsets, lengths);
    }
}
