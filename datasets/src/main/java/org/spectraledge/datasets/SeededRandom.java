package org.spectraledge.datasets;

/**
 * A tiny pseudo-random generator whose output is fixed by its seed on every JVM.
 *
 * <p>It is SplitMix64 (Steele, Lea and Flood 2014): a 64-bit state advanced by the golden-ratio
 * constant and passed through a bit mixer. We do not use {@link java.util.SplittableRandom} because
 * its Javadoc promises identical sequences only "in the same program", not across JDK versions (and
 * its Gaussians come from a {@code RandomGenerator} default method that a JDK may change), while the
 * datasets and simulations of this project must be identical for the same seed everywhere.
 *
 * <p>Policy: everything seeded in the product draws from this class: the task generators of this
 * module and the simulators of {@code lib} ({@code theory}, {@code spectral}). Every derived draw is
 * defined here from {@link #nextLong()} with {@link StrictMath}, so a seed's stream is fixed by this
 * file alone; {@code SeededRandomTest} pins its first values.
 *
 * <p>Not thread-safe: each generator builds its own instance from its seed (or {@link #split()}s one).
 */
public final class SeededRandom {

    /** 2^64 / φ, the Weyl-sequence increment of SplitMix64. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /**
     * @param seed any long; equal seeds give equal sequences
     */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /**
     * The next 64 random bits.
     *
     * <p>z = (state += γ); z = (z ⊕ (z ≫ 30))·0xBF58476D1CE4E5B9; z = (z ⊕ (z ≫ 27))·0x94D049BB133111EB;
     * return z ⊕ (z ≫ 31), with logical shifts and arithmetic mod 2^64.
     */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1): the top 53 bits of {@link #nextLong()} times 2⁻⁵³. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private double spareGaussian = Double.NaN;

    /**
     * A standard normal value, by Marsaglia's polar method: draw u, v uniform in (−1, 1) until
     * s = u² + v² ∈ (0, 1); then u·m and v·m with m = √(−2 ln s / s) are two independent normals, returned
     * in that order (the second is kept for the next call).
     */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s); // StrictMath: the same bits on every JVM
        spareGaussian = v * m;
        return u * m;
    }

    /**
     * A new generator for an independent sub-stream (e.g. one per Monte Carlo trial), seeded with this
     * generator's next {@link #nextLong()}; this one advances by one value.
     */
    public SeededRandom split() {
        return new SeededRandom(nextLong());
    }

    /**
     * A uniform integer in [0, bound), without modulo bias (see {@link #nextLong(long)}).
     *
     * @param bound exclusive upper limit, at least 1
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) nextLong((long) bound);
    }

    /**
     * A uniform long in [0, bound), without modulo bias.
     *
     * <p>Draws 63-bit values and rejects the top partial block of size 2^63 mod bound, so every
     * residue is equally likely.
     *
     * @param bound exclusive upper limit, at least 1
     */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long bits;
        long value;
        do {
            bits = nextLong() >>> 1;
            value = bits % bound;
            // overflow of (bits - value + bound - 1) means bits fell in the incomplete last block
        } while (bits - value + (bound - 1) < 0);
        return value;
    }

    /**
     * Shuffles {@code values} in place with the Fisher–Yates algorithm (every permutation equally
     * likely). Modified.
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /**
     * A random permutation of 0, 1, …, n−1.
     */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order);
        return order;
    }
}
