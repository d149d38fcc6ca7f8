package org.spectraledge.spectral;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often each gap position k* occurs over a run's windows under one rule (framework §2): the measured form of claims
 * such as "grokking runs have k* = 1" and "Muon gives k* = 1 where AdamW gives k* = 2" (framework §7).
 *
 * <p>Only full windows (w = W, not {@link WindowResult#partial() partial}) whose step t lies in [from, to] are
 * counted: a partial window has fewer ratios, so its k* is not comparable with the others'.
 *
 * <pre>{@code
 * KStarCensus c = KStarCensus.of(run.windows().get("all"), GapRule.PLAIN);
 * c.mode();      // the most frequent k*
 * c.share(1);    // fraction of windows with k* = 1
 * }</pre>
 *
 * @param rule   the rule whose k* is counted
 * @param from   first window step counted (inclusive)
 * @param to     last window step counted (inclusive)
 * @param counts counts[k−1] = number of counted windows with k* = k, k = 1..W−1 (empty when no window was counted)
 */
public record KStarCensus(GapRule rule, long from, long to, int[] counts) {

    public KStarCensus {
        if (rule == null) throw new IllegalArgumentException("a k* census needs a gap rule");
        if (from > to) throw new IllegalArgumentException("step range [" + from + ", " + to + "] is empty; give from ≤ to");
        counts = counts.clone();
        for (int c : counts) if (c < 0) throw new IllegalArgumentException("counts must be ≥ 0, got " + Arrays.toString(counts));
    }

    /** The census of every full window of a run. */
    public static KStarCensus of(List<WindowResult> windows, GapRule rule) {
        return of(windows, rule, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The census of the full windows with step in [from, to].
     *
     * @param windows a run's window results (any order). Not modified.
     */
    public static KStarCensus of(List<WindowResult> windows, GapRule rule, long from, long to) {
        if (from > to) throw new IllegalArgumentException("step range [" + from + ", " + to + "] is empty; give from ≤ to");
        int positions = 0;
        for (WindowResult w : windows) if (counted(w, from, to)) positions = Math.max(positions, w.size() - 1);
        int[] counts = new int[positions];
        for (WindowResult w : windows) if (counted(w, from, to)) counts[w.gaps().by(rule).kStar() - 1]++;
        return new KStarCensus(rule, from, to, counts);
    }

    /** One census per rule (plain, weighted, floored) over the same windows. */
    public static Map<GapRule, KStarCensus> byRule(List<WindowResult> windows, long from, long to) {
        Map<GapRule, KStarCensus> m = new EnumMap<>(GapRule.class);
        for (GapRule r : GapRule.values()) m.put(r, of(windows, r, from, to));
        return m;
    }

    private static boolean counted(WindowResult w, long from, long to) {
        return !w.partial() && w.step() >= from && w.step() <= to;
    }

    @Override public int[] counts() { return counts.clone(); }

    /** Number of windows counted. */
    public int windows() {
        int n = 0;
        for (int c : counts) n += c;
        return n;
    }

    /** True when no window was counted. */
    public boolean isEmpty() { return windows() == 0; }

    /** Number of counted windows with k* = k (0 outside 1..W−1). */
    public int count(int k) { return k >= 1 && k <= counts.length ? counts[k - 1] : 0; }

    /** Fraction of counted windows with k* = k; NaN when no window was counted. */
    public double share(int k) {
        int n = windows();
        return n == 0 ? Double.NaN : (double) count(k) / n;
    }

    /**
     * The most frequent k* (the smallest on ties).
     *
     * @throws IllegalStateException when no window was counted
     */
    public int mode() {
        if (isEmpty()) {
            throw new IllegalStateException("no full window with step in [" + from + ", " + to + "]; widen the range or run longer");
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
        return best + 1;
    }

    /** E.g. {@code "plain: k* = 1 in 97 % of 120 windows (k* = 2: 3 %)"}. */
    @Override
    public String toString() {
        if (isEmpty()) return rule.label() + ": no windows";
        int mode = mode();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: k* = %d in %.0f %% of %d windows",
                rule.label(), mode, 100 * share(mode), windows()));
        StringBuilder rest = new StringBuilder();
        for (int k = 1; k <= counts.length; k++) {
            if (k != mode && counts[k - 1] > 0) {
                rest.append(rest.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "k* = %d: %.0f %%", k, 100 * share(k)));
            }
        }
        if (rest.length() > 0) s.append(" (").append(rest).append(')');
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KStarCensus c && rule == c.rule && from == c.from && to == c.to && Arrays.equals(counts, c.counts);
    }

    @Override
    public int hashCode() { return 31 * (31 * (31 * rule.hashCode() + Long.hashCode(from)) + Long.hashCode(to)) + Arrays.hashCode(counts); }
}
