package org.spectraledge.stats;

/**
 * The Wilson score interval for a proportion (Wilson 1927), the interval framework §7b uses for every rate.
 *
 * <p>With p̂ = k/n and z = Φ⁻¹(1 − (1 − c)/2) for confidence c:
 * <pre>
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √( p̂(1 − p̂)/n + z²/(4n²) )
 *   [lower, upper] = [centre − half, centre + half]
 * </pre>
 * clamped to [0, 1] against rounding (the exact bounds are 0 at k = 0 and 1 at k = n). Unlike the Wald interval it
 * stays inside [0, 1] and is not degenerate at k = 0 or k = n.
 *
 * @param k successes, 0 ≤ k ≤ n
 * @param n trials, ≥ 1
 * @param confidence c, in (0, 1)
 * @param estimate p̂ = k/n
 * @param lower lower bound
 * @param upper upper bound
 */
public record WilsonInterval(int k, int n, double confidence, double estimate, double lower, double upper) {
    /** Default confidence: 95 %. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public WilsonInterval {
        if (n < 1) throw new IllegalArgumentException("a proportion needs n ≥ 1 trials, got " + n);
        if (k < 0 || k > n) throw new IllegalArgumentException("successes k must be in [0, n] = [0, " + n + "], got " + k);
        checkConfidence(confidence);
        if (!(lower >= 0 && lower <= estimate && estimate <= upper && upper <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ lower ≤ estimate ≤ upper ≤ 1, got " + lower + ", " + estimate
                    + ", " + upper);
        }
    }

    /** {@link #of(int, int, double)} at 95 %. */
    public static Estimate<WilsonInterval> of(int k, int n) {
        return of(k, n, DEFAULT_CONFIDENCE);
    }

    /**
     * The interval for k successes in n trials; not computable when n = 0.
     *
     * @throws IllegalArgumentException if n &lt; 0, k outside [0, n] or the confidence outside (0, 1)
     */
    public static Estimate<WilsonInterval> of(int k, int n, double confidence) {
        checkConfidence(confidence);
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 ≤ k ≤ n, got k = " + k + ", n = " + n);
        }
        if (n == 0) return Estimate.notComputable("N = 0: a rate needs at least one trial");
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double p = (double) k / n, z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        double lower = k == 0 ? 0 : Math.max(0, Math.min(p, centre - half));
        double upper = k == n ? 1 : Math.min(1, Math.max(p, centre + half));
        return Estimate.of(new WilsonInterval(k, n, confidence, p, lower, upper));
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95, got " + confidence);
        }
    }

    /** "k/n = 0.600 [0.231, 0.882] (95 % Wilson)". */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d/%d = %.3f [%.3f, %.3f] (%s %% Wilson)", k, n, estimate, lower,
                upper, percent(confidence));
    }

    static String percent(double confidence) {
        double pc = 100 * confidence;
        return pc == Math.rint(pc) ? String.valueOf((long) pc) : String.valueOf(pc);
    }
}
