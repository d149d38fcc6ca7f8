package org.spectraledge.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;

/**
 * A run-shaped stream of updates pushed through the real {@link SpectralTracker}: three drifting directions plus
 * iid noise, where the second mode fades before a "grok" step (so g₂₃ = λ₂ − λ₃ declines before it), and an eval
 * log whose train accuracy saturates early and test accuracy late.
 */
final class SyntheticRun {
    static final int STEPS = 300;
    static final int P = 2000;
    static final int W = 10;
    static final long GROK = 180;

    final List<WindowResult> windows;
    final EvalLog log;

    SyntheticRun(long seed, boolean groks) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] b = new double[3][P];
        for (double[] v : b) for (int i = 0; i < P; i++) v[i] = rnd.nextGaussian() / Math.sqrt(P);
        SpectralTracker tracker = new SpectralTracker("synthetic", P,
                AnalysisConfig.builder().optWindow(W).optLearningRate(0.02).build());
        double[] d = new double[P];
        for (int t = 1; t <= STEPS; t++) {
            double fade = groks ? 1 / (1 + Math.exp((t - 140) / 12.0)) : 1;
            double s1 = 1.0, s2 = 0.12 + 0.6 * fade, s3 = 0.1;
            for (int i = 0; i < P; i++) {
                // a constant drift, a mode oscillating with period 4 and one alternating every step: three time
                // profiles that are nearly orthogonal over a window, so the three modes stay separate
                d[i] = s1 * b[0][i] + s2 * b[1][i] * Math.cos(Math.PI * t / 2) * 1.4 + s3 * b[2][i] * (t % 2 == 0 ? 1 : -1)
                        + 0.004 * rnd.nextGaussian();
            }
            tracker.pushUpdate(VectorSource.of(d), t);
        }
        windows = tracker.results();
        List<EvalRecord> records = new ArrayList<>();
        for (int t = 0; t <= STEPS; t += 10) {
            double train = 1 / (1 + Math.exp(-(t - 50) / 8.0));
            double test = groks ? 0.02 + 0.98 / (1 + Math.exp(-(t - GROK + 15) / 6.0)) : 0.05;
            records.add(new EvalRecord(t, 4.5 * Math.exp(-t / 30.0) + 1e-3, train, 4.5 * (1 - 0.9 * test) + 0.01, test));
        }
        log = new EvalLog(records);
    }
}
