package org.spectraledge.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Fisher's exact test of a 2×2 table, two-sided, with the sample odds ratio, as
 * {@code scipy.stats.fisher_exact([[a, b], [c, d]])} computes them.
 *
 * <pre>
 *         col 1   col 2
 *   row 1   a       b      n₁ = a + b
 *   row 2   c       d      n₂ = c + d
 *          m = a + c
 * </pre>
 * With the margins fixed, a follows the hypergeometric law P(x) = C(n₁, x) C(n₂, m − x) / C(n₁ + n₂, m). The
 * two-sided p-value sums P(x) over every table at most as probable as the observed one, with scipy's relative
 * tolerance: p = Σ { P(x) : P(x) ≤ P(a)·(1 + 10⁻¹⁴) }, clipped to 1. The weights C(n₁, x) C(n₂, m − x) are
 * compared as exact integers, so tables that are equally probable in theory are never split by rounding.
 * The odds ratio is the sample one, ad/(bc), +∞ when bc = 0 (then ad &gt; 0, as the margins are non-zero).
 *
 * @param a row 1, column 1 (≥ 0)
 * @param b row 1, column 2
 * @param c row 2, column 1
 * @param d row 2, column 2
 * @param oddsRatio ad/(bc), may be 0 or +∞, never NaN
 * @param pValue two-sided p-value
 */
public record FisherExact(int a, int b, int c, int d, double oddsRatio, double pValue) {
    /** scipy's relative tolerance for "at most as probable as the observed table". */
    public static final double RELATIVE_TOLERANCE = 1e-14;

    public FisherExact {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("table counts must be ≥ 0, got " + a + ", " + b + ", " + c + ", " + d);
        }
        if (!(oddsRatio >= 0)) throw new IllegalArgumentException("odds ratio must be ≥ 0 (or +∞), got " + oddsRatio);
        if (!(pValue >= 0 && pValue <= 1)) throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
    }

    /**
     * The test of the table [[a, b], [c, d]]. Not computable when a row or a column sums to 0 (scipy returns
     * p = 1 and a NaN odds ratio there: the table carries no information).
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static Estimate<FisherExact> test(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("table counts must be ≥ 0, got [[" + a + ", " + b + "], [" + c + ", " + d + "]]");
        }
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            return Estimate.notComputable("a row or column of the table [[" + a + ", " + b + "], [" + c + ", " + d
                    + "]] is empty: both groups and both outcomes are needed");
        }
        double oddsRatio = (b > 0 && c > 0) ? ((double) a * d) / ((double) b * c) : Double.POSITIVE_INFINITY;
        int n1 = a + b, n2 = c + d, m = a + c;
        int lo = Math.max(0, m - n2), hi = Math.min(m, n1);
        // w(x) = C(n1, x) C(n2, m − x) for x = lo … hi, exactly
        BigInteger[] w = new BigInteger[hi - lo + 1];
        BigInteger c1 = binomial(n1, lo), c2 = binomial(n2, m - lo);
        for (int x = lo; x <= hi; x++) {
            w[x - lo] = c1.multiply(c2);
            if (x < hi) {
                c1 = c1.multiply(BigInteger.valueOf(n1 - x)).divide(BigInteger.valueOf(x + 1));
                c2 = c2.multiply(BigInteger.valueOf(m - x)).divide(BigInteger.valueOf(n2 - m + x + 1));
            }
        }
        // P(x) ≤ P(a)(1 + 1e-14)  ⇔  w(x)·10¹⁴ ≤ w(a)·(10¹⁴ + 1)
        BigInteger scale = BigInteger.TEN.pow(14);
        BigInteger limit = w[a - lo].multiply(scale.add(BigInteger.ONE));
        BigInteger sum = BigInteger.ZERO, total = BigInteger.ZERO;
        for (BigInteger wx : w) {
            total = total.add(wx);
            if (wx.multiply(scale).compareTo(limit) <= 0) sum = sum.add(wx);
        }
        double p = new BigDecimal(sum).divide(new BigDecimal(total), MathContext.DECIMAL64).doubleValue();
        return Estimate.of(new FisherExact(a, b, c, d, oddsRatio, Math.min(1, p)));
    }

    /** C(n, k) exactly. */
    static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        return r;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Fisher exact [[%d, %d], [%d, %d]]: odds ratio %.4g, p = %.4g",
                a, b, c, d, oddsRatio, pValue);
    }
}
