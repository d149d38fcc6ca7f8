package org.spectraledge.theory;

import java.util.Arrays;
import org.spectraledge.datasets.SeededRandom;

/**
 * Synthetic update windows "drift of rank k plus iid noise" (framework §3), the laboratory for every random-matrix
 * claim:
 * <pre>
 *   X = Σ_{m=1}^{k} d_m · a_m b_mᵀ + ν·Z ∈ R^{W×P},   Z_{ti} iid N(0, 1),
 * </pre>
 * with a_1 = (1,…,1)/√W (a drift: every update carries d_1/√W along the same parameter direction b_1), a_2…a_k
 * random unit vectors orthogonal to a_1 and to each other, and b_1…b_k random orthonormal in R^P. With ν = 0 the
 * singular values of X are exactly d_1…d_k (then zeros). Because Z is rotation invariant, the law of the spectrum
 * does not depend on the choice of a_m, b_m — only on d, ν, W and P.
 *
 * <pre>{@code
 * SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(10).setParameters(5000)
 *         .optStrengths(40, 20).optNoise(0.1).build();
 * SpikedWindow x = gen.sample(new SeededRandom(1));
 * }</pre>
 */
public final class SpikedWindowGenerator {
    private final int window;
    private final int parameters;
    private final double[] strengths;
    private final double nu;

    private SpikedWindowGenerator(Builder b) {
        this.window = b.window;
        this.parameters = b.parameters;
        this.strengths = b.strengths.clone();
        this.nu = b.nu;
    }

    public static Builder builder() { return new Builder(); }

    /** W. */
    public int window() { return window; }

    /** P. */
    public int parameters() { return parameters; }

    /** ν. */
    public double nu() { return nu; }

    /** The planted strengths d_m (a copy). */
    public double[] strengths() { return strengths.clone(); }

    /** Draws one window. {@code rnd} is advanced; the same seed gives the same window. */
    public SpikedWindow sample(SeededRandom rnd) {
        int k = strengths.length;
        double[] drift = new double[window];
        Arrays.fill(drift, 1 / Math.sqrt(window));
        double[][] a = k == 0 ? new double[0][] : RandomVectors.orthonormalRows(rnd, k, window, drift);
        double[][] b = RandomVectors.orthonormalRows(rnd, k, parameters);
        double[][] x = new double[window][parameters];
        for (int t = 0; t < window; t++) {
            double[] row = x[t];
            for (int i = 0; i < parameters; i++) row[i] = nu * rnd.nextGaussian();
            for (int m = 0; m < k; m++) {
                double c = strengths[m] * a[m][t];
                for (int i = 0; i < parameters; i++) row[i] += c * b[m][i];
            }
        }
        return new SpikedWindow(x, strengths, a, nu);
    }

    /** Settings: W and P are required; strengths default to none (pure noise), ν to 1. */
    public static final class Builder {
        private int window;
        private int parameters;
        private double[] strengths = new double[0];
        private double nu = 1;

        private Builder() {}

        /** W ≥ 2 (required). */
        public Builder setWindow(int w) { this.window = w; return this; }

        /** P ≥ 1 (required). */
        public Builder setParameters(int p) { this.parameters = p; return this; }

        /** Signal strengths d_1 ≥ d_2 ≥ … ≥ 0 of the planted modes, at most W of them (default none). */
        public Builder optStrengths(double... d) { this.strengths = d.clone(); return this; }

        /** Noise level ν ≥ 0, the standard deviation of each noise entry (default 1). */
        public Builder optNoise(double nu) { this.nu = nu; return this; }

        public SpikedWindowGenerator build() {
            if (window < 2) throw new IllegalArgumentException("window W must be ≥ 2, got " + window + " (call setWindow)");
            if (parameters < 1) throw new IllegalArgumentException("P must be ≥ 1, got " + parameters + " (call setParameters)");
            if (strengths.length > Math.min(window, parameters)) {
                throw new IllegalArgumentException(strengths.length + " planted modes do not fit a " + window + "×"
                        + parameters + " window; plant at most min(W, P)");
            }
            for (int m = 0; m < strengths.length; m++) {
                if (!(strengths[m] >= 0) || Double.isInfinite(strengths[m]) || (m > 0 && strengths[m] > strengths[m - 1])) {
                    throw new IllegalArgumentException("strengths must be finite, ≥ 0 and descending, got "
                            + Arrays.toString(strengths));
                }
            }
            if (!(nu >= 0) || Double.isInfinite(nu)) throw new IllegalArgumentException("noise level ν must be finite and ≥ 0, got " + nu);
            return new SpikedWindowGenerator(this);
        }
    }
}
