package org.spectraledge.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Dyson Brownian motion (framework §6): exact moment identities and level repulsion. */
class DysonBrownianMotionTest {

    @Test
    void secondMomentGrowsAtTheExactRateAndTheMeanHasNoDrift() {
        int n = 30, runs = 24;
        double dt = 1e-4, t = 0.5;
        for (int beta : new int[] {1, 2}) {
            double growth = 0, meanShift = 0;
            for (int r = 0; r < runs; r++) {
                DysonTrajectory path = DysonBrownianMotion.builder().setSize(n).setBeta(beta).setTimeStep(dt)
                        .setSteps((int) Math.round(t / dt)).optRecordEvery(1000).optSeed(100 + r).build().simulate();
                growth += (sumSquares(path.last()) - sumSquares(path.first())) / runs;
                meanShift += (sum(path.last()) - sum(path.first())) / runs;
            }
            double expected = (n - 1 + 2.0 / beta) * t;
            assertEquals(expected, growth, 0.05 * expected, "β = " + beta);
            // Σλ is a Brownian motion with variance 2t/β: its mean over the runs stays within 4 standard errors
            assertEquals(0, meanShift, 4 * Math.sqrt(2 * t / beta / runs), "β = " + beta);
        }
    }

    @Test
    void levelsRepelPoissonStartBecomesWignerLike() {
        int n = 200;
        for (int beta : new int[] {1, 2}) {
            double before = 0, after = 0;
            int runs = 3;
            for (int r = 0; r < runs; r++) {
                DysonTrajectory path = DysonBrownianMotion.builder().setSize(n).setBeta(beta).setTimeStep(1e-5)
                        .setSteps(15_000).optRecordEvery(15_000).optSeed(7 + r).build().simulate();
                before += LevelSpacing.meanGapRatio(LevelSpacing.bulk(path.first(), 0.6)) / runs;
                after += LevelSpacing.meanGapRatio(LevelSpacing.bulk(path.last(), 0.6)) / runs;
                double[] last = path.last();
                for (int i = 1; i < n; i++) assertTrue(last[i] > last[i - 1], "levels stay ordered");
            }
            assertEquals(LevelSpacing.POISSON_MEAN_RATIO, before, 0.04, "independent start, β = " + beta);
            assertEquals(LevelSpacing.surmiseMeanRatio(beta), after, 0.04, "after the motion, β = " + beta);
        }
    }

    @Test
    void surmisesAreNormalisedWithUnitMeanAndTheRatioMeansAreTheClosedForms() {
        for (int beta : new int[] {1, 2}) {
            double mass = 0, mean = 0, h = 1e-4;
            for (double s = h / 2; s < 8; s += h) {
                mass += LevelSpacing.wignerSurmise(beta, s) * h;
                mean += s * LevelSpacing.wignerSurmise(beta, s) * h;
            }
            assertEquals(1, mass, 1e-8);
            assertEquals(1, mean, 1e-8);
        }
        assertEquals(0.5359, LevelSpacing.surmiseMeanRatio(1), 1e-4);
        assertEquals(0.6027, LevelSpacing.surmiseMeanRatio(2), 1e-4);
        assertEquals(0.3863, LevelSpacing.POISSON_MEAN_RATIO, 1e-4);
        // equally spaced levels: every ratio is 1
        assertEquals(1, LevelSpacing.meanGapRatio(new double[] {0, 1, 2, 3, 4}), 0);
        double[] u = LevelSpacing.unfoldedSpacings(new double[] {0, 1, 3, 6, 10, 15}, 1);
        assertEquals(1 / 1.5, u[0], 1e-15);
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DysonBrownianMotion.builder().setSize(5).setBeta(4).setTimeStep(1e-3).setSteps(10).build());
        assertTrue(e.getMessage().contains("β"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DysonBrownianMotion.builder().optInitial(0, 1, 1).setBeta(1)
                .setTimeStep(1e-3).setSteps(1).build().simulate());
        assertThrows(IllegalArgumentException.class, () -> LevelSpacing.gapRatios(new double[] {0, 2, 1}));
    }

    private static double sum(double[] x) { return Arrays.stream(x).sum(); }

    private static double sumSquares(double[] x) { return Arrays.stream(x).map(v -> v * v).sum(); }
}
