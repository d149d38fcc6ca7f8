package org.spectraledge.theory;

import java.util.Arrays;

/**
 * Level-spacing statistics, the fingerprint of level repulsion (framework §6). Stateless.
 *
 * <ul>
 *   <li>Gap ratio r̃_i = min(s_i, s_{i+1}) / max(s_i, s_{i+1}) of consecutive spacings s_i = λ_{i+1} − λ_i. It
 *       needs no unfolding (the local density cancels). Means: Poisson 2 ln 2 − 1 ≈ 0.386; Wigner-like surmise
 *       (Atas et al. 2013) 4 − 2√3 ≈ 0.536 for β = 1 and 2√3/π − 1/2 ≈ 0.603 for β = 2 (large-N values 0.531 and
 *       0.600).</li>
 *   <li>Nearest-neighbour spacing densities at unit mean spacing: Poisson e^{−s}; Wigner surmise
 *       (π/2)·s·e^{−πs²/4} (β = 1) and (32/π²)·s²·e^{−4s²/π} (β = 2). Repulsion is p(s) → 0 as s → 0.</li>
 * </ul>
 */
public final class LevelSpacing {
    private LevelSpacing() {}

    /** Mean gap ratio of independent (Poisson) levels: 2 ln 2 − 1. */
    public static final double POISSON_MEAN_RATIO = 2 * Math.log(2) - 1;

    /** Mean gap ratio of the 3×3 surmise: 4 − 2√3 (β = 1), 2√3/π − 1/2 (β = 2). */
    public static double surmiseMeanRatio(int beta) {
        return switch (beta) {
            case 1 -> 4 - 2 * Math.sqrt(3);
            case 2 -> 2 * Math.sqrt(3) / Math.PI - 0.5;
            default -> throw new IllegalArgumentException("β must be 1 or 2, got " + beta);
        };
    }

    /** Wigner surmise p_β(s) at unit mean spacing. */
    public static double wignerSurmise(int beta, double s) {
        if (s < 0) return 0;
        return switch (beta) {
            case 1 -> Math.PI / 2 * s * Math.exp(-Math.PI * s * s / 4);
            case 2 -> 32 / (Math.PI * Math.PI) * s * s * Math.exp(-4 * s * s / Math.PI);
            default -> throw new IllegalArgumentException("β must be 1 or 2, got " + beta);
        };
    }

    /** Poisson spacing density e^{−s}. */
    public static double poissonSpacing(double s) {
        return s < 0 ? 0 : Math.exp(-s);
    }

    /**
     * Gap ratios r̃_i of ascending levels.
     *
     * @param levels at least 3 strictly increasing values. Not modified.
     */
    public static double[] gapRatios(double[] levels) {
        double[] s = spacings(levels);
        if (s.length < 2) throw new IllegalArgumentException("gap ratios need at least 3 levels, got " + levels.length);
        double[] r = new double[s.length - 1];
        for (int i = 0; i < r.length; i++) r[i] = Math.min(s[i], s[i + 1]) / Math.max(s[i], s[i + 1]);
        return r;
    }

    /** Mean of {@link #gapRatios}. */
    public static double meanGapRatio(double[] levels) {
        return Arrays.stream(gapRatios(levels)).average().orElseThrow();
    }

    /**
     * The central fraction of ascending levels (the bulk, away from the spectrum's edges where the density bends).
     *
     * @param fraction in (0, 1]
     */
    public static double[] bulk(double[] levels, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("bulk fraction must be in (0, 1], got " + fraction);
        int keep = Math.max(3, (int) Math.round(levels.length * fraction));
        int from = Math.max(0, (levels.length - keep) / 2);
        return Arrays.copyOfRange(levels, from, Math.min(levels.length, from + keep));
    }

    /**
     * Spacings unfolded to unit local mean: s_i divided by the mean of the spacings s_{i−m}…s_{i+m} (clipped at the
     * ends). A simple local unfolding; good for histograms against the surmise when m ≫ 1 but the density changes
     * little over 2m levels.
     *
     * @param neighbours m ≥ 1
     */
    public static double[] unfoldedSpacings(double[] levels, int neighbours) {
        if (neighbours < 1) throw new IllegalArgumentException("need m ≥ 1 neighbours, got " + neighbours);
        double[] s = spacings(levels);
        double[] u = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            int lo = Math.max(0, i - neighbours), hi = Math.min(s.length - 1, i + neighbours);
            double mean = 0;
            for (int j = lo; j <= hi; j++) mean += s[j];
            mean /= hi - lo + 1;
            u[i] = s[i] / mean;
        }
        return u;
    }

    private static double[] spacings(double[] levels) {
        double[] s = new double[Math.max(0, levels.length - 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = levels[i + 1] - levels[i];
            if (!(s[i] > 0)) throw new IllegalArgumentException("levels must be strictly increasing; sort them and drop repeats");
        }
        return s;
    }
}
