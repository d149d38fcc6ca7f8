package org.spectraledge.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.spectral.RandomMatrixBaseline;
import org.spectraledge.spectral.Spectrum;
import org.spectraledge.testing.Python;

/** The random-matrix laboratory (framework §3) against closed forms, numpy and scipy. */
class RandomMatrixLabTest {

    @Test
    void withoutNoiseTheSingularValuesAreThePlantedStrengths() {
        SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(8).setParameters(300)
                .optStrengths(5, 2, 0.5).optNoise(0).build();
        SpikedWindow x = gen.sample(new SeededRandom(3));
        Spectrum s = x.spectrum();
        assertEquals(5, s.sigma(1), 1e-12);
        assertEquals(2, s.sigma(2), 1e-12);
        assertEquals(0.5, s.sigma(3), 1e-12);
        assertEquals(0, s.sigma(4), 1e-6);
        // the first planted mode is a drift: every update carries the same amount of it
        for (double a : x.left()[0]) assertEquals(1 / Math.sqrt(8), a, 1e-15);
        // seeded: the same seed gives the same window
        assertArrayEquals(x.updates()[3], gen.sample(new SeededRandom(3)).updates()[3]);
    }

    @Test
    void generatorRejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpikedWindowGenerator.builder().setWindow(4).setParameters(10).optStrengths(1, 2).build());
        assertTrue(e.getMessage().contains("descending"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpikedWindowGenerator.builder().setParameters(10).build());
    }

    @Test
    void spikedModelClosedFormsMatchMonteCarloAboveThreshold() {
        int w = 60, p = 600, trials = 40;
        double nu = 0.5;
        double d = 2 * SpikedModel.criticalStrength(nu, w, p);
        SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(w).setParameters(p)
                .optStrengths(d).optNoise(nu).build();
        SeededRandom rnd = new SeededRandom(5);
        double top = 0, overlap = 0;
        for (int t = 0; t < trials; t++) {
            SpikedWindow x = gen.sample(rnd);
            Spectrum s = x.spectrum();
            top += s.lambda(1) / trials;
            double o = RandomVectors.dot(s.u()[0], x.left()[0]);
            overlap += o * o / trials;
        }
        assertEquals(SpikedModel.topEigenvalue(d, nu, w, p), top, 0.02 * top);
        assertEquals(SpikedModel.squaredOverlap(d, nu, w, p), overlap, 0.04);
        // below threshold the top eigenvalue sits at the bulk edge and the overlap vanishes
        assertEquals(new MarchenkoPastur(nu * nu, w, p).upper(), SpikedModel.topEigenvalue(0.5 * d / 2, nu, w, p), 1e-9);
        assertEquals(0, SpikedModel.squaredOverlap(0.9 * d / 2, nu, w, p));
        // the framework threshold differs from the asymptotic one only by W−1 for W
        assertEquals(Math.pow(59.0 / 60, 0.25), SpikedModel.specCriticalStrength(nu, w, p) / SpikedModel.criticalStrength(nu, w, p), 1e-12);
    }

    @Test
    void bbpDetectionIsAtTheFalseAlarmRateWithoutSignalAndCertainWellAboveThreshold() {
        int trials = 200;
        BbpPhaseDiagram diagram = BbpExperiment.builder().addShape(10, 200).addShape(10, 2000)
                .setStrengthRatios(0, 1, 3).optTrials(trials).optSeed(21).build().run();
        assertEquals(2, diagram.shapes().size());
        double tolerance = 3 * Math.sqrt(0.05 * 0.95 / trials);
        for (int[] shape : diagram.shapes()) {
            List<BbpPoint> c = diagram.curve(shape[0], shape[1]);
            assertEquals(3, c.size());
            assertEquals(0.05, c.get(0).detectionRate(), tolerance, "no signal at " + Arrays.toString(shape));
            assertTrue(c.get(1).detectionRate() > c.get(0).detectionRate(), "rate rises through d_crit");
            assertTrue(c.get(2).detectionRate() >= 0.97, "3·d_crit: " + c.get(2).detectionRate());
            assertTrue(c.get(2).meanSquaredOverlap() > c.get(1).meanSquaredOverlap());
            assertEquals(SpikedModel.specCriticalStrength(1, shape[0], shape[1]) * 3, c.get(2).strength(), 1e-9);
        }
    }

    @Test
    void bbpExperimentRejectsUnsortedStrengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BbpExperiment.builder().addShape(10, 100).setStrengthRatios(2, 1).build());
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
    }

    @Test
    void marchenkoPasturDensityMatchesScipy() throws Exception {
        Python.require("numpy", "scipy");
        for (int[] shape : new int[][] {{50, 200}, {40, 20}}) {
            MarchenkoPastur mp = new MarchenkoPastur(0.7, shape[0], shape[1]);
            double a = mp.lower(), b = mp.upper();
            double[] probes = new double[7];
            StringBuilder java = new StringBuilder();
            for (int i = 0; i < probes.length; i++) {
                probes[i] = a + (b - a) * (i + 0.5) / probes.length;
                java.append(i == 0 ? "" : ",").append(mp.density(probes[i]));
            }
            String out = Python.check(String.join("\n",
                    "import sys, numpy as np",
                    "from scipy.integrate import quad",
                    "nu2, W, P = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])",
                    "y = W / P; xm, xp = nu2 * (1 - y**0.5)**2, nu2 * (1 + y**0.5)**2",
                    "rho_x = lambda x: np.sqrt(max((xp - x) * (x - xm), 0)) / (2 * np.pi * nu2 * y * x)",
                    "rho = lambda l: rho_x(l / P) / P",
                    "probes = [float(v) for v in sys.argv[4].split(',')]",
                    "print(','.join(repr(rho(l)) for l in probes))",
                    "mid = float(sys.argv[5])",
                    "print(repr(quad(rho, xm * P, xp * P, limit=200)[0]))",
                    "print(repr(max(0, 1 - 1 / y) + quad(rho, xm * P, mid, limit=200)[0]))"),
                    List.of("0.7", "" + shape[0], "" + shape[1], join(probes), "" + (a + 0.3 * (b - a))));
            String[] lines = out.strip().split("\n");
            double[] expected = Arrays.stream(lines[0].split(",")).mapToDouble(Double::parseDouble).toArray();
            for (int i = 0; i < probes.length; i++) assertEquals(expected[i], mp.density(probes[i]), 1e-12 * (1 + expected[i]));
            assertEquals(Double.parseDouble(lines[1]), 1 - mp.zeroMass(), 1e-8, "bulk mass");
            assertEquals(Double.parseDouble(lines[2]), mp.cdf(a + 0.3 * (b - a)), 1e-8, "cdf");
            assertEquals(1, mp.cdf(b), 0);
        }
    }

    @Test
    void simulatedNoiseSpectraFollowMarchenkoPastur() {
        int w = 50, p = 200, windows = 30;
        double nu = 1.3;
        SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(w).setParameters(p).optNoise(nu).build();
        SeededRandom rnd = new SeededRandom(9);
        List<Double> all = new ArrayList<>();
        for (int t = 0; t < windows; t++) for (double l : gen.sample(rnd).spectrum().lambda()) all.add(l);
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        MarchenkoPastur mp = new MarchenkoPastur(nu * nu, w, p);
        double ks = 0;
        for (int i = 0; i < sorted.length; i++) {
            double f = mp.cdf(sorted[i]);
            ks = Math.max(ks, Math.max(Math.abs(f - (double) i / sorted.length), Math.abs(f - (i + 1.0) / sorted.length)));
        }
        // 1500 pooled eigenvalues (correlated within a window); finite-W edge effects are a few percent
        assertTrue(ks < 0.04, "Kolmogorov–Smirnov distance " + ks);
        // and it must be able to fail: the law of a different ν is far away
        MarchenkoPastur wrong = new MarchenkoPastur(nu * nu * 1.3, w, p);
        assertTrue(Math.abs(wrong.cdf(sorted[sorted.length / 2]) - 0.5) > 0.1);
    }

    @Test
    void noiseFloorSimulationAgreesWithAnIndependentNumpySimulationAndTheSpecFit() throws Exception {
        Python.require("numpy");
        int w = 10, p = 1000;
        NoiseFloorSimulation sim = NoiseFloorSimulation.run(w, p, 400, 17);
        String out = Python.check(String.join("\n",
                "import sys, numpy as np",
                "W, P, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])",
                "rng = np.random.default_rng(123)",
                "m = []",
                "for _ in range(n):",
                "    s = np.linalg.svd(rng.standard_normal((W, P)), compute_uv=False)",
                "    m.append(np.max(s[:-1] / s[1:]))",
                "print(repr(float(np.median(m))))"), List.of("" + w, "" + p, "2000"));
        double numpyMedian = Double.parseDouble(out.strip());
        double excess = numpyMedian - 1;
        assertEquals(excess, sim.median() - 1, 0.1 * excess, "Java median " + sim.median() + ", numpy " + numpyMedian);
        assertEquals(sim.fittedMedian() - 1, sim.median() - 1, 0.2 * (sim.fittedMedian() - 1));
        assertTrue(sim.quantile(0.05) < sim.median() && sim.median() < sim.quantile(0.95));
        assertEquals(RandomMatrixBaseline.noiseFloorOfMaxRatio(w, p), sim.fittedMedian(), 0);
    }

    private static String join(double[] x) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < x.length; i++) s.append(i == 0 ? "" : ",").append(x[i]);
        return s.toString();
    }
}
