package org.spectraledge.events;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Finds the gap event of a run and its lead time over grokking (framework §7).
 *
 * <p>Windows are taken in step order; NaN values (undefined windows) are skipped everywhere: they are
 * never a peak, never a crossing, and never interrupt one. "Pre-grok" windows are those with step
 * strictly before the grok step; for a run that did not grok, all windows.
 *
 * <p><b>Search start.</b> By default the search starts s windows (default s = 10, the default W) after the
 * first window at or past the memorization step, i.e. at the first window made only of post-memorization
 * updates when s = W and one window per snapshot (all windows when the run never memorized). Grokking's
 * gap dynamics live on the plateau between memorization and generalization; before it, the first windows
 * of every run carry the optimizer's start-up transient (Adam's bias correction, the first large steps),
 * whose g₂₃ peak and collapse fire every criterion within a few dozen steps and would make any lead time
 * trivially positive. {@link Builder#optSettleWindows(int)} sets s (use your W);
 * {@link Builder#optSearchFromMemorization(boolean) optSearchFromMemorization(false)} searches all windows. Ties between equal values
 * go to the earliest window. With f the decline factor (default 1.5) and θ the 𝒜 threshold (default 1):
 *
 * <ul>
 *   <li><b>(a) g₂₃ decline.</b> Let p be the window of the largest g₂₃ among pre-grok windows (it must
 *       be &gt; 0). The event is the first window after p, pre- or post-grok, with g₂₃ ≤ g₂₃(p)/f.</li>
 *   <li><b>(b) R peak before collapse</b> (three phases: rise, plateau, collapse). Let p be the window
 *       of the largest R among pre-grok windows. The event is at p when both hold:
 *       <em>rise</em>, R(p) ≥ f · min{R(i) : i &lt; p}, and <em>collapse</em>, some window after p has
 *       R ≤ R(p)/f. Whatever lies between the peak and the collapse is the plateau; it needs no test,
 *       since p is the maximum.</li>
 *   <li><b>(c) 𝒜 crossing θ.</b> The first window with 𝒜 ≥ θ that comes after a window with 𝒜 &lt; θ
 *       (a run that starts above θ has not crossed it yet).</li>
 * </ul>
 * The gap event is the earliest of the three; see {@link GapEvents}.
 *
 * <p><b>Smoothing.</b> Optionally (width w &gt; 1, odd) each series is first replaced by its centred
 * moving median over w windows (fewer at the ends; NaN neighbours are left out), so that a single
 * noisy window can be neither a peak nor a crossing. An undefined window stays undefined. The median
 * looks (w−1)/2 windows ahead, which is fine for the after-the-fact analysis this class does. Default
 * w = 1: no smoothing.
 *
 * <pre>{@code
 * GapEvents e = GapEventDetector.builder().optSmoothing(3).build().detect(series, evalLog);
 * if (e.precedesGrokking()) System.out.println("lead time " + e.leadTime().getAsLong() + " steps");
 * }</pre>
 */
public final class GapEventDetector {
    /** Default f: a fall to ≤ 1/1.5 of the peak (and, for R, a rise by ≥ 1.5×). */
    public static final double DEFAULT_DECLINE_FACTOR = 1.5;
    /** Default θ: 𝒜 ~ 1 marks a phase transition (framework §5). */
    public static final double DEFAULT_ADIABATIC_THRESHOLD = 1.0;
    /** Default s: one default window (W = 10) of post-memorization updates before the search starts. */
    public static final int DEFAULT_SETTLE_WINDOWS = 10;
    /** Default w: no smoothing. */
    public static final int DEFAULT_SMOOTHING = 1;

    private final double declineFactor;
    private final double adiabaticThreshold;
    private final int smoothing;
    private final double memorizationAccuracy;
    private final double grokAccuracy;
    private final boolean searchFromMemorization;
    private final int settleWindows;

    private GapEventDetector(Builder b) {
        this.declineFactor = b.declineFactor;
        this.adiabaticThreshold = b.adiabaticThreshold;
        this.smoothing = b.smoothing;
        this.memorizationAccuracy = b.memorizationAccuracy;
        this.grokAccuracy = b.grokAccuracy;
        this.searchFromMemorization = b.searchFromMemorization;
        this.settleWindows = b.settleWindows;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Detects the events of one run.
     *
     * @param series per-window g₂₃, R and 𝒜, in the eval log's step units. Not modified.
     * @param log the run's evaluations, giving the grok and memorization steps. Not modified.
     */
    public GapEvents detect(GapSeries series, EvalLog log) {
        OptionalLong grok = log.grokStep(grokAccuracy);
        OptionalLong memorized = log.memorizationStep(memorizationAccuracy);
        long[] steps = series.steps();
        int preGrok = grok.isPresent() ? countBefore(steps, grok.getAsLong()) : steps.length;
        int start = searchFromMemorization && memorized.isPresent()
                ? Math.min(steps.length, countBefore(steps, memorized.getAsLong()) + settleWindows) : 0;
        double[] g23 = smooth(series.g23(), start);
        double[] ratio = smooth(series.gapRatio(), start);
        double[] adiabatic = smooth(series.adiabatic(), start);

        int g23Peak = argmax(g23, 0, preGrok);
        boolean g23HasPeak = g23Peak >= 0 && g23[g23Peak] > 0;
        OptionalLong g23Decline = OptionalLong.empty();
        OptionalDouble g23Factor = OptionalDouble.empty();
        if (g23HasPeak) {
            int fall = firstAtOrBelow(g23, g23Peak + 1, g23[g23Peak] / declineFactor);
            if (fall >= 0) g23Decline = OptionalLong.of(steps[fall]);
            int low = argmin(g23, g23Peak + 1, preGrok);
            if (low >= 0) g23Factor = OptionalDouble.of(g23[g23Peak] / g23[low]); // +∞ when g₂₃ reached 0
        }

        return new GapEvents(g23Decline, ratioPeak(ratio, steps, preGrok), adiabaticCrossing(adiabatic, steps),
                g23Factor, grok, memorized);
    }

    /** Criterion (b): the pre-grok maximum of R, if R rose to it by f and later fell from it by f. */
    private OptionalLong ratioPeak(double[] r, long[] steps, int preGrok) {
        int peak = argmax(r, 0, preGrok);
        if (peak < 0 || !(r[peak] > 0)) return OptionalLong.empty();
        int low = argmin(r, 0, peak);
        boolean rose = low >= 0 && r[peak] >= declineFactor * r[low];
        boolean collapsed = firstAtOrBelow(r, peak + 1, r[peak] / declineFactor) >= 0;
        return rose && collapsed ? OptionalLong.of(steps[peak]) : OptionalLong.empty();
    }

    /** Criterion (c): first defined window with 𝒜 ≥ θ after a defined window with 𝒜 &lt; θ. */
    private OptionalLong adiabaticCrossing(double[] a, long[] steps) {
        boolean wasBelow = false;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) continue;
            if (a[i] < adiabaticThreshold) wasBelow = true;
            else if (wasBelow) return OptionalLong.of(steps[i]);
        }
        return OptionalLong.empty();
    }

    /** Number of windows with step &lt; {@code step} (steps are strictly increasing). */
    private static int countBefore(long[] steps, long step) {
        int i = Arrays.binarySearch(steps, step);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the largest defined value in [from, to), earliest on ties; −1 if none is defined. */
    private static int argmax(double[] x, int from, int to) {
        int best = -1;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i]) && (best < 0 || x[i] > x[best])) best = i;
        }
        return best;
    }

    /** Index of the smallest defined value in [from, to), earliest on ties; −1 if none is defined. */
    private static int argmin(double[] x, int from, int to) {
        int best = -1;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i]) && (best < 0 || x[i] < x[best])) best = i;
        }
        return best;
    }

    /** First index ≥ {@code from} with a defined value ≤ {@code limit}; −1 if none. */
    private static int firstAtOrBelow(double[] x, int from, double limit) {
        for (int i = from; i < x.length; i++) {
            if (x[i] <= limit) return i; // NaN compares false: skipped
        }
        return -1;
    }

    /**
     * Centred moving median of width {@link #smoothing} over defined values; NaN windows stay NaN, and the
     * windows before {@code start} become NaN so that no criterion sees them (nor a median window draws on them).
     */
    private double[] smooth(double[] x, int start) {
        Arrays.fill(x, 0, start, Double.NaN); // x is the series' own copy
        if (smoothing == 1) return x;
        int half = smoothing / 2;
        double[] out = new double[x.length];
        double[] buf = new double[smoothing];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
                continue;
            }
            int n = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(x.length - 1, i + half); j++) {
                if (!Double.isNaN(x[j])) buf[n++] = x[j];
            }
            Arrays.sort(buf, 0, n);
            out[i] = n % 2 == 1 ? buf[n / 2] : 0.5 * (buf[n / 2 - 1] + buf[n / 2]);
        }
        return out;
    }

    /** Configuration of a {@link GapEventDetector}; every setting is optional and has a framework defaults (§7). */
    public static final class Builder {
        private double declineFactor = DEFAULT_DECLINE_FACTOR;
        private double adiabaticThreshold = DEFAULT_ADIABATIC_THRESHOLD;
        private int smoothing = DEFAULT_SMOOTHING;
        private double memorizationAccuracy = EvalLog.MEMORIZATION_ACCURACY;
        private double grokAccuracy = EvalLog.GROK_ACCURACY;
        private boolean searchFromMemorization = true;
        private int settleWindows = DEFAULT_SETTLE_WINDOWS;

        private Builder() {}

        /**
         * Whether to search only the windows from the memorization step on (default true; all windows when
         * the run never memorized). False searches every window, start-up transient included.
         */
        public Builder optSearchFromMemorization(boolean fromMemorization) {
            this.searchFromMemorization = fromMemorization;
            return this;
        }

        /** f &gt; 1 (default 1.5): g₂₃ and R must fall to ≤ peak/f, and R must have risen by ≥ f. */
        public Builder optDeclineFactor(double factor) {
            this.declineFactor = factor;
            return this;
        }

        /**
         * s ≥ 0 (default 10): windows skipped after the first one at or past memorization, so that the search sees
         * windows refilled with post-memorization updates; set it to W. Ignored when searching from the start.
         */
        public Builder optSettleWindows(int windows) {
            this.settleWindows = windows;
            return this;
        }

        /** θ &gt; 0 (default 1): the level 𝒜 must cross from below. */
        public Builder optAdiabaticThreshold(double threshold) {
            this.adiabaticThreshold = threshold;
            return this;
        }

        /** Odd moving-median width w ≥ 1 in windows (default 1, no smoothing). */
        public Builder optSmoothing(int width) {
            this.smoothing = width;
            return this;
        }

        /** Train accuracy of memorization, in (0, 1] (default 0.99). */
        public Builder optMemorizationAccuracy(double accuracy) {
            this.memorizationAccuracy = accuracy;
            return this;
        }

        /** Test accuracy of grokking, in (0, 1] (default 0.95). */
        public Builder optGrokAccuracy(double accuracy) {
            this.grokAccuracy = accuracy;
            return this;
        }

        /** Validates the settings. */
        public GapEventDetector build() {
            if (!(declineFactor > 1 && declineFactor < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("decline factor must be a finite number > 1, got " + declineFactor
                        + " (the default 1.5 means a fall to 2/3 of the peak)");
            }
            if (!(adiabaticThreshold > 0 && adiabaticThreshold < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("adiabatic threshold must be a finite number > 0, got "
                        + adiabaticThreshold + " (the default is 1)");
            }
            if (smoothing < 1 || smoothing % 2 == 0) {
                throw new IllegalArgumentException("smoothing width must be odd and ≥ 1 (a centred median), got "
                        + smoothing + "; use 1 for none, 3 or 5 for noisy series");
            }
            if (settleWindows < 0) {
                throw new IllegalArgumentException("settle windows must be ≥ 0, got " + settleWindows
                        + " (the number of windows after memorization to skip; use your W)");
            }
            checkAccuracy("memorization", memorizationAccuracy);
            checkAccuracy("grok", grokAccuracy);
            return new GapEventDetector(this);
        }

        private static void checkAccuracy(String which, double accuracy) {
            if (!(accuracy > 0 && accuracy <= 1)) {
                throw new IllegalArgumentException(which + " accuracy threshold must be in (0, 1], got " + accuracy
                        + "; accuracies are fractions, not percentages");
            }
        }
    }
}
