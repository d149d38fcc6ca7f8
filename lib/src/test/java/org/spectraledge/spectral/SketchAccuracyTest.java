package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spectraledge.spectral.WindowOracleTest.nextGaussian;
import static org.spectraledge.spectral.WindowOracleTest.randn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sketch mode (framework §1): the gap is preserved within 10 % at d = 10·W on a P = 10⁶ structured case. */
class SketchAccuracyTest {

    @Test
    void gapErrorAtTenTimesWindowIsWithinTenPercentAtOneMillionParameters() {
        int p = 1_000_000, w = 10, d = 10 * w;
        SplittableRandom rnd = new SplittableRandom(42);
        double[] a = randn(rnd, p), b = randn(rnd, p);
        AnalysisConfig exactCfg = AnalysisConfig.builder().optWindow(w).build();
        SpectralTracker exact = new SpectralTracker("all", p, exactCfg);
        SpectralTracker sketched = new SpectralTracker("all", p, AnalysisConfig.builder().optWindow(w).optSketch(d).build());
        double[] delta = new double[p];
        for (int s = 0; s < 30; s++) {
            double ca = 1 + 0.3 * nextGaussian(rnd), cb = 0.3 * nextGaussian(rnd);
            for (int i = 0; i < p; i++) delta[i] = ca * a[i] + cb * b[i] + 0.05 * nextGaussian(rnd);
            exact.pushUpdate(VectorSource.of(delta), s);
            sketched.pushUpdate(VectorSource.of(delta), s);
        }
        assertEquals(d, sketched.window().dimension(), "a sketched window stores d-dimensional vectors");
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < exact.results().size(); i++) {
            WindowResult e = exact.results().get(i), k = sketched.results().get(i);
            if (e.partial()) continue;
            assertEquals(e.kStar(), k.kStar(), "same gap position at step " + e.step());
            errors.add(Math.abs(k.gap().gap() - e.gap().gap()) / e.gap().gap());
        }
        Collections.sort(errors);
        double median = errors.get(errors.size() / 2), max = errors.get(errors.size() - 1);
        System.out.printf("sketch d=%d, P=%d: relative gap error median %.2f%%, max %.2f%% over %d windows%n",
                d, p, 100 * median, 100 * max, errors.size());
        assertTrue(max <= 0.10, "max relative gap error " + max);
    }

    @Test
    void sketchIsLinearSoSnapshotDifferencesSketchExactly() {
        CountSketch s = new CountSketch(16, 7);
        double[] x = randn(new SplittableRandom(1), 1000), y = randn(new SplittableRandom(2), 1000), diff = new double[1000];
        for (int i = 0; i < 1000; i++) diff[i] = x[i] - y[i];
        double[] sx = s.apply(VectorSource.of(x)), sy = s.apply(VectorSource.of(y)), sd = s.apply(VectorSource.of(diff));
        for (int j = 0; j < 16; j++) assertEquals(sx[j] - sy[j], sd[j], 1e-12);
        double norm = 0, sketchNorm = 0;
        for (double v : x) norm += v * v;
        for (double v : sx) sketchNorm += v * v;
        assertTrue(Math.abs(sketchNorm / norm - 1) < 0.8, "norm preserved in expectation; one draw is within a few σ");
        double[] again = new CountSketch(16, 7).apply(VectorSource.of(x));
        assertEquals(sx[3], again[3], 0, "fixed seed, fixed projection");
    }
}
