package org.spectraledge.datasets;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Generates the sparse-parity task: n random bits x ∈ {0, 1}ⁿ, of which k are relevant; the label is
 * their parity y = x_{i₁} ⊕ … ⊕ x_{i_k}. A standard grokking task (e.g. Barak et al. 2022, "Hidden
 * progress in deep learning: SGD learns parities near the computational limit").
 *
 * <p>The relevant indices are the first k of a seeded permutation of 0 … n−1 (stored sorted). Each
 * example is n independent fair bits from the same generator; train and test examples are all
 * distinct. Tokens are the bits themselves (ids 0 and 1), and there are two classes.
 *
 * <p><b>Defaults.</b> n = 40, k = 3, 1,000 training and 1,000 test examples, seed 0.
 */
public final class SparseParity {

    /** Most bits: an example is drawn as the low n bits of one 64-bit random value. */
    public static final int MAX_BITS = 62;

    private SparseParity() {}

    /** A builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for {@link SparseParity}; validated in {@link #build()}. */
    public static final class Builder {
        private int bits = 40;
        private int relevant = 3;
        private int trainSize = 1000;
        private int testSize = 1000;
        private long seed = 0;

        private Builder() {}

        /** n, the number of input bits, in [1, {@value SparseParity#MAX_BITS}] (default 40). */
        public Builder optBits(int bits) {
            this.bits = bits;
            return this;
        }

        /** k, the number of bits whose parity is the label, in [1, n] (default 3). */
        public Builder optRelevant(int relevant) {
            this.relevant = relevant;
            return this;
        }

        /** Training examples (default 1,000). */
        public Builder optTrainSize(int trainSize) {
            this.trainSize = trainSize;
            return this;
        }

        /** Test examples (default 1,000). */
        public Builder optTestSize(int testSize) {
            this.testSize = testSize;
            return this;
        }

        /** The seed for the relevant bits and the examples (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Generates the dataset.
         *
         * @throws IllegalArgumentException if a setting is out of range
         */
        public ParityDataset build() {
            if (bits < 1 || bits > MAX_BITS) {
                throw new IllegalArgumentException("number of bits n must lie in [1, " + MAX_BITS + "], got " + bits);
            }
            if (relevant < 1 || relevant > bits) {
                throw new IllegalArgumentException("relevant bits k must lie in [1, n = " + bits + "], got " + relevant);
            }
            if (trainSize < 1 || testSize < 1) {
                throw new IllegalArgumentException("train and test sizes must be ≥ 1, got " + trainSize
                        + " and " + testSize);
            }
            if ((long) trainSize + testSize > 1L << bits) {
                throw new IllegalArgumentException("only 2^" + bits + " = " + (1L << bits)
                        + " distinct inputs exist but " + trainSize + " + " + testSize
                        + " were asked for; use more bits or fewer examples");
            }
            SeededRandom random = new SeededRandom(seed);
            int[] relevantBits = Arrays.copyOf(random.permutation(bits), relevant);
            Arrays.sort(relevantBits);
            Set<Long> seen = new HashSet<>();
            int[][] trainInputs = sample(trainSize, bits, random, seen);
            int[][] testInputs = sample(testSize, bits, random, seen);
            return new ParityDataset(bits, relevantBits, seed, trainInputs, labels(trainInputs, relevantBits),
                    testInputs, labels(testInputs, relevantBits));
        }
    }

    private static int[][] sample(int count, int bits, SeededRandom random, Set<Long> seen) {
        int[][] out = new int[count][];
        int filled = 0;
        while (filled < count) {
            long word = random.nextLong() >>> (64 - bits);
            if (seen.add(word)) {
                int[] x = new int[bits];
                for (int j = 0; j < bits; j++) {
                    x[j] = (int) ((word >>> j) & 1);
                }
                out[filled++] = x;
            }
        }
        return out;
    }

    /**
     * y = ⊕_{i ∈ relevant} x_i for one example. Not modified.
     *
     * @throws IllegalArgumentException if a bit is not 0 or 1 or an index is out of range
     */
    public static int parity(int[] x, int[] relevant) {
        int y = 0;
        for (int i : relevant) {
            if (i < 0 || i >= x.length) {
                throw new IllegalArgumentException("relevant index " + i + " is outside [0, " + x.length + ")");
            }
            if (x[i] != 0 && x[i] != 1) {
                throw new IllegalArgumentException("bit " + i + " is " + x[i] + "; bits must be 0 or 1");
            }
            y ^= x[i];
        }
        return y;
    }

    private static int[] labels(int[][] inputs, int[] relevant) {
        int[] y = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            y[i] = parity(inputs[i], relevant);
        }
        return y;
    }
}
