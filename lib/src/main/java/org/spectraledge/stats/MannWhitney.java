package org.spectraledge.stats;

import java.util.Objects;

/**
 * The Mann–Whitney U test of two independent samples, two-sided, as
 * {@code scipy.stats.mannwhitneyu(x, y, alternative='two-sided', use_continuity=True)} computes it (scipy 1.10).
 *
 * <p>With mid-ranks of the pooled sample, R₁ the rank sum of x, n = n₁ + n₂:
 * <pre>
 *   U₁ = R₁ − n₁(n₁ + 1)/2,   U₂ = n₁n₂ − U₁,   U = max(U₁, U₂)
 * </pre>
 * <ul>
 *   <li>{@link Method#ASYMPTOTIC}: μ = n₁n₂/2, s = √( n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))) ) with t the sizes of
 *       the groups of tied values, z = (U − μ − ½)/s (continuity correction), p = 2(1 − Φ(z)).</li>
 *   <li>{@link Method#EXACT}: p = 2 P(U' ≥ U) under the null distribution of U' for untied samples of sizes n₁, n₂,
 *       counted by f(i, j, k) = f(i − 1, j, k − j) + f(i, j − 1, k) (the largest value belongs to x, beating all j
 *       values of y, or to y). Costs about min(n₁,n₂)² max(n₁,n₂)² / 4 additions.</li>
 * </ul>
 * p is clipped to 1. {@link #test(double[], double[])} chooses like scipy's {@code method='auto'}: exact when the
 * smaller sample has at most 8 values and there are no ties, else asymptotic.
 *
 * @param u U₁, the statistic of the first sample (scipy's {@code statistic})
 * @param n1 size of the first sample, ≥ 1
 * @param n2 size of the second sample, ≥ 1
 * @param pValue two-sided p-value
 * @param method how p was computed
 */
public record MannWhitney(double u, int n1, int n2, double pValue, Method method) {
    /** scipy's 'auto' rule: exact when one sample has at most this many values (and nothing is tied). */
    public static final int EXACT_MAX_SIZE = 8;

    /** How the p-value is computed. */
    public enum Method {
        /** The exact null distribution of U (no tie correction; refused when values are tied). */
        EXACT,
        /** The normal approximation with tie and continuity corrections. */
        ASYMPTOTIC
    }

    public MannWhitney {
        Objects.requireNonNull(method, "method");
        if (n1 < 1 || n2 < 1) throw new IllegalArgumentException("both samples need ≥ 1 value, got " + n1 + ", " + n2);
        if (!(u >= 0 && u <= (double) n1 * n2)) throw new IllegalArgumentException("U must be in [0, n1·n2], got " + u);
        if (!(pValue >= 0 && pValue <= 1)) throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
    }

    /** The test with the method scipy's 'auto' picks (see the class comment). */
    public static Estimate<MannWhitney> test(double[] x, double[] y) {
        Ranks.requireNoNaN(x, "x");
        Ranks.requireNoNaN(y, "y");
        boolean small = Math.min(x.length, y.length) <= EXACT_MAX_SIZE;
        boolean exact = small && !Ranks.hasTies(Ranks.concat(x, y));
        return test(x, y, exact ? Method.EXACT : Method.ASYMPTOTIC);
    }

    /**
     * The test with a chosen method. Not computable when a sample is empty, when every value is equal (the rank
     * statistic does not vary), or for {@link Method#EXACT} on tied values.
     *
     * @param x first sample, no NaN. Not modified.
     * @param y second sample, no NaN. Not modified.
     */
    public static Estimate<MannWhitney> test(double[] x, double[] y, Method method) {
        Objects.requireNonNull(method, "method");
        Ranks.requireNoNaN(x, "x");
        Ranks.requireNoNaN(y, "y");
        int n1 = x.length, n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            return Estimate.notComputable("a sample is empty (n1 = " + n1 + ", n2 = " + n2 + ")");
        }
        double[] xy = Ranks.concat(x, y);
        double u1 = Auc.uPositive(x, y);
        double u = Math.max(u1, (double) n1 * n2 - u1);
        double p;
        if (method == Method.EXACT) {
            if (Ranks.hasTies(xy)) {
                return Estimate.notComputable("the exact null distribution assumes no ties; use the asymptotic method");
            }
            p = 2 * exactUpperTail((long) Math.rint(u), n1, n2);
        } else {
            int n = n1 + n2;
            double variance = (double) n1 * n2 / 12 * ((n + 1) - Ranks.tieTerm(xy) / ((double) n * (n - 1)));
            if (!(variance > 0)) {
                return Estimate.notComputable("all " + n + " values are equal (n1 = " + n1 + ", n2 = " + n2
                        + "): the rank statistic has no variance");
            }
            double z = (u - (double) n1 * n2 / 2 - 0.5) / Math.sqrt(variance);
            p = 2 * Normal.sf(z);
        }
        return Estimate.of(new MannWhitney(u1, n1, n2, Math.min(1, p), method));
    }

    /** P(U' ≥ k) for untied samples of sizes n1, n2. */
    static double exactUpperTail(long k, int n1, int n2) {
        int small = Math.min(n1, n2), large = Math.max(n1, n2);
        // f[i][k]: number of orderings of i values of the small sample and j of the large one with U' = k
        double[][] f = new double[small + 1][];
        for (int i = 0; i <= small; i++) {
            f[i] = new double[1];
            f[i][0] = 1; // j = 0: no pairs, one ordering
        }
        for (int j = 1; j <= large; j++) {
            f[0] = new double[] {1};
            for (int i = 1; i <= small; i++) {
                double[] next = new double[i * j + 1];
                double[] fewerJ = f[i]; // f(i, j − 1, ·), length i(j−1)+1
                System.arraycopy(fewerJ, 0, next, 0, fewerJ.length);
                double[] fewerI = f[i - 1]; // f(i − 1, j, ·), already updated
                for (int t = 0; t < fewerI.length; t++) next[t + j] += fewerI[t];
                f[i] = next;
            }
        }
        double[] counts = f[small];
        double total = 0, tail = 0;
        for (int t = 0; t < counts.length; t++) {
            total += counts[t];
            if (t >= k) tail += counts[t];
        }
        return tail / total;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Mann–Whitney U = %s (n1 = %d, n2 = %d), p = %.4g (%s)",
                u == Math.rint(u) ? String.valueOf((long) u) : String.valueOf(u), n1, n2, pValue,
                method.name().toLowerCase(java.util.Locale.ROOT));
    }
}
