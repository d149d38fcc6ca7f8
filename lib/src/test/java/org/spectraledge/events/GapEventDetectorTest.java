package org.spectraledge.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Synthetic runs with known answers. Windows sit at steps 0, 100, …, 4900 (window i at step 100·i);
 * evals every 100 steps; unless said otherwise the run memorizes at step 500 and groks at step 3000.
 */
class GapEventDetectorTest {
    private static final int N = 50;
    /** The defaults, except that the search starts right at memorization (step 500), not 10 windows later. */
    private static final GapEventDetector DEFAULTS = detector().build();

    private static GapEventDetector.Builder detector() {
        return GapEventDetector.builder().optSettleWindows(0);
    }

    private static long[] steps() {
        long[] s = new long[N];
        for (int i = 0; i < N; i++) s[i] = 100L * i;
        return s;
    }

    private static double[] constant(double v) {
        double[] x = new double[N];
        Arrays.fill(x, v);
        return x;
    }

    private static double[] undefined() {
        return constant(Double.NaN);
    }

    /** Evals every 100 steps: train accuracy 1 from step 500, test accuracy 0.97 from {@code grok} on. */
    private static EvalLog log(long grok) {
        List<EvalRecord> records = new ArrayList<>();
        for (long step = 0; step < 100L * N; step += 100) {
            records.add(new EvalRecord(step, 0.1, step >= 500 ? 1.0 : 0.3, 1.0, step >= grok ? 0.97 : 0.05));
        }
        return new EvalLog(records);
    }

    private static EvalLog grokAt3000() {
        return log(3000);
    }

    private static EvalLog neverGroks() {
        return log(Long.MAX_VALUE);
    }

    /**
     * g₂₃ rises to a peak of 11 at window 10 (step 1000), then declines geometrically, 10× over 19 windows,
     * to 1.1 at window 29 (step 2900, the last pre-grok window), and stays there.
     */
    private static double[] g23DecliningTenfold() {
        double[] g = new double[N];
        for (int i = 0; i < N; i++) {
            if (i <= 10) g[i] = 1 + i;
            else if (i <= 29) g[i] = 11 * Math.pow(10, -(i - 10) / 19.0);
            else g[i] = 1.1;
        }
        return g;
    }

    /** First window after the peak where 11·10^(−(i−10)/19) ≤ 11/f, i.e. i − 10 ≥ 19·log10(f). */
    private static long g23EventStep(double f) {
        return 100L * (10 + (long) Math.ceil(19 * Math.log10(f)));
    }

    /**
     * R in three phases: rise from 1.2 (window 0) to 3.6 (window 10), a wobbling plateau around 3.6 whose
     * maximum 3.8 is at window 17 (step 1700), and a collapse to 1.3 from window {@code collapseAt} on.
     */
    private static double[] threePhaseRatio(int collapseAt) {
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            if (i <= 10) r[i] = 1.2 + 0.24 * i;
            else if (i < collapseAt) r[i] = i == 17 ? 3.8 : 3.6 + 0.05 * Math.sin(i);
            else r[i] = 1.3;
        }
        return r;
    }

    /** 𝒜 starts above 1 (no crossing yet), drops to 0.1 at window 3, is undefined at window 20, reaches 1 at 21. */
    private static double[] adiabaticCrossingAt2100() {
        double[] a = constant(0.1);
        a[0] = 2.0;
        a[1] = 2.0;
        a[2] = 2.0;
        a[20] = Double.NaN;
        for (int i = 21; i < N; i++) a[i] = 1.0 + 0.01 * (i - 21);
        return a;
    }

    // ---- criterion (a) ---------------------------------------------------------------------------

    @Test
    void g23DeclineTenfoldBeforeGrok() {
        GapSeries s = new GapSeries(steps(), g23DecliningTenfold(), constant(2), undefined());
        GapEvents e = DEFAULTS.detect(s, grokAt3000());
        assertEquals(1400, g23EventStep(1.5), "closed form: ceil(19·log10 1.5) = 4 windows after the peak");
        assertEquals(OptionalLong.of(1400), e.g23DeclineStep());
        assertEquals(10.0, e.g23DeclineFactor().getAsDouble(), 1e-12, "peak 11 / pre-grok minimum 1.1");
        assertEquals(OptionalLong.empty(), e.ratioPeakStep(), "constant R never rises");
        assertEquals(OptionalLong.empty(), e.adiabaticCrossingStep(), "all-NaN 𝒜 is never a crossing");
        assertEquals(OptionalLong.of(1400), e.eventStep());
        assertEquals(Set.of(GapCriterion.G23_DECLINE), e.eventCriteria());
        assertEquals(OptionalLong.of(3000), e.grokStep());
        assertEquals(OptionalLong.of(500), e.memorizationStep());
        assertEquals(OptionalLong.of(1600), e.leadTime());
        assertTrue(e.precedesGrokking());
        assertEquals(String.join("\n", "GapEvents",
                "  gap event: step 1400 [G23_DECLINE], lead time 1600 steps",
                "  (a) g₂₃ decline: step 1400 (g₂₃ fell 10.0× from its pre-grok peak)",
                "  (b) R peak before collapse: -",
                "  (c) 𝒜 crossing: -",
                "  memorization: step 500",
                "  grokking: step 3000"), e.toString());
    }

    @Test
    void startUpTransientBeforeMemorizationIsIgnoredByDefault() {
        double[] g = g23DecliningTenfold();
        g[1] = 50; // a start-up spike at step 100 that collapses at step 200, before memorization (step 500)
        double[] a = constant(0.1);
        a[2] = 3; // and an 𝒜 crossing at step 200
        GapSeries s = new GapSeries(steps(), g, constant(2), a);
        GapEvents e = DEFAULTS.detect(s, grokAt3000());
        assertEquals(OptionalLong.of(1400), e.g23DeclineStep(), "the plateau's decline, as without the spike");
        assertEquals(OptionalLong.empty(), e.adiabaticCrossingStep(), "𝒜 stays at 0.1 from memorization on");
        assertEquals(OptionalLong.of(1600), e.leadTime());

        GapEvents all = detector().optSearchFromMemorization(false).build().detect(s, grokAt3000());
        assertEquals(OptionalLong.of(200), all.g23DeclineStep(), "peak 50 at step 100, first ≤ 50/1.5 at step 200");
        assertEquals(OptionalLong.of(200), all.adiabaticCrossingStep());
        assertEquals(OptionalLong.of(2800), all.leadTime());
    }

    @Test
    void byDefaultTheSearchStartsOneWindowAfterMemorization() {
        double[] g = g23DecliningTenfold();
        g[10] = 0; // the plateau's own peak moves out of reach: windows 5..14 are skipped by default
        g[15] = 20; // the peak from window 15 (step 1500) on
        GapSeries s = new GapSeries(steps(), g, constant(2), undefined());
        assertEquals(10, GapEventDetector.DEFAULT_SETTLE_WINDOWS);
        assertEquals(OptionalLong.of(1600), GapEventDetector.builder().build().detect(s, grokAt3000()).g23DeclineStep(),
                "peak 20 at step 1500, then 11·10^(−6/19) = 5.3 ≤ 20/1.5 at step 1600");
        assertEquals(OptionalLong.of(1600), DEFAULTS.detect(s, grokAt3000()).g23DeclineStep(), "the same peak is the largest");
        g[6] = 40; // a peak inside the settling windows counts only without them
        GapSeries early = new GapSeries(steps(), g, constant(2), undefined());
        assertEquals(OptionalLong.of(1600), GapEventDetector.builder().build().detect(early, grokAt3000()).g23DeclineStep());
        assertEquals(OptionalLong.of(700), DEFAULTS.detect(early, grokAt3000()).g23DeclineStep());
        assertThrows(IllegalArgumentException.class, () -> GapEventDetector.builder().optSettleWindows(-1).build());
    }

    @Test
    void withoutMemorizationEveryWindowIsSearched() {
        List<EvalRecord> records = new ArrayList<>();
        for (long step = 0; step < 100L * N; step += 100) records.add(new EvalRecord(step, 1, 0.5, 1, 0.05));
        GapSeries s = new GapSeries(steps(), g23DecliningTenfold(), constant(2), undefined());
        GapEvents e = DEFAULTS.detect(s, new EvalLog(records));
        assertEquals(OptionalLong.empty(), e.memorizationStep());
        assertEquals(OptionalLong.of(1400), e.g23DeclineStep());
    }

    @Test
    void g23PeakIsTakenBeforeGrokOnlyUnlessTheRunNeverGroks() {
        double[] g = g23DecliningTenfold();
        g[40] = 100; // a post-grok spike, higher than the pre-grok peak
        GapSeries s = new GapSeries(steps(), g, constant(2), undefined());
        assertEquals(OptionalLong.of(1400), DEFAULTS.detect(s, grokAt3000()).g23DeclineStep());
        GapEvents never = DEFAULTS.detect(s, neverGroks());
        assertEquals(OptionalLong.of(4100), never.g23DeclineStep(), "no grok: peak over the whole run (step 4000)");
        assertEquals(100 / 1.1, never.g23DeclineFactor().getAsDouble(), 1e-9);
        assertFalse(never.grokked());
        assertEquals(OptionalLong.empty(), never.leadTime());
        assertFalse(never.precedesGrokking());
    }

    @Test
    void declineFactorIsConfigurable() {
        GapSeries s = new GapSeries(steps(), g23DecliningTenfold(), constant(2), undefined());
        GapEvents e = detector().optDeclineFactor(3).build().detect(s, grokAt3000());
        assertEquals(2000, g23EventStep(3));
        assertEquals(OptionalLong.of(2000), e.g23DeclineStep());
        GapEvents tooStrict = detector().optDeclineFactor(20).build().detect(s, grokAt3000());
        assertEquals(OptionalLong.empty(), tooStrict.g23DeclineStep(), "g23 only ever falls 10×");
    }

    @Test
    void fallingExactlyToPeakOverFactorCounts() {
        double[] g = constant(2.5);
        g[5] = 3.0;
        g[8] = 2.0; // exactly 3.0 / 1.5
        GapEvents e = DEFAULTS.detect(new GapSeries(steps(), g, constant(2), undefined()), grokAt3000());
        assertEquals(OptionalLong.of(800), e.g23DeclineStep());
        assertEquals(1.5, e.g23DeclineFactor().getAsDouble());
    }

    @Test
    void nanWindowsAreSkippedNeverPropagated() {
        double[] g = g23DecliningTenfold();
        g[0] = g[1] = g[2] = Double.NaN; // partial windows
        g[14] = Double.NaN; // the window that would have fired
        GapEvents e = DEFAULTS.detect(new GapSeries(steps(), g, constant(2), undefined()), grokAt3000());
        assertEquals(OptionalLong.of(1500), e.g23DeclineStep());
        assertEquals(10.0, e.g23DeclineFactor().getAsDouble(), 1e-12);

        double[] peakUndefined = g23DecliningTenfold();
        peakUndefined[10] = Double.NaN; // the peak moves to window 9 (10) or 11 (11·10^(−1/19) ≈ 9.7 < 10)
        GapEvents moved = DEFAULTS.detect(new GapSeries(steps(), peakUndefined, constant(2), undefined()), grokAt3000());
        // first i > 9 with 11·10^(−(i−10)/19) ≤ 10/1.5: i − 10 ≥ 19·log10(1.65) = 4.13
        assertEquals(OptionalLong.of(1500), moved.g23DeclineStep());
    }

    // ---- criterion (b) ---------------------------------------------------------------------------

    @Test
    void ratioThreePhasePeakIsTheEvent() {
        GapSeries s = new GapSeries(steps(), constant(1), threePhaseRatio(25), undefined());
        GapEvents e = DEFAULTS.detect(s, grokAt3000());
        assertEquals(OptionalLong.of(1700), e.ratioPeakStep());
        assertEquals(OptionalLong.empty(), e.g23DeclineStep(), "constant g23 never declines");
        assertEquals(Set.of(GapCriterion.RATIO_PEAK), e.eventCriteria());
        assertEquals(OptionalLong.of(1300), e.leadTime());
    }

    @Test
    void ratioNeedsBothRiseAndCollapse() {
        // Collapse after the grok step still counts: the peak is pre-grok, the collapse may come with grokking.
        GapSeries lateCollapse = new GapSeries(steps(), constant(1), threePhaseRatio(35), undefined());
        assertEquals(OptionalLong.of(1700), DEFAULTS.detect(lateCollapse, grokAt3000()).ratioPeakStep());

        GapSeries noCollapse = new GapSeries(steps(), constant(1), threePhaseRatio(N), undefined());
        assertEquals(OptionalLong.empty(), DEFAULTS.detect(noCollapse, grokAt3000()).ratioPeakStep());

        double[] noRise = threePhaseRatio(25);
        for (int i = 0; i <= 10; i++) noRise[i] = Math.max(noRise[i], 3.0); // 3.8 < 1.5 · 3.0
        GapSeries flatStart = new GapSeries(steps(), constant(1), noRise, undefined());
        assertEquals(OptionalLong.empty(), DEFAULTS.detect(flatStart, grokAt3000()).ratioPeakStep());

        double[] partial = threePhaseRatio(25);
        partial[0] = Double.NaN; // an undefined first window is not the starting level
        partial[1] = Double.NaN;
        GapSeries withPartial = new GapSeries(steps(), constant(1), partial, undefined());
        assertEquals(OptionalLong.of(1700), DEFAULTS.detect(withPartial, grokAt3000()).ratioPeakStep());
    }

    @Test
    void smoothingRemovesASingleWindowSpike() {
        double[] r = constant(2.0);
        r[7] = 6.0; // rises 3×, collapses 3× the next window: a (b) event at step 700 unless smoothed
        r[30] = Double.NaN;
        GapSeries s = new GapSeries(steps(), constant(1), r, undefined());
        assertEquals(OptionalLong.of(700), DEFAULTS.detect(s, grokAt3000()).ratioPeakStep());
        GapEventDetector smoothed = detector().optSmoothing(3).build();
        assertEquals(OptionalLong.empty(), smoothed.detect(s, grokAt3000()).ratioPeakStep());
        // A genuine three-phase curve survives the median when its maximum is broader than one window
        // (the one-window maximum at step 1700 of threePhaseRatio would itself be smoothed away).
        double[] broad = threePhaseRatio(25);
        broad[16] = 3.8;
        broad[18] = 3.8;
        GapSeries real = new GapSeries(steps(), constant(1), broad, undefined());
        assertEquals(OptionalLong.of(1600), DEFAULTS.detect(real, grokAt3000()).ratioPeakStep(), "earliest of a tie");
        assertEquals(OptionalLong.of(1600), smoothed.detect(real, grokAt3000()).ratioPeakStep());
    }

    // ---- criterion (c) ---------------------------------------------------------------------------

    @Test
    void adiabaticCrossingFromBelow() {
        GapSeries s = new GapSeries(steps(), constant(1), constant(2), adiabaticCrossingAt2100());
        GapEvents e = DEFAULTS.detect(s, grokAt3000());
        assertEquals(OptionalLong.of(2100), e.adiabaticCrossingStep(), "≥ 1 counts; starting above 1 does not");
        assertEquals(Set.of(GapCriterion.ADIABATIC_CROSSING), e.eventCriteria());
        assertEquals(OptionalLong.of(900), e.leadTime());

        GapEvents halfThreshold = detector().optAdiabaticThreshold(0.05).build().detect(s, grokAt3000());
        assertEquals(OptionalLong.empty(), halfThreshold.adiabaticCrossingStep(), "never below 0.05: no crossing");

        double[] infinite = constant(0.2);
        infinite[7] = Double.POSITIVE_INFINITY; // a zero gap makes 𝒜 infinite
        GapSeries inf = new GapSeries(steps(), constant(1), constant(2), infinite);
        assertEquals(OptionalLong.of(700), DEFAULTS.detect(inf, grokAt3000()).adiabaticCrossingStep());
        GapEvents higher = detector().optAdiabaticThreshold(1.05).build().detect(s, grokAt3000());
        assertEquals(OptionalLong.of(2600), higher.adiabaticCrossingStep(), "1 + 0.01·(i − 21) ≥ 1.05 first at i = 26");
    }

    // ---- combining the criteria ------------------------------------------------------------------

    @Test
    void earliestCriterionWinsAndTiesAreAllReported() {
        double[] a = adiabaticCrossingAt2100();
        GapSeries all = new GapSeries(steps(), g23DecliningTenfold(), threePhaseRatio(25), a);
        GapEvents e = DEFAULTS.detect(all, grokAt3000());
        assertEquals(OptionalLong.of(1400), e.g23DeclineStep());
        assertEquals(OptionalLong.of(1700), e.ratioPeakStep());
        assertEquals(OptionalLong.of(2100), e.adiabaticCrossingStep());
        assertEquals(OptionalLong.of(1400), e.eventStep());
        assertEquals(Set.of(GapCriterion.G23_DECLINE), e.eventCriteria());

        double[] tie = constant(0.5);
        for (int i = 14; i < N; i++) tie[i] = 1.5; // crosses at window 14, with the g23 decline
        GapEvents tied = DEFAULTS.detect(new GapSeries(steps(), g23DecliningTenfold(), threePhaseRatio(25), tie),
                grokAt3000());
        assertEquals(OptionalLong.of(1400), tied.eventStep());
        assertEquals(EnumSet.of(GapCriterion.G23_DECLINE, GapCriterion.ADIABATIC_CROSSING), tied.eventCriteria());
        assertEquals(OptionalLong.of(1600), tied.leadTime());
    }

    @Test
    void noEventAndLateEvent() {
        GapSeries flat = new GapSeries(steps(), constant(1), constant(2), constant(0.2));
        GapEvents none = DEFAULTS.detect(flat, grokAt3000());
        assertEquals(OptionalLong.empty(), none.eventStep());
        assertEquals(Set.of(), none.eventCriteria());
        assertTrue(none.grokked());
        assertEquals(OptionalLong.empty(), none.leadTime());
        assertFalse(none.precedesGrokking());

        // An event after grokking: negative lead time, does not precede.
        GapSeries late = new GapSeries(steps(), constant(1), constant(2), adiabaticCrossingAt2100());
        GapEvents e = DEFAULTS.detect(late, log(1500));
        assertEquals(OptionalLong.of(-600), e.leadTime());
        assertFalse(e.precedesGrokking());
    }

    @Test
    void grokThresholdMovesThePreGrokRange() {
        EvalLog log = grokAt3000();
        GapSeries s = new GapSeries(steps(), g23DecliningTenfold(), constant(2), undefined());
        GapEvents strict = detector().optGrokAccuracy(0.99).build().detect(s, log);
        assertEquals(OptionalLong.empty(), strict.grokStep(), "test accuracy never exceeds 0.97");
        GapEvents lenient = detector().optGrokAccuracy(0.05).optMemorizationAccuracy(0.3).build()
                .detect(s, log);
        assertEquals(OptionalLong.of(0), lenient.grokStep());
        assertEquals(OptionalLong.of(0), lenient.memorizationStep());
        assertEquals(OptionalLong.empty(), lenient.g23DeclineStep(), "no window lies before step 0");
    }

    // ---- validation ------------------------------------------------------------------------------

    @Test
    void seriesValidation() {
        long[] steps = steps();
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new GapSeries(steps, new double[N - 1], constant(2), constant(0)));
        assertTrue(length.getMessage().contains("g23 has 49 values but steps has 50"), length.getMessage());
        long[] unsorted = steps();
        unsorted[3] = 100;
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new GapSeries(unsorted, constant(1), constant(2), constant(0)));
        assertTrue(order.getMessage().contains("window 3 has step 100 after step 200"), order.getMessage());
        double[] negative = constant(1);
        negative[4] = -0.5;
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> new GapSeries(steps, constant(1), negative, constant(0)));
        assertTrue(neg.getMessage().contains("gapRatio at window 4 (step 400) is -0.5"), neg.getMessage());
        double[] inf = constant(1);
        inf[0] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> new GapSeries(steps, inf, constant(2), constant(0)));
    }

    @Test
    void seriesIsAnImmutableValue() {
        long[] steps = steps();
        double[] g = constant(1);
        GapSeries s = new GapSeries(steps, g, constant(2), constant(0));
        steps[0] = 99;
        g[0] = 99;
        s.g23()[1] = 99;
        assertEquals(0, s.steps()[0]);
        assertEquals(1.0, s.g23()[0]);
        assertEquals(1.0, s.g23()[1]);
        assertEquals(N, s.size());
        assertEquals(new GapSeries(steps(), constant(1), constant(2), constant(0)), s);
        assertEquals(new GapSeries(steps(), constant(1), constant(2), constant(0)).hashCode(), s.hashCode());
        assertNotEquals(new GapSeries(steps(), constant(1), constant(2), constant(1)), s);
    }

    @Test
    void builderValidation() {
        IllegalArgumentException factor = assertThrows(IllegalArgumentException.class,
                () -> GapEventDetector.builder().optDeclineFactor(1.0).build());
        assertTrue(factor.getMessage().contains("> 1"), factor.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GapEventDetector.builder().optDeclineFactor(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> GapEventDetector.builder().optAdiabaticThreshold(0).build());
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> GapEventDetector.builder().optSmoothing(2).build());
        assertTrue(even.getMessage().contains("odd"), even.getMessage());
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class,
                () -> GapEventDetector.builder().optGrokAccuracy(95).build());
        assertTrue(percent.getMessage().contains("grok accuracy"), percent.getMessage());
    }
}
