package org.spectraledge.stats;

import java.util.List;
import java.util.Objects;

/**
 * A bootstrap percentile interval, built by {@link Bootstrap}: the statistic on the sample itself, and the
 * (1 − c)/2 and (1 + c)/2 percentiles of the statistic over the resamples.
 *
 * @param statistic name of the statistic ("median", "AUC", or the caller's name)
 * @param estimate the statistic on the original sample(s)
 * @param lower lower percentile of the resampled statistic
 * @param upper upper percentile of the resampled statistic
 * @param confidence c, in (0, 1)
 * @param resamples number of resamples B
 * @param seed the seed that fixes the resamples
 * @param sampleSizes size of each resampled sample (one for a one-sample statistic; n⁺, n⁻ for an AUC)
 */
public record BootstrapInterval(String statistic, double estimate, double lower, double upper, double confidence,
                                int resamples, long seed, List<Integer> sampleSizes) {
    public BootstrapInterval {
        Objects.requireNonNull(statistic, "statistic");
        sampleSizes = List.copyOf(sampleSizes);
        if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("bootstrap values must not be NaN: " + estimate + ", " + lower + ", " + upper);
        }
        if (!(lower <= upper)) throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        if (resamples < 1) throw new IllegalArgumentException("resamples must be ≥ 1, got " + resamples);
        if (sampleSizes.isEmpty()) throw new IllegalArgumentException("at least one sample size");
    }

    /** Whether {@code x} lies in [lower, upper]. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    /** "median 0.12 [−0.30, 0.41] (95 % bootstrap, B = 2000, seed 1, N = 25)". */
    @Override
    public String toString() {
        StringBuilder n = new StringBuilder();
        for (int s : sampleSizes) n.append(n.length() == 0 ? "" : ", ").append(s);
        return String.format(java.util.Locale.ROOT, "%s %.4g [%.4g, %.4g] (%s %% bootstrap, B = %d, seed %d, N = %s)",
                statistic, estimate, lower, upper, WilsonInterval.percent(confidence), resamples, seed, n);
    }
}
