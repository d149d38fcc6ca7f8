package org.spectraledge.theory;

import java.util.Arrays;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.spectral.Gaps;
import org.spectraledge.spectral.RandomMatrixBaseline;

/**
 * The iid noise floor of the largest ratio max_j r_j (framework §3) measured by simulation: draw pure-noise W×P windows,
 * compute their ratio profiles with the library's {@link Gaps}, and report quantiles. The framework's fit (§3)ted median is
 * 1 + 0.37·√(W/P) ({@link RandomMatrixBaseline#noiseFloorOfMaxRatio}); this is how such a fit is made and checked.
 *
 * @param window     W
 * @param parameters P
 * @param maxRatios  max_j r_j of every simulated window, sorted ascending
 */
public record NoiseFloorSimulation(int window, int parameters, double[] maxRatios) {

    public NoiseFloorSimulation {
        if (maxRatios.length == 0) throw new IllegalArgumentException("no simulated windows");
        maxRatios = maxRatios.clone();
        Arrays.sort(maxRatios);
    }

    @Override public double[] maxRatios() { return maxRatios.clone(); }

    /**
     * Simulates {@code trials} noise windows (ν = 1; the ratios do not depend on ν).
     *
     * @param seed seed of the noise; the same seed gives the same result
     */
    public static NoiseFloorSimulation run(int w, int p, int trials, long seed) {
        if (trials < 1) throw new IllegalArgumentException("need at least 1 trial, got " + trials);
        SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(w).setParameters(p).build();
        SeededRandom rnd = new SeededRandom(seed);
        double[] max = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[] r = Gaps.of(gen.sample(rnd).spectrum(), Gaps.EPSILON, Gaps.DEFAULT_FLOOR).ratios();
            max[t] = Arrays.stream(r).max().orElseThrow();
        }
        return new NoiseFloorSimulation(w, p, max);
    }

    /** The q-quantile (0 ≤ q ≤ 1) of max_j r_j, linear interpolation between order statistics (numpy's default). */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        double pos = q * (maxRatios.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, maxRatios.length - 1);
        return maxRatios[lo] + (pos - lo) * (maxRatios[hi] - maxRatios[lo]);
    }

    /** The median of max_j r_j. */
    public double median() { return quantile(0.5); }

    /** The framework's fit (§3)ted median 1 + 0.37·√(W/P) at this shape, for comparison. */
    public double fittedMedian() { return RandomMatrixBaseline.noiseFloorOfMaxRatio(window, parameters); }
}
