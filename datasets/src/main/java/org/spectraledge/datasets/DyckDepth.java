package org.spectraledge.datasets;

import java.util.HashSet;
import java.util.Set;

/**
 * Generates the Dyck-1 depth-prediction task of framework §8: read a bracket sequence and predict, at
 * every position, the nesting depth after that bracket.
 *
 * <p><b>Sequences.</b> Every sequence is a balanced Dyck-1 word of a fixed even length L (so no
 * padding or masks are needed), drawn uniformly among all C(L/2) such words (C = Catalan numbers):
 * at position i with depth d and r = L − i brackets left, "(" is chosen with probability
 * N(r−1, d+1) / N(r, d), where N(r, d) counts the ways to return from depth d to 0 in r steps
 * without going below 0. Train and test sequences are all distinct (train ∩ test = ∅).
 *
 * <p><b>Tokens and labels.</b> "(" is id 0, ")" is id 1. The label at position i is the depth
 * d_i = #"(" − #")" among tokens 0 … i, in [0, L/2]; e.g. "(()())" → 1 2 1 2 1 0.
 *
 * <p><b>Defaults.</b> L = 24 (C(12) = 208,012 possible words), 50 training sequences as in framework §8,
 * 1,000 test sequences, seed 0.
 */
public final class DyckDepth {

    /** Token id of "(". */
    public static final int OPEN = 0;
    /** Token id of ")". */
    public static final int CLOSE = 1;
    /** Longest allowed length: the completion counts N(r, d) ≤ 2^r must fit in a long. */
    public static final int MAX_LENGTH = 60;

    private DyckDepth() {}

    /** A builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for {@link DyckDepth}; validated in {@link #build()}. */
    public static final class Builder {
        private int length = 24;
        private int trainSize = 50;
        private int testSize = 1000;
        private long seed = 0;

        private Builder() {}

        /** Brackets per sequence, even, in [2, {@value DyckDepth#MAX_LENGTH}] (default 24). */
        public Builder optLength(int length) {
            this.length = length;
            return this;
        }

        /** Training sequences (default 50, framework §8). */
        public Builder optTrainSize(int trainSize) {
            this.trainSize = trainSize;
            return this;
        }

        /** Test sequences (default 1,000). */
        public Builder optTestSize(int testSize) {
            this.testSize = testSize;
            return this;
        }

        /** The sampling seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Generates the dataset.
         *
         * @throws IllegalArgumentException if a size is out of range or more distinct sequences are
         *     asked for than exist
         */
        public DyckDataset build() {
            if (length < 2 || length > MAX_LENGTH || length % 2 != 0) {
                throw new IllegalArgumentException("Dyck length must be even and in [2, " + MAX_LENGTH
                        + "], got " + length);
            }
            if (trainSize < 1 || testSize < 1) {
                throw new IllegalArgumentException("train and test sizes must be ≥ 1, got " + trainSize
                        + " and " + testSize);
            }
            long[][] completions = completionCounts(length);
            long available = completions[length][0];
            if ((long) trainSize + testSize > available) {
                throw new IllegalArgumentException("only " + available + " balanced words of length " + length
                        + " exist but " + trainSize + " + " + testSize
                        + " distinct ones were asked for; use a longer length or fewer sequences");
            }
            SeededRandom random = new SeededRandom(seed);
            Set<String> seen = new HashSet<>();
            int[][] trainInputs = sampleDistinct(trainSize, length, completions, random, seen);
            int[][] testInputs = sampleDistinct(testSize, length, completions, random, seen);
            return new DyckDataset(length, seed, trainInputs, depthsOf(trainInputs), testInputs, depthsOf(testInputs));
        }
    }

    /**
     * N[r][d]: the number of ±1 walks of r steps from depth d to depth 0 that never go below 0.
     * N[0][0] = 1, N[0][d] = 0 for d > 0, N[r][d] = N[r−1][d+1] + N[r−1][d−1] (second term only for
     * d > 0). N[L][0] is the Catalan number C(L/2).
     */
    static long[][] completionCounts(int length) {
        long[][] n = new long[length + 1][length + 2];
        n[0][0] = 1;
        for (int r = 1; r <= length; r++) {
            for (int d = 0; d <= length; d++) {
                n[r][d] = n[r - 1][d + 1] + (d > 0 ? n[r - 1][d - 1] : 0);
            }
        }
        return n;
    }

    private static int[][] sampleDistinct(int count, int length, long[][] completions, SeededRandom random,
                                          Set<String> seen) {
        int[][] out = new int[count][];
        int filled = 0;
        while (filled < count) {
            int[] word = sampleWord(length, completions, random);
            if (seen.add(text(word))) {
                out[filled++] = word;
            }
        }
        return out;
    }

    /** One uniform balanced word: step by step, "(" with probability N(r−1, d+1) / N(r, d). */
    private static int[] sampleWord(int length, long[][] completions, SeededRandom random) {
        int[] word = new int[length];
        int depth = 0;
        for (int i = 0; i < length; i++) {
            int remaining = length - i;
            long opens = completions[remaining - 1][depth + 1];
            if (random.nextLong(completions[remaining][depth]) < opens) {
                word[i] = OPEN;
                depth++;
            } else {
                word[i] = CLOSE;
                depth--;
            }
        }
        return word;
    }

    /**
     * The depth after each bracket: d_i = #OPEN − #CLOSE among tokens[0 … i]. Not modified.
     *
     * @throws IllegalArgumentException on a token other than {@link #OPEN}/{@link #CLOSE} or a
     *     ")" with nothing open
     */
    public static int[] depths(int[] tokens) {
        int[] depths = new int[tokens.length];
        int depth = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == OPEN) {
                depth++;
            } else if (tokens[i] == CLOSE) {
                depth--;
            } else {
                throw new IllegalArgumentException("token " + i + " is " + tokens[i] + "; Dyck tokens are "
                        + OPEN + " for '(' and " + CLOSE + " for ')'");
            }
            if (depth < 0) {
                throw new IllegalArgumentException("')' at position " + i + " closes nothing: " + text(tokens));
            }
            depths[i] = depth;
        }
        return depths;
    }

    /** The token ids of a bracket string such as {@code "(()())"}. */
    public static int[] tokens(String brackets) {
        int[] tokens = new int[brackets.length()];
        for (int i = 0; i < tokens.length; i++) {
            char c = brackets.charAt(i);
            if (c == '(') {
                tokens[i] = OPEN;
            } else if (c == ')') {
                tokens[i] = CLOSE;
            } else {
                throw new IllegalArgumentException("character " + i + " of \"" + brackets + "\" is '" + c
                        + "'; only '(' and ')' are allowed");
            }
        }
        return tokens;
    }

    /** The bracket string of token ids, e.g. {@code "(()())"}; other ids print as '?'. */
    public static String text(int[] tokens) {
        StringBuilder sb = new StringBuilder(tokens.length);
        for (int t : tokens) {
            sb.append(t == OPEN ? '(' : t == CLOSE ? ')' : '?');
        }
        return sb.toString();
    }

    private static int[][] depthsOf(int[][] sequences) {
        int[][] out = new int[sequences.length][];
        for (int i = 0; i < sequences.length; i++) {
            out[i] = depths(sequences[i]);
        }
        return out;
    }
}
