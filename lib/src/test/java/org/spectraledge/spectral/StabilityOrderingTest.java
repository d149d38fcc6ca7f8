package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StabilityOrderingTest {

    /** A window result with the given singular values (diagonal Gram) and stability arrays. */
    private static WindowResult window(long step, boolean partial, double[] sigma, double[] alpha, double[] overlap) {
        int w = sigma.length;
        double[][] g = new double[w][w];
        for (int i = 0; i < w; i++) g[i][i] = sigma[i] * sigma[i];
        Spectrum s = Spectrum.of(g);
        Gaps gaps = Gaps.of(s, Gaps.EPSILON, Gaps.DEFAULT_FLOOR);
        Stability st = new Stability(0.1, 0.05, new double[w], new double[w], alpha, overlap, new double[w / 2]);
        return new WindowResult(step, w, partial, 1000, s, gaps, GapRule.PLAIN, 0, 1, 0, st, RandomMatrixBaseline.of(s, 1000),
                Optional.empty());
    }

    private static final double[] GAP_AT_1 = {10, 2, 1.5, 1};     // r = 5, 1.33, 1.5: k* = 1
    private static final double[] GAP_AT_2 = {10, 8, 1.5, 1};     // r = 1.25, 5.33, 1.5: k* = 2

    @Test
    void groupsAreMeansOverWindowsAndModes() {
        List<WindowResult> run = List.of(
                window(10, false, GAP_AT_1, new double[] {1.0, 0.5, 0.2, 0.0}, new double[] {1.0, 0.9, 0.5, 0.3}),
                window(11, false, GAP_AT_1, new double[] {0.8, 0.3, 0.0, 0.0}, new double[] {0.98, 0.7, 0.3, 0.1}));
        StabilityOrdering o = StabilityOrdering.of(run, 0);
        assertEquals(1, o.kStar());
        assertEquals(2, o.windows());
        assertArrayEquals(new double[] {0.9, 0.4, 0.1, 0.0}, o.alpha(), 1e-15);
        StabilityOrdering.Groups a = o.alphaGroups();
        assertEquals(0.9, a.dominant(), 1e-15);
        assertEquals(0.4, a.gap(), 1e-15);
        assertEquals(0.05, a.sub(), 1e-15);
        assertTrue(a.ordered());
        StabilityOrdering.Groups m = o.overlapGroups();
        assertEquals(0.99, m.dominant(), 1e-15);
        assertEquals(0.8, m.gap(), 1e-15);
        assertEquals(0.3, m.sub(), 1e-15);
        assertTrue(m.ordered());
    }

    @Test
    void kStarIsTheMostFrequentAndGroupsFollowIt() {
        double[] alpha = {1.0, 0.9, 0.4, 0.0};
        double[] overlap = {1.0, 1.0, 0.6, 0.2};
        List<WindowResult> run = List.of(window(1, false, GAP_AT_1, alpha, overlap), window(2, false, GAP_AT_2, alpha, overlap),
                window(3, false, GAP_AT_2, alpha, overlap));
        StabilityOrdering o = StabilityOrdering.of(run, 0);
        assertEquals(2, o.kStar());
        assertEquals(0.95, o.alphaGroups().dominant(), 1e-15);   // modes 1, 2
        assertEquals(0.4, o.alphaGroups().gap(), 1e-15);         // mode 3
        assertEquals(0.0, o.alphaGroups().sub(), 1e-15);         // mode 4
    }

    @Test
    void skipsEarlyPartialAndUnpairedWindows() {
        double[] good = {1.0, 0.2, 0.1, 0.0};
        List<WindowResult> run = List.of(
                window(5, false, GAP_AT_1, new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0}),   // before fromStep
                window(20, true, GAP_AT_1, new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0}),   // partial
                window(21, false, GAP_AT_1, new double[] {0, 0, 0, 0}, new double[] {0, 0, 0}),     // predecessor partial
                window(22, false, GAP_AT_1, good, good));
        StabilityOrdering o = StabilityOrdering.of(run, 10);
        assertEquals(1, o.windows());
        assertArrayEquals(good, o.alpha(), 0);
    }

    @Test
    void tiesAreNotAnOrdering() {
        StabilityOrdering o = StabilityOrdering.of(List.of(window(1, false, GAP_AT_1, new double[] {1, 0, 0, 0},
                new double[] {1, 0.5, 0.4, 0.2})), 0);
        assertFalse(o.alphaGroups().ordered(), "α_gap = α_sub = 0 is not a strict ordering");
        assertTrue(o.overlapGroups().ordered());
    }

    @Test
    void clearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StabilityOrdering.of(List.of(window(1, false, GAP_AT_1, new double[4], new double[4])), 100));
        assertTrue(e.getMessage().contains("no full window from step 100"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StabilityOrdering(3, 1, new double[4], new double[4]));
        assertTrue(e.getMessage().contains("k* ≤ W − 2"), e.getMessage());
    }
}
