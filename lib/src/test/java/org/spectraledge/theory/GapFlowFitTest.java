package org.spectraledge.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.testing.Python;

/** The empirical gap-flow fit (framework §6) against numpy and against the ODE it should recover. */
class GapFlowFitTest {

    @Test
    void matchesNumpyGradientPolyfitAndCorrcoefOnUnevenSteps() throws Exception {
        Python.require("numpy");
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 40;
        double[] t = new double[n], g = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i == 0 ? 0 : t[i - 1]) + 1 + 9 * rnd.nextDouble();
            g[i] = 2 + Math.exp(-t[i] / 80) + 0.05 * rnd.nextGaussian();
        }
        String out = Python.check(String.join("\n",
                "import sys, numpy as np",
                "t = np.array([float(v) for v in sys.argv[1].split(',')])",
                "g = np.array([float(v) for v in sys.argv[2].split(',')])",
                "r = np.gradient(g, t)[1:-1]",
                "a, b = np.polyfit(g[1:-1], r, 1)",
                "c = np.corrcoef(g[1:-1], r)[0, 1]",
                "print(','.join(repr(float(x)) for x in r))",
                "print(repr(float(a)), repr(float(b)), repr(float(c)))"), List.of(csv(t), csv(g)));
        String[] lines = out.strip().split("\n");
        double[] rate = Arrays.stream(lines[0].split(",")).mapToDouble(Double::parseDouble).toArray();
        String[] abc = lines[1].split(" ");
        GapFlowFit fit = GapFlowFit.of(t, g);
        assertEquals(n - 2, fit.gapRate().length);
        for (int i = 0; i < rate.length; i++) assertEquals(rate[i], fit.gapRate()[i], 1e-12 * (1 + Math.abs(rate[i])));
        assertEquals(Double.parseDouble(abc[0]), fit.slope(), 1e-10);
        assertEquals(Double.parseDouble(abc[1]), fit.intercept(), 1e-10);
        assertEquals(Double.parseDouble(abc[2]), fit.correlation(), 1e-10);
        assertEquals(fit.correlation() * fit.correlation(), fit.rSquared(), 1e-15);
    }

    @Test
    void recoversRateAndFixedPointFromTheSignalOde() {
        // equal curvatures: no asymmetry term; near equilibrium each mode relaxes at 2η(h + ω), and so does g
        SignalFlow f = SignalFlow.builder().setCurvatures(0.5, 0.5).setGradients(0.4, 0.1)
                .setLearningRate(1e-2).optWeightDecay(1).setWindow(10).build();
        double[] ss = f.steadyState();
        SignalTrajectory tr = f.integrate(new double[] {ss[0] * 1.03, ss[1] * 0.98}, 0.5, 400);
        // sample it at uneven "window" steps, as a run's table would be
        int[] pick = {0, 3, 7, 10, 16, 21, 30, 37, 45, 60, 72, 90, 111, 130, 160, 200, 240, 300, 350, 400};
        double[] t = Arrays.stream(pick).mapToDouble(i -> tr.times()[i]).toArray();
        double[] g = Arrays.stream(pick).mapToDouble(i -> tr.gap(1)[i]).toArray();
        GapFlowFit fit = GapFlowFit.of(t, g);
        assertTrue(fit.correlation() < -0.99, "corr " + fit.correlation());
        assertTrue(fit.rSquared() > 0.98);
        assertEquals(-f.relaxationRates()[0], fit.rate(), 0.03 * fit.rate());
        assertEquals(new GapFlow(f, 1).steadyGap(), fit.fixedPoint(), 2e-3 * fit.fixedPoint());
        assertEquals(fit.predict(fit.fixedPoint()), 0, 1e-12);
    }

    @Test
    void fitsTheHeadlineGapOfATrackersWindows() {
        SignalFlow f = SignalFlow.builder().setCurvatures(0.5, 0.5).setGradients(0.4, 0.1)
                .setLearningRate(1e-2).optWeightDecay(1).setWindow(10).build();
        SignalTrajectory tr = f.integrate(new double[] {0.6, 0.1}, 1, 200);
        // each window holds two orthogonal updates of lengths d_1(t), d_2(t): its singular values are exactly those
        List<WindowResult> windows = new ArrayList<>();
        double[] t = new double[51], g = new double[51];
        for (int i = 0; i <= 50; i++) {
            int s = 4 * i;
            SpectralTracker tracker = new SpectralTracker("ode", 2, AnalysisConfig.builder().optWindow(2).build());
            tracker.pushUpdate(VectorSource.of(new double[] {tr.strength()[s][0], 0}), s);
            windows.add(tracker.pushUpdate(VectorSource.of(new double[] {0, tr.strength()[s][1]}), s).orElseThrow());
            t[i] = s;
            g[i] = tr.gap(1)[s];
        }
        GapFlowFit fromWindows = GapFlowFit.of(windows);
        GapFlowFit direct = GapFlowFit.of(t, g);
        assertEquals(direct.slope(), fromWindows.slope(), 1e-9 * Math.abs(direct.slope()));
        assertEquals(direct.fixedPoint(), fromWindows.fixedPoint(), 1e-9 * direct.fixedPoint());
        assertEquals(new GapFlow(f, 1).steadyGap(), fromWindows.fixedPoint(), 0.01 * fromWindows.fixedPoint());
    }

    @Test
    void rejectsTooFewOrUnorderedSamples() {
        assertThrows(IllegalArgumentException.class, () -> GapFlowFit.of(new double[] {0, 1, 2}, new double[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GapFlowFit.of(new double[] {0, 2, 1, 3}, new double[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GapFlowFit.of(new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 3, 4}));
    }

    static String csv(double[] x) {
        return Arrays.stream(x).mapToObj(Double::toString).collect(Collectors.joining(","));
    }
}
