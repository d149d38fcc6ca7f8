package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spectraledge.spectral.WindowOracleTest.nextGaussian;
import static org.spectraledge.spectral.WindowOracleTest.randn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cases with answers known in closed form (framework §1–5). */
class SpectralClosedFormTest {

    @Test
    void orthogonalUpdatesHaveTheirNormsAsSingularValues() {
        double[] norms = {3, 0.5, 7, 1, 2};
        SpectralTracker t = new SpectralTracker("g", 100, AnalysisConfig.builder().optWindow(5).build());
        for (int i = 0; i < norms.length; i++) {
            double[] d = new double[100];
            d[10 * i + 3] = norms[i];
            t.pushUpdate(VectorSource.of(d), i);
        }
        WindowResult r = t.latest().orElseThrow();
        assertArrayEquals(new double[] {7, 3, 2, 1, 0.5}, r.spectrum().sigma(), 1e-14);
        assertArrayEquals(new double[] {7.0 / 3, 1.5, 2, 2}, r.gaps().ratios(), 1e-14);
        assertEquals(1, r.gaps().plain().kStar());
        assertEquals(4, r.gap().gap(), 1e-14);
        assertEquals(49 - 9, r.gap().eigengap(), 1e-12);
        assertEquals(9 - 4, r.gaps().g23(), 1e-12);
        assertEquals(49.0 / (49 + 9 + 4 + 1 + 0.25), r.pc1(), 1e-14);
    }

    @Test
    void rankKDriftPlusSmallNoiseRecoversKUnderTheWeightedRule() {
        for (int k = 1; k <= 3; k++) {
            SplittableRandom rnd = new SplittableRandom(10 + k);
            int p = 5000;
            double[][] basis = new double[k][];
            for (int i = 0; i < k; i++) basis[i] = randn(rnd, p);
            SpectralTracker t = new SpectralTracker("g", p, AnalysisConfig.builder().optWindow(10).build());
            for (int s = 0; s < 30; s++) {
                double[] d = new double[p];
                for (int i = 0; i < k; i++) {
                    double c = (1 + 0.5 * i) * nextGaussian(rnd);   // k independent directions of distinct strength
                    for (int q = 0; q < p; q++) d[q] += c * basis[i][q];
                }
                for (int q = 0; q < p; q++) d[q] += 0.01 * nextGaussian(rnd);
                t.pushUpdate(VectorSource.of(d), s);
            }
            for (WindowResult r : t.results()) {
                if (r.size() == 10) assertEquals(k, r.gaps().weighted().kStar(), "rank " + k + " at step " + r.step());
            }
        }
    }

    @Test
    void adiabaticParameterIsInvariantToScalingAllUpdates() {
        double[][] d = WindowOracleTest.gaussian(25, 400, 7);
        AnalysisConfig cfg = AnalysisConfig.builder().optWindow(6).optLearningRate(1e-3).build();
        SpectralTracker a = new SpectralTracker("g", 400, cfg);
        SpectralTracker b = new SpectralTracker("g", 400, cfg);
        double c = 37.5;
        for (int s = 0; s < d.length; s++) {
            a.pushUpdate(VectorSource.of(d[s]), s);
            double[] scaled = d[s].clone();
            for (int i = 0; i < scaled.length; i++) scaled[i] *= c;
            b.pushUpdate(VectorSource.of(scaled), s);
        }
        for (int i = 0; i < a.results().size(); i++) {
            double x = a.results().get(i).adiabatic().orElseThrow().value();
            double y = b.results().get(i).adiabatic().orElseThrow().value();
            assertEquals(x, y, 1e-10 * x);
            assertEquals(a.results().get(i).stability().deltaExact() * c * c, b.results().get(i).stability().deltaExact(),
                    1e-9 * b.results().get(i).stability().deltaExact());
        }
    }

    @Test
    void adiabaticRegimesFollowTheThresholds() {
        assertEquals(AdiabaticRegime.PLATEAU, Adiabatic.of(0.05, 1, 1, 0.1, 10).regime());
        assertEquals(AdiabaticRegime.TRANSITION, Adiabatic.of(1, 1, 1, 0.1, 10).regime());
        assertEquals(AdiabaticRegime.FORGETTING, Adiabatic.of(50, 1, 1, 0.1, 10).regime());
        assertEquals(AdiabaticRegime.PLATEAU, Adiabatic.of(1, 1, 1, 2, 3).regime(), "thresholds are parameters");
        assertEquals(2.0 / (0.5 * 4), Adiabatic.of(2, 0.5, 2, 0.1, 10).value(), 1e-15);
    }

    @Test
    void allZeroUpdatesGiveZeroSpectrumAndDefinedGapsWithoutException() {
        SpectralTracker t = new SpectralTracker("g", 50,
                AnalysisConfig.builder().optWindow(4).optLearningRate(0.1).build());
        for (int s = 0; s < 8; s++) t.pushUpdate(VectorSource.of(new double[50]), s);
        assertEquals(7, t.results().size());
        for (WindowResult r : t.results()) {
            for (double s : r.spectrum().sigma()) assertEquals(0, s);
            for (double q : r.gaps().ratios()) assertEquals(1, q);
            for (GapRule rule : GapRule.values()) assertEquals(1, r.gaps().by(rule).kStar());
            assertEquals(0, r.gap().gap());
            assertEquals(0, r.pc1());
            assertEquals(0, r.k95());
            assertEquals(0, r.stability().deltaExact());
            assertTrue(Double.isNaN(r.baseline().bbpRatio()), "no noise estimate exists: undefined, written as empty");
            assertEquals(0, r.adiabatic().orElseThrow().value());
            for (double a : r.stability().alphaBound()) assertEquals(1, a);
        }
    }

    @Test
    void partialWindowsAreFlaggedUntilWUpdatesExist() {
        SpectralTracker t = new SpectralTracker("g", 30, AnalysisConfig.builder().optWindow(5).build());
        double[][] d = WindowOracleTest.gaussian(9, 30, 1);
        for (int s = 0; s < d.length; s++) t.pushUpdate(VectorSource.of(d[s]), 100 + s);
        List<WindowResult> rs = t.results();
        assertEquals(8, rs.size(), "no result for a single update: a gap needs two singular values");
        assertEquals(101, rs.get(0).step());
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(Math.min(5, i + 2), rs.get(i).size());
            assertEquals(i + 2 < 5, rs.get(i).partial());
        }
    }

    @Test
    void snapshotModeEqualsUpdateModeOnTheDifferences() {
        double[][] theta = WindowOracleTest.gaussian(15, 200, 5);
        SpectralTracker bySnapshot = new SpectralTracker("g", 200, AnalysisConfig.builder().optWindow(4).build());
        SpectralTracker byUpdate = new SpectralTracker("g", 200, AnalysisConfig.builder().optWindow(4).build());
        bySnapshot.pushSnapshot(VectorSource.of(theta[0]), 0);
        for (int s = 1; s < theta.length; s++) {
            bySnapshot.pushSnapshot(VectorSource.of(theta[s]), s);
            double[] d = new double[200];
            for (int i = 0; i < 200; i++) d[i] = theta[s][i] - theta[s - 1][i];
            byUpdate.pushUpdate(VectorSource.of(d), s);
        }
        assertEquals(byUpdate.results().size(), bySnapshot.results().size());
        for (int i = 0; i < byUpdate.results().size(); i++) {
            assertArrayEquals(byUpdate.results().get(i).spectrum().sigma(), bySnapshot.results().get(i).spectrum().sigma(), 0);
        }
    }

    @Test
    void directionsAreOrthonormalAndReproduceTheWindow() {
        double[][] d = WindowOracleTest.gaussian(6, 300, 9);
        UpdateWindow w = new UpdateWindow("g", 6, 300);
        for (int s = 0; s < d.length; s++) w.pushUpdate(VectorSource.of(d[s]), s);
        double[][] v = w.directions(3);
        Spectrum spectrum = Spectrum.of(w.gram().gram());
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) assertEquals(a == b ? 1 : 0, dot(v[a], v[b]), 1e-12);
            // X v_j = σ_j u_j
            for (int i = 0; i < 6; i++) assertEquals(spectrum.sigma(a + 1) * spectrum.u()[a][i], dot(d[i], v[a]), 1e-10);
        }
    }

    @Test
    void gramRowsPushedDirectlyGiveTheSameResultsAsVectors() {
        double[][] d = WindowOracleTest.gaussian(12, 80, 3);
        AnalysisConfig cfg = AnalysisConfig.builder().optWindow(4).build();
        SpectralTracker vectors = new SpectralTracker("g", 80, cfg);
        GramWindow gram = new GramWindow(4);
        SpectralAnalyzer analyzer = new SpectralAnalyzer(cfg, 80);
        for (int s = 0; s < d.length; s++) {
            vectors.pushUpdate(VectorSource.of(d[s]), s);
            int m = gram.pendingDots();
            double[] dots = new double[m];
            for (int i = 0; i < m; i++) dots[i] = dot(d[s], d[s - m + i]);
            gram.push(dots, dot(d[s], d[s]), s);
            analyzer.analyze(gram).ifPresent(r -> {
                WindowResult e = vectors.latest().orElseThrow();
                assertArrayEquals(e.spectrum().sigma(), r.spectrum().sigma(), 1e-12);
                assertEquals(e.stability().deltaExact(), r.stability().deltaExact(), 1e-9);
            });
        }
    }

    @Test
    void sigmaStaysAccurateWhenOneUpdateIsTenThousandTimesSmaller() {
        UpdateWindow w = new UpdateWindow("g", 3, 3);
        w.pushUpdate(VectorSource.of(new double[] {1e4, 0, 0}), 0);
        w.pushUpdate(VectorSource.of(new double[] {0, 1, 0}), 1);
        w.pushUpdate(VectorSource.of(new double[] {0, 1e-4, 1e-4}), 2);
        double[] sigma = Spectrum.of(w.gram().gram()).sigma();
        assertEquals(1e4, sigma[0], 1e-10);
        // the last two rows have Gram [[1, 1e-4], [1e-4, 2e-8]]: trace 1 + 2e-8, determinant 1e-8
        double s = 1 + 2e-8, big = (s + Math.sqrt(s * s - 4e-8)) / 2, small = 1e-8 / big;
        assertEquals(Math.sqrt(big), sigma[1], 1e-14);
        assertEquals(Math.sqrt(small), sigma[2], 1e-12 * sigma[2]);
        assertFalse(Double.isNaN(sigma[2]));
        assertEquals(3, Arrays.stream(sigma).filter(x -> x > 0).count());
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
