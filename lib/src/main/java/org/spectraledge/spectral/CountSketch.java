package org.spectraledge.spectral;

/**
 * A CountSketch (sparse sign) random projection R^P → R^d for very large P (framework §1, sketch mode).
 *
 * <p>Coordinate i goes to bucket h(i) ∈ [0, d) with sign s(i) = ±1, both drawn from a seeded 64-bit hash of i, so
 * (Sx)_b = Σ_{i: h(i)=b} s(i)·x_i. E‖Sx‖² = ‖x‖² and E⟨Sx, Sy⟩ = ⟨x, y⟩, so the Gram matrix, and with it the
 * spectrum and the gaps, are preserved approximately (relative error of order 1/√d). The hash needs no table: the
 * sketch costs O(d) memory whatever P is. The projection is linear, so sketching snapshots and differencing the
 * sketches gives exactly the sketch of each update.
 */
public final class CountSketch {
    private static final int BLOCK = 4096;
    private final int dimension;
    private final long seed;

    /**
     * @param dimension d ≥ 1
     * @param seed      fixes h and s; the same seed gives the same projection on every machine
     */
    public CountSketch(int dimension, long seed) {
        if (dimension < 1) throw new IllegalArgumentException("sketch dimension d must be ≥ 1, got " + dimension);
        this.dimension = dimension;
        this.seed = seed;
    }

    /** d. */
    public int dimension() { return dimension; }

    /** Sx, a new array of length d. */
    public double[] apply(VectorSource x) {
        double[] y = new double[dimension];
        double[] block = new double[BLOCK];
        int p = x.length();
        for (int off = 0; off < p; off += BLOCK) {
            int n = Math.min(BLOCK, p - off);
            x.read(off, block, n);
            for (int i = 0; i < n; i++) {
                long h = mix(seed + (off + i) * 0x9E3779B97F4A7C15L);
                int bucket = (int) (((h >>> 32) * dimension) >>> 32);
                y[bucket] += (h & 1) == 0 ? block[i] : -block[i];
            }
        }
        return y;
    }

    /** SplitMix64's finaliser: a fast, well-mixed 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
