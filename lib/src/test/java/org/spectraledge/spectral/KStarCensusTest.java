package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link KStarCensus} on a stream with a known answer. For the first {@value #SWITCH} steps every update is one
 * fixed direction plus iid noise: σ₁ ≈ 35 over a noise bulk near ν(√P + √W) ≈ 3.8, so k* = 1 by every rule.
 * Afterwards a second, orthogonal direction with an alternating sign joins at 0.6 of the strength: σ₂ ≈ 21, so
 * r₁ ≈ 1.7 and r₂ ≈ 5.5 while the bulk ratios stay below 1.3 and above the floored rule's τσ₁ ≈ 1.7; k* = 2 by
 * every rule. Windows straddling the switch are left out by the step ranges.
 */
class KStarCensusTest {
    private static final int W = 6;
    private static final int P = 400;
    private static final int SWITCH = 40;
    private static final int STEPS = 90;

    private static List<WindowResult> stream() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = new double[P], b = new double[P];
        for (int i = 0; i < P; i++) {
            a[i] = i % 2 == 0 ? 1 : 0;    // disjoint supports: exactly orthogonal
            b[i] = i % 2 == 1 ? 1 : 0;
        }
        SpectralTracker tracker = new SpectralTracker("census", P, AnalysisConfig.builder().optWindow(W).build());
        for (int t = 1; t <= STEPS; t++) {
            double[] d = new double[P];
            double second = t > SWITCH ? (t % 2 == 0 ? 0.6 : -0.6) : 0;
            for (int i = 0; i < P; i++) d[i] = a[i] + second * b[i] + 0.17 * rnd.nextGaussian();
            tracker.pushUpdate(VectorSource.of(d), t);
        }
        return tracker.results();
    }

    @Test
    void countsTheKnownGapPositionInEachPhase() {
        List<WindowResult> windows = stream();
        // windows ending at t ≤ SWITCH hold only phase-1 updates; windows ending at t ≥ SWITCH + W only phase-2 ones
        for (GapRule rule : GapRule.values()) {
            KStarCensus one = KStarCensus.of(windows, rule, 0, SWITCH);
            assertEquals(SWITCH - W + 1, one.windows(), "full windows ending at steps W..SWITCH");
            assertEquals(1, one.mode(), rule + " in phase 1");
            assertEquals(1.0, one.share(1), rule + " in phase 1");
            assertEquals(W - 1, one.counts().length, "one count per position k = 1..W−1");

            KStarCensus two = KStarCensus.of(windows, rule, SWITCH + W, STEPS);
            assertEquals(STEPS - SWITCH - W + 1, two.windows());
            assertEquals(2, two.mode(), rule + " in phase 2");
            assertEquals(0.0, two.share(1), rule + " in phase 2");
        }
    }

    @Test
    void wholeRunSkipsPartialWindowsAndAddsUp() {
        List<WindowResult> windows = stream();
        KStarCensus all = KStarCensus.of(windows, GapRule.PLAIN);
        long full = windows.stream().filter(w -> !w.partial()).count();
        assertEquals(full, all.windows());
        assertEquals(STEPS - W + 1, all.windows(), "the first W−1 results are partial windows");
        int[] c = all.counts();
        assertEquals(all.windows(), c[0] + c[1], "only k* = 1 and k* = 2 occur");
        assertEquals(all.share(1) + all.share(2), 1.0, 1e-12);
        assertTrue(all.toString().startsWith("plain: k* = "), all.toString());

        Map<GapRule, KStarCensus> byRule = KStarCensus.byRule(windows, 0, SWITCH);
        assertEquals(3, byRule.size());
        assertEquals(KStarCensus.of(windows, GapRule.FLOORED, 0, SWITCH), byRule.get(GapRule.FLOORED));
    }

    @Test
    void emptyRangesAndBadInputAreExplicit() {
        List<WindowResult> windows = stream();
        KStarCensus none = KStarCensus.of(windows, GapRule.WEIGHTED, 1_000, 2_000);
        assertTrue(none.isEmpty());
        assertTrue(Double.isNaN(none.share(1)));
        assertEquals(0, none.count(1));
        assertArrayEquals(new int[0], none.counts());
        assertThrows(IllegalStateException.class, none::mode);
        assertEquals("weighted: no windows", none.toString());
        assertThrows(IllegalArgumentException.class, () -> KStarCensus.of(windows, GapRule.PLAIN, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new KStarCensus(GapRule.PLAIN, 0, 1, new int[] {-1}));
    }
}
