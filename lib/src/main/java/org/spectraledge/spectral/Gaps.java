package org.spectraledge.spectral;

/**
 * The gap quantities of one window (framework §2): the ratio profile, k* under each rule, and g₂₃.
 *
 * @param ratios   r_j = σ_j / max(σ_{j+1}, ε·σ_1) for j = 1..w−1 (index j−1); 0/0 counts as 1, so all-zero updates
 *                 give a flat profile and k* = 1 rather than an exception
 * @param plain    the gap under {@link GapRule#PLAIN}
 * @param weighted the gap under {@link GapRule#WEIGHTED}
 * @param floored  the gap under {@link GapRule#FLOORED}
 * @param g23      sub-leading eigen-gap λ_2 − λ_3 (thesis Table 7); NaN when the window holds fewer than 3 updates
 */
public record Gaps(double[] ratios, GapResult plain, GapResult weighted, GapResult floored, double g23) {

    /** The project's ε: σ_{j+1} is floored at ε·σ_1 in every ratio. */
    public static final double EPSILON = 1e-12;
    /** The default τ of the floored rule. */
    public static final double DEFAULT_FLOOR = 0.05;

    public Gaps {
        ratios = ratios.clone();
    }

    @Override public double[] ratios() { return ratios.clone(); }

    /** r_j for 1-based j. */
    public double ratio(int j) { return ratios[j - 1]; }

    /** The result of the given rule. */
    public GapResult by(GapRule rule) {
        return switch (rule) {
            case PLAIN -> plain;
            case WEIGHTED -> weighted;
            case FLOORED -> floored;
        };
    }

    /**
     * Computes every gap quantity of a spectrum.
     *
     * @param spectrum a spectrum of at least 2 values
     * @param epsilon  the ratio floor ε (framework: 1e-12)
     * @param tau      the floored rule's τ (framework: 0.05)
     */
    public static Gaps of(Spectrum spectrum, double epsilon, double tau) {
        int w = spectrum.size();
        if (w < 2) throw new IllegalArgumentException("a gap needs at least 2 singular values, the window has " + w);
        double[] sigma = spectrum.sigma();
        double[] lambda = spectrum.lambda();
        double[] r = ratios(sigma, epsilon);

        double sum = 0;
        for (double s : sigma) sum += s;
        int plain = 0, weighted = 0, floored = -1;
        double bestWeighted = Double.NEGATIVE_INFINITY, bestFloored = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < w - 1; j++) {
            if (r[j] > r[plain]) plain = j;
            double score = sum > 0 ? sigma[j] / sum * r[j] : 0;
            if (score > bestWeighted) { bestWeighted = score; weighted = j; }
            if (sigma[j + 1] >= tau * sigma[0] && r[j] > bestFloored) { bestFloored = r[j]; floored = j; }
        }
        // No σ_{j+1} above the floor means one mode dominates everything: its gap is the only one left.
        if (floored < 0) floored = 0;
        double g23 = w >= 3 ? lambda[1] - lambda[2] : Double.NaN;
        return new Gaps(r, result(GapRule.PLAIN, plain, sigma, lambda, r), result(GapRule.WEIGHTED, weighted, sigma, lambda, r),
                result(GapRule.FLOORED, floored, sigma, lambda, r), g23);
    }

    /** r_j = σ_j / max(σ_{j+1}, ε·σ_1), j = 1..w−1, with 0/0 = 1. */
    static double[] ratios(double[] sigma, double epsilon) {
        double floor = epsilon * sigma[0];
        double[] r = new double[sigma.length - 1];
        for (int j = 0; j < r.length; j++) {
            double below = Math.max(sigma[j + 1], floor);
            r[j] = below > 0 ? sigma[j] / below : 1.0;
        }
        return r;
    }

    private static GapResult result(GapRule rule, int j, double[] sigma, double[] lambda, double[] r) {
        return new GapResult(rule, j + 1, r[j], sigma[j] - sigma[j + 1], lambda[j] - lambda[j + 1]);
    }
}
