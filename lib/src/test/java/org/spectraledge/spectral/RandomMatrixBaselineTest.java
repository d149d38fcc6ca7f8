package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spectraledge.spectral.WindowOracleTest.nextGaussian;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** framework §3 baselines against Monte Carlo windows of iid noise with known ν. */
class RandomMatrixBaselineTest {

    private static Spectrum noiseWindow(SplittableRandom rnd, int w, int p, double nu) {
        UpdateWindow win = new UpdateWindow("noise", w, p);
        double[] d = new double[p];
        for (int s = 0; s < w; s++) {
            for (int i = 0; i < p; i++) d[i] = nu * nextGaussian(rnd);
            win.pushUpdate(VectorSource.of(d), s);
        }
        return Spectrum.of(win.gram().gram());
    }

    @Test
    void marchenkoPasturEdgesBracketTheNoiseSpectrumAndNuIsRecovered() {
        SplittableRandom rnd = new SplittableRandom(11);
        int w = 20, p = 20_000;
        double nu = 0.3;
        Spectrum s = noiseWindow(rnd, w, p, nu);
        RandomMatrixBaseline known = RandomMatrixBaseline.forNoise(nu * nu, w, p);
        assertEquals(nu * nu * Math.pow(Math.sqrt(p) + Math.sqrt(w), 2), known.mpUpper(), 1e-9);
        assertEquals(nu * nu * Math.pow(Math.sqrt(p) - Math.sqrt(w), 2), known.mpLower(), 1e-9);
        // finite-size fluctuations of the edges are O(P^{-2/3}) relative; allow 2 %
        assertEquals(known.mpUpper(), s.lambda(1), 0.02 * known.mpUpper());
        assertEquals(known.mpLower(), s.lambda(w), 0.02 * known.mpLower());
        RandomMatrixBaseline estimated = RandomMatrixBaseline.of(s, p);
        assertEquals(nu * nu, estimated.nuSquared(), 0.03 * nu * nu, "ν² from the lower half of the spectrum");
        // at P ≫ W every iid mode is far above d_crit: the BBP test is vacuous, as the thesis says
        assertTrue(estimated.bbpRatio() > 5, "σ_W/d_crit = " + estimated.bbpRatio());
        assertEquals(Math.sqrt(nu * nu) * Math.pow((double) p * (w - 1), 0.25), known.dCrit(), 1e-12);
    }

    @Test
    void medianLargestRatioOfIidUpdatesMatchesTheNoiseFloor() {
        SplittableRandom rnd = new SplittableRandom(12);
        int w = 10, p = 1000, trials = 300;
        double[] maxRatio = new double[trials];
        for (int t = 0; t < trials; t++) {
            Spectrum s = noiseWindow(rnd, w, p, 1);
            maxRatio[t] = Arrays.stream(Gaps.of(s, Gaps.EPSILON, Gaps.DEFAULT_FLOOR).ratios()).max().orElseThrow();
        }
        Arrays.sort(maxRatio);
        double median = maxRatio[trials / 2];
        double floor = RandomMatrixBaseline.noiseFloorOfMaxRatio(w, p);
        assertEquals(floor - 1, median - 1, 0.15 * (floor - 1), "median max r_j = " + median + ", floor " + floor);
    }
}
