package org.spectraledge.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The signal-strength ODE and the gap flow of framework §6 against their closed forms. */
class SignalFlowTest {

    private static SignalFlow flow() {
        return SignalFlow.builder().setCurvatures(0.5, 2, 8).setGradients(0.3, -0.2, 0.1)
                .setLearningRate(1e-2).optWeightDecay(1).setWindow(10).build();
    }

    @Test
    void rk4IsFourthOrder() {
        // y' = y: error at t = 1 must shrink 16× when h halves
        double e1 = Math.abs(Rk4.integrate((t, y, dy) -> dy[0] = y[0], new double[] {1}, 0, 0.05, 20)[20][0] - Math.E);
        double e2 = Math.abs(Rk4.integrate((t, y, dy) -> dy[0] = y[0], new double[] {1}, 0, 0.025, 40)[40][0] - Math.E);
        assertEquals(16, e1 / e2, 1);
    }

    @Test
    void rk4TrajectoryMatchesTheClosedFormSolution() {
        SignalFlow f = flow();
        double[] d0 = {0.3, 2.0, 0.4};
        SignalTrajectory tr = f.integrate(d0, 0.1, 30_000);
        for (int s : new int[] {100, 3000, 30_000}) {
            double[] exact = f.exact(d0, tr.times()[s]);
            for (int j = 0; j < 3; j++) assertEquals(exact[j], tr.strength()[s][j], 1e-9 * exact[j], "step " + s + " mode " + (j + 1));
        }
    }

    @Test
    void steadyStateIsTheZeroOfTheFlowAndShowsTheInvertedHierarchy() {
        SignalFlow f = flow();
        double[] ss = f.steadyState();
        for (int j = 1; j <= 3; j++) {
            assertEquals(Math.abs(f.gradient(j)) * Math.sqrt(10 / (f.curvature(j) + 1)), ss[j - 1], 1e-15);
            assertEquals(0, f.rate(j, ss[j - 1]), 1e-15);
        }
        // a long integration lands on it
        double[] end = f.integrate(new double[] {1, 1, 1}, 2, 5000).last();
        for (int j = 0; j < 3; j++) assertEquals(ss[j], end[j], 1e-9);
        // equal gradients: the flatter mode carries more signal
        SignalFlow same = SignalFlow.builder().setCurvatures(0.1, 5).setGradients(0.2, 0.2).setLearningRate(1e-2).setWindow(10).build();
        assertTrue(same.steadyState()[0] > same.steadyState()[1]);
    }

    @Test
    void relaxationRateMatchesTheLinearisation() {
        SignalFlow f = flow();
        double[] ss = f.steadyState();
        double[] d0 = {ss[0] * 1.001, ss[1] * 1.001, ss[2] * 1.001};
        SignalTrajectory tr = f.integrate(d0, 0.1, 2000);
        for (int j = 0; j < 3; j++) {
            // between one and three relaxation times of this mode, where the deviation is linear but not yet roundoff
            int s1 = (int) Math.round(1 / Math.abs(f.relaxationRates()[j]) / 0.1);
            int s2 = 3 * s1;
            double measured = Math.log((tr.strength()[s2][j] - ss[j]) / (tr.strength()[s1][j] - ss[j])) / ((s2 - s1) * 0.1);
            assertEquals(f.relaxationRates()[j], measured, 2e-3 * Math.abs(measured));
        }
    }

    @Test
    void gapFlowRightHandSideIsTheDifferenceOfThePerModeFlows() {
        SignalFlow f = flow();
        SplittableRandom rnd = new SplittableRandom(2);
        for (int k = 1; k <= 2; k++) {
            GapFlow g = new GapFlow(f, k);
            for (int t = 0; t < 1000; t++) {
                double[] d = {0.01 + 3 * rnd.nextDouble(), 0.01 + 3 * rnd.nextDouble(), 0.01 + 3 * rnd.nextDouble()};
                double direct = f.rate(k, d[k - 1]) - f.rate(k + 1, d[k]);
                assertEquals(direct, g.rate(d), 1e-12, "k* = " + k);
            }
        }
    }

    @Test
    void gapFixedPointIsTheSteadyGapAndIsStableWithWeightDecay() {
        SignalFlow f = flow();
        GapFlow g = new GapFlow(f, 1);
        double[] ss = f.steadyState();
        assertEquals(g.steadyGap(), g.fixedPoint(ss), 1e-12);
        assertEquals(ss[0] - ss[1], g.steadyGap(), 0);
        assertEquals(1e-2 * ((0.5 + 2) / 2 + 1), g.dampingRate(), 1e-15);
        assertTrue(g.isStable());
        // with negative mean curvature and no weight decay the frozen gap equation runs away
        SignalFlow unstable = SignalFlow.builder().setCurvatures(-1, -0.5).setGradients(0.1, 0.1).setLearningRate(1e-2).setWindow(10).build();
        assertFalse(new GapFlow(unstable, 1).isStable());
        IllegalStateException e = assertThrows(IllegalStateException.class, unstable::steadyState);
        assertTrue(e.getMessage().contains("no steady state"), e.getMessage());
        // the terms add up and are what framework §6 writes
        double[] d = {1.5, 0.7, 0.2};
        GapFlow.Terms terms = g.terms(d);
        assertEquals(-1e-2 * (0.5 - 2) * (1.5 + 0.7) / 2, terms.curvatureAsymmetry(), 1e-15);
        assertEquals(terms.curvatureAsymmetry() + terms.damping() + terms.driving(), terms.total(), 0);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        SignalFlow f = flow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.integrate(new double[] {1, 0, 1}, 1, 10));
        assertTrue(e.getMessage().contains("> 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GapFlow(f, 3));
        assertThrows(IllegalArgumentException.class,
                () -> SignalFlow.builder().setCurvatures(1, 2).setGradients(1).setLearningRate(1).setWindow(3).build());
        assertThrows(IllegalArgumentException.class, () -> Rk4.integrate((t, y, dy) -> { }, new double[1], 0, 0, 1));
    }
}
