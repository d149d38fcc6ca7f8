package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad input: a clear error that names the problem, and nothing lost. */
class BadInputTest {

    @Test
    void nanUpdateIsRejectedWithStepAndGroupAndTheWindowIsKeptIntact() {
        double[][] d = WindowOracleTest.gaussian(10, 64, 2);
        AnalysisConfig cfg = AnalysisConfig.builder().optWindow(4).build();
        SpectralTracker withBad = new SpectralTracker("attention", 64, cfg);
        SpectralTracker clean = new SpectralTracker("attention", 64, cfg);
        for (int s = 0; s < d.length; s++) {
            clean.pushUpdate(VectorSource.of(d[s]), s);
            if (s == 6) {
                double[] bad = d[s].clone();
                bad[17] = Double.NaN;
                NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class,
                        () -> withBad.pushUpdate(VectorSource.of(bad), 6));
                assertTrue(e.getMessage().contains("step 6"), e.getMessage());
                assertTrue(e.getMessage().contains("'attention'"), e.getMessage());
                assertEquals(6, e.step());
                double[] inf = d[s].clone();
                inf[3] = Double.POSITIVE_INFINITY;
                assertThrows(NonFiniteUpdateException.class, () -> withBad.pushUpdate(VectorSource.of(inf), 6));
            }
            withBad.pushUpdate(VectorSource.of(d[s]), s);
        }
        assertEquals(clean.results().size(), withBad.results().size());
        for (int i = 0; i < clean.results().size(); i++) {
            assertArrayEquals(clean.results().get(i).spectrum().sigma(), withBad.results().get(i).spectrum().sigma(), 0);
            assertEquals(clean.results().get(i).stability().deltaExact(), withBad.results().get(i).stability().deltaExact(), 0);
        }
    }

    @Test
    void nanSnapshotKeepsTheReferenceSnapshot() {
        UpdateWindow w = new UpdateWindow("all", 3, 4);
        w.pushSnapshot(VectorSource.of(new float[] {1, 2, 3, 4}), 0);
        assertThrows(NonFiniteUpdateException.class, () -> w.pushSnapshot(VectorSource.of(new float[] {1, Float.NaN, 3, 4}), 1));
        w.pushSnapshot(VectorSource.of(new float[] {2, 2, 3, 4}), 1);
        assertArrayEquals(new double[] {1, 0, 0, 0}, w.update(0), 0, "δ is taken against the last good snapshot");
    }

    @Test
    void windowShorterThanTwoIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GramWindow(1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnalysisConfig.builder().optWindow(0).build());
    }

    @Test
    void lengthMismatchNamesGroupStepAndBothLengths() {
        SpectralTracker t = new SpectralTracker("trunk", 10, AnalysisConfig.defaults());
        t.pushUpdate(VectorSource.of(new double[10]), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.pushUpdate(VectorSource.of(new double[11]), 1));
        assertTrue(e.getMessage().contains("'trunk'") && e.getMessage().contains("step 1")
                && e.getMessage().contains("11") && e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void unknownGapRuleListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GapRule.parse("median"));
        assertTrue(e.getMessage().contains("plain, weighted, floored"), e.getMessage());
        assertEquals(GapRule.WEIGHTED, GapRule.parse(" Weighted "));
    }

    @Test
    void nonPositiveLearningRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AnalysisConfig.builder().optLearningRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> AnalysisConfig.builder().optRegimeThresholds(10, 1).build());
    }
}
