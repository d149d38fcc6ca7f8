package org.spectraledge.spectral;

import java.util.Arrays;
import java.util.List;

/**
 * The predicted ordering of the stability coefficients over a run (framework §4): α_dominant &gt; α_gap &gt; α_sub.
 *
 * <p>Modes are grouped relative to the gap position k*: <em>dominant</em> = modes 1…k* (above the gap), <em>gap</em> =
 * mode k*+1 (the first below it, whose separation from k* is the gap), <em>sub</em> = modes k*+2…W. Each group value
 * is the mean over the windows and over the group's modes, for two variants:
 * <ul>
 *   <li>the bound α_j = max(0, 1 − ‖ΔG‖_F² / gap_j²) ({@link Stability#alphaBound()});</li>
 *   <li>the measured overlap |⟨v_j(t−1), v_j(t)⟩| of consecutive windows ({@link Stability#overlap()}).</li>
 * </ul>
 * The thesis' GPT-2 values (α₁ = 0.818, α₂ = 0.234, α≥4 ≈ 0, with k* = 1) read as dominant, gap and sub in this
 * grouping.
 *
 * @param kStar   the gap position of the grouping: the most frequent headline k* of the windows (ties: the smaller)
 * @param windows number of windows averaged
 * @param alpha   mean α_j (bound) per mode, j = 1…W at index j−1
 * @param overlap mean |⟨v_j(t−1), v_j(t)⟩| per mode, j = 1…W at index j−1
 */
public record StabilityOrdering(int kStar, int windows, double[] alpha, double[] overlap) {

    /**
     * The three group means of one variant.
     *
     * @param dominant mean over modes 1…k*
     * @param gap      mode k*+1
     * @param sub      mean over modes k*+2…W
     */
    public record Groups(double dominant, double gap, double sub) {
        /** True when dominant &gt; gap &gt; sub strictly (the framework §4 prediction). */
        public boolean ordered() { return dominant > gap && gap > sub; }
    }

    public StabilityOrdering {
        if (alpha.length != overlap.length) throw new IllegalArgumentException("need α and overlap for the same modes");
        if (kStar < 1 || kStar + 2 > alpha.length) {
            throw new IllegalArgumentException("k* = " + kStar + " leaves no sub-leading modes in a window of " + alpha.length
                    + " (need k* ≤ W − 2)");
        }
        if (windows < 1) throw new IllegalArgumentException("no windows averaged");
        alpha = alpha.clone();
        overlap = overlap.clone();
    }

    @Override public double[] alpha() { return alpha.clone(); }
    @Override public double[] overlap() { return overlap.clone(); }

    /** The group means of the bound α_j. */
    public Groups alphaGroups() { return groups(alpha); }

    /** The group means of the measured consecutive-window overlap. */
    public Groups overlapGroups() { return groups(overlap); }

    /**
     * Averages the full windows of a run from a step on.
     *
     * <p>Only windows that are full and whose predecessor was full are used (so every mode has both an α and an
     * overlap); windows of another length than the first such window are an error.
     *
     * @param windows  a run's window results, in order (e.g. {@code TrainRun.Result.windows().get(group)})
     * @param fromStep first step to include, e.g. the memorization step (the start-up transient has its own dynamics)
     * @throws IllegalArgumentException if no window qualifies, naming what was found
     */
    public static StabilityOrdering of(List<WindowResult> windows, long fromStep) {
        int w = -1, n = 0;
        double[] alpha = null, overlap = null;
        int[] kCount = null;
        for (WindowResult r : windows) {
            if (r.partial() || r.step() < fromStep || r.stability().overlap().length != r.size()) continue;
            if (w < 0) {
                w = r.size();
                alpha = new double[w];
                overlap = new double[w];
                kCount = new int[w];
            } else if (r.size() != w) {
                throw new IllegalArgumentException("windows of different lengths (" + w + " and " + r.size() + ") cannot be averaged");
            }
            double[] a = r.stability().alphaBound(), o = r.stability().overlap();
            for (int j = 0; j < w; j++) {
                alpha[j] += a[j];
                overlap[j] += o[j];
            }
            kCount[r.kStar() - 1]++;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no full window from step " + fromStep + " on (of " + windows.size()
                    + " windows): start earlier or run longer");
        }
        int k = 0;
        for (int j = 1; j < w; j++) if (kCount[j] > kCount[k]) k = j;
        for (int j = 0; j < w; j++) {
            alpha[j] /= n;
            overlap[j] /= n;
        }
        return new StabilityOrdering(k + 1, n, alpha, overlap);
    }

    private Groups groups(double[] v) {
        double dominant = Arrays.stream(v, 0, kStar).average().orElseThrow();
        double sub = Arrays.stream(v, kStar + 1, v.length).average().orElseThrow();
        return new Groups(dominant, v[kStar], sub);
    }
}
