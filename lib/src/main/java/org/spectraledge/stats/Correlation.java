package org.spectraledge.stats;

import java.util.Arrays;

/** Pearson and Spearman correlation of two samples. NaN when either sample is constant. */
public final class Correlation {
    private Correlation() {}

    /** Pearson's r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²). */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need two samples of equal length ≥ 2, got " + x.length + " and " + y.length);
        }
        double mx = Arrays.stream(x).average().orElseThrow(), my = Arrays.stream(y).average().orElseThrow();
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's ρ: Pearson's r of the ranks, ties given their average rank. */
    public static double spearman(double[] x, double[] y) {
        return pearson(Ranks.midranks(x), Ranks.midranks(y));
    }
}
