package org.spectraledge.datasets;

import java.util.Objects;

/**
 * Generates the modular-arithmetic task a ∘ b mod p of Power et al. (2022), framework §8.
 *
 * <p>All pairs (a, b) ∈ [0, p)² on which the operation is defined (b ≠ 0 for {@code div}) are
 * listed in row-major order, shuffled with {@link SeededRandom} from the seed, and the first
 * round(frac · N) of them become the training set, the rest the test set. The same settings give the
 * same dataset on every JVM.
 *
 * <pre>{@code
 * ModularDataset data = ModularArithmetic.builder()
 *         .setOp(ModularOp.ADD).setP(59)
 *         .optTrainFraction(0.5).optSeed(0)
 *         .build();
 * }</pre>
 */
public final class ModularArithmetic {

    /** Largest modulus: p² examples are held in memory, and 1000² = 10^6 is plenty for grokking. */
    public static final int MAX_P = 1000;

    private ModularArithmetic() {}

    /** A builder; op and p are required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for {@link ModularArithmetic}; validated in {@link #build()}. */
    public static final class Builder {
        private ModularOp op;
        private Integer p;
        private double trainFraction = 0.5;
        private long seed = 0;
        private ModularLayout layout = ModularLayout.PAIR;

        private Builder() {}

        /** The operation (required). */
        public Builder setOp(ModularOp op) {
            this.op = op;
            return this;
        }

        /** The modulus, in [2, {@value ModularArithmetic#MAX_P}]; prime for div and div_odd (required). */
        public Builder setP(int p) {
            this.p = p;
            return this;
        }

        /** The share of pairs used for training, strictly between 0 and 1 (default 0.5). */
        public Builder optTrainFraction(double trainFraction) {
            this.trainFraction = trainFraction;
            return this;
        }

        /** The shuffle seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The token layout (default {@link ModularLayout#PAIR}, two tokens a and b). */
        public Builder optLayout(ModularLayout layout) {
            this.layout = layout;
            return this;
        }

        /**
         * Generates the dataset.
         *
         * @throws IllegalArgumentException if a required setting is missing or a value is out of range
         */
        public ModularDataset build() {
            if (op == null) {
                throw new IllegalArgumentException("the operation is required: call setOp(ModularOp.ADD) or similar");
            }
            if (p == null) {
                throw new IllegalArgumentException("the modulus is required: call setP(97) or similar");
            }
            Objects.requireNonNull(layout, "layout");
            checkModulus(op, p);
            if (!(trainFraction > 0 && trainFraction < 1)) {
                throw new IllegalArgumentException(
                        "train fraction must lie strictly between 0 and 1, got " + trainFraction);
            }
            int total = op.pairCount(p);
            int trainSize = (int) Math.round(trainFraction * total);
            if (trainSize < 1 || trainSize > total - 1) {
                throw new IllegalArgumentException("train fraction " + trainFraction + " of " + total
                        + " pairs leaves an empty train or test set; choose a fraction nearer 0.5 or a larger p");
            }

            // all defined pairs in row-major order, then a seeded shuffle decides the split
            int[] as = new int[total];
            int[] bs = new int[total];
            int n = 0;
            for (int a = 0; a < p; a++) {
                for (int b = op.excludesZeroB() ? 1 : 0; b < p; b++) {
                    as[n] = a;
                    bs[n] = b;
                    n++;
                }
            }
            int[] order = new SeededRandom(seed).permutation(total);

            int testSize = total - trainSize;
            int[][] trainInputs = new int[trainSize][];
            int[] trainLabels = new int[trainSize];
            int[][] testInputs = new int[testSize][];
            int[] testLabels = new int[testSize];
            for (int i = 0; i < total; i++) {
                int a = as[order[i]];
                int b = bs[order[i]];
                if (i < trainSize) {
                    trainInputs[i] = layout.encode(a, b, p);
                    trainLabels[i] = op.apply(a, b, p);
                } else {
                    testInputs[i - trainSize] = layout.encode(a, b, p);
                    testLabels[i - trainSize] = op.apply(a, b, p);
                }
            }
            return new ModularDataset(op, p, layout, trainFraction, seed,
                    trainInputs, trainLabels, testInputs, testLabels);
        }
    }

    /**
     * The inverse b⁻¹ of b modulo a prime p, i.e. the x ∈ [1, p) with b·x ≡ 1 (mod p), by the
     * extended Euclidean algorithm.
     *
     * @throws IllegalArgumentException if b is not in [1, p) or has no inverse (gcd(b, p) ≠ 1)
     */
    public static int inverse(int b, int p) {
        if (p < 2 || b <= 0 || b >= p) {
            throw new IllegalArgumentException("need 0 < b < p and p ≥ 2 for an inverse, got b = " + b + ", p = " + p);
        }
        // invariant: oldS·b ≡ oldR and s·b ≡ r (mod p)
        long oldR = b;
        long r = p;
        long oldS = 1;
        long s = 0;
        while (r != 0) {
            long q = oldR / r;
            long tmp = oldR - q * r;
            oldR = r;
            r = tmp;
            tmp = oldS - q * s;
            oldS = s;
            s = tmp;
        }
        if (oldR != 1) {
            throw new IllegalArgumentException(b + " has no inverse mod " + p + " (gcd = " + oldR + ")");
        }
        return (int) Math.floorMod(oldS, (long) p);
    }

    /** Whether n is prime (trial division; n ≤ {@value #MAX_P} here). */
    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Rejects a modulus the operation cannot use, naming the fix. */
    static void checkModulus(ModularOp op, int p) {
        if (p < 2 || p > MAX_P) {
            throw new IllegalArgumentException("modulus p must lie in [2, " + MAX_P + "], got " + p);
        }
        if (op.needsPrime() && !isPrime(p)) {
            int below = p - 1;
            while (below >= 2 && !isPrime(below)) {
                below--;
            }
            int above = p + 1;
            while (above <= MAX_P && !isPrime(above)) {
                above++;
            }
            String suggestion = below < 2 ? "try p = " + above
                    : above > MAX_P ? "try p = " + below
                    : "try p = " + below + " or " + above;
            throw new IllegalArgumentException(op.taskName() + " needs a prime modulus so that every b ≠ 0 "
                    + "has an inverse; p = " + p + " is not prime (" + suggestion + ")");
        }
    }
}
