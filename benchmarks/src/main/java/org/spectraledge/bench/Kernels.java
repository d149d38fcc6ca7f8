package org.spectraledge.bench;

/**
 * The loops the peers of the streaming update are built from, written to the same standard as the private kernel
 * of {@code UpdateWindow}: four independent accumulators, so that neither side is held back by one long chain of
 * dependent additions and the comparison measures the algorithm, not the loop.
 */
final class Kernels {
    private Kernels() {}

    /** Σ_i a[off+i]·b[off+i] for i < n. */
    static double dot(double[] a, double[] b, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int end = off + n;
        int i = off;
        for (; i + 3 < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < end; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_i a[off+i] for i < n: one read of every element and nothing else, the least work that touches the bytes. */
    static double sum(double[] a, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int end = off + n;
        int i = off;
        for (; i + 3 < end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < end; i++) s0 += a[i];
        return (s0 + s1) + (s2 + s3);
    }
}
