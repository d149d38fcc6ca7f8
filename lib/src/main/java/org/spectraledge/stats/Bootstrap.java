package org.spectraledge.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.spectraledge.datasets.SeededRandom;

/**
 * Seeded percentile bootstrap (Efron 1979): draw B resamples of the same size with replacement, compute the
 * statistic θ*_b on each, and report [q_{(1−c)/2}, q_{(1+c)/2}] of θ*_1 … θ*_B, with q the percentile by linear
 * interpolation between order statistics (numpy's default: position h = (B − 1)q, value θ*_(⌊h⌋) + (h − ⌊h⌋)
 * (θ*_(⌊h⌋+1) − θ*_(⌊h⌋)) on the sorted θ*).
 *
 * <p>Resample indices come from {@link SeededRandom} (SplitMix64, identical on every JVM), so an interval is
 * reproduced exactly by its seed. Two-sample statistics (the AUC) resample each class separately, keeping n⁺ and n⁻.
 * A sample needs at least 2 values: with one, every resample is the same and there is no interval.
 *
 * <pre>{@code
 * Estimate<BootstrapInterval> m = Bootstrap.withSeed(7).median(leadTimes);
 * }</pre>
 *
 * @param resamples B, ≥ 1 (default {@value #DEFAULT_RESAMPLES}; framework §7b asks for ≥ 2,000)
 * @param confidence c in (0, 1) (default 0.95)
 * @param seed seed of the resample indices
 */
public record Bootstrap(int resamples, double confidence, long seed) {
    /** Default B. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** Default c. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public Bootstrap {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be ≥ 1, got " + resamples + " (default 2000)");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95, got " + confidence);
        }
    }

    /** B = 2,000 resamples at 95 % with this seed. */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
    }

    /** Interval for the median of {@code sample} (no NaN; not modified). */
    public Estimate<BootstrapInterval> median(double[] sample) {
        return statistic("median", sample, Bootstrap::medianOf);
    }

    /**
     * Interval for any statistic of one sample.
     *
     * @param name how the statistic is called in reports
     * @param sample values, no NaN. Not modified.
     * @param statistic θ(x); may modify the array it is given (it is a fresh resample); must not return NaN
     */
    public Estimate<BootstrapInterval> statistic(String name, double[] sample, ToDoubleFunction<double[]> statistic) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(statistic, "statistic");
        Ranks.requireNoNaN(sample, "sample");
        int n = sample.length;
        if (n < 2) return Estimate.notComputable("N = " + n + ": a bootstrap interval needs at least 2 values");
        double estimate = checked(name, statistic.applyAsDouble(sample.clone()));
        SeededRandom random = new SeededRandom(seed);
        double[] replicates = new double[resamples];
        double[] x = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) x[i] = sample[random.nextInt(n)];
            replicates[b] = checked(name, statistic.applyAsDouble(x));
        }
        return Estimate.of(interval(name, estimate, replicates, List.of(n)));
    }

    /**
     * Interval for the {@link Auc} of two samples, each class resampled separately (sizes kept). Not computable
     * when either class has fewer than 2 scores.
     *
     * @param positives scores of the positive class, no NaN. Not modified.
     * @param negatives scores of the negative class, no NaN. Not modified.
     */
    public Estimate<BootstrapInterval> auc(double[] positives, double[] negatives) {
        Estimate<Auc> auc = Auc.of(positives, negatives);
        if (!auc.isComputed()) return Estimate.notComputable(auc.reason());
        int np = positives.length, nn = negatives.length;
        if (np < 2 || nn < 2) {
            return Estimate.notComputable("n+ = " + np + ", n- = " + nn + ": a bootstrap interval of the AUC needs at "
                    + "least 2 scores in each class");
        }
        SeededRandom random = new SeededRandom(seed);
        double[] replicates = new double[resamples];
        double[] p = new double[np], q = new double[nn];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < np; i++) p[i] = positives[random.nextInt(np)];
            for (int i = 0; i < nn; i++) q[i] = negatives[random.nextInt(nn)];
            replicates[b] = Auc.uPositive(p, q) / ((double) np * nn);
        }
        return Estimate.of(interval("AUC", auc.value().value(), replicates, List.of(np, nn)));
    }

    private BootstrapInterval interval(String name, double estimate, double[] replicates, List<Integer> sizes) {
        Arrays.sort(replicates);
        double alpha = (1 - confidence) / 2;
        return new BootstrapInterval(name, estimate, percentile(replicates, alpha), percentile(replicates, 1 - alpha),
                confidence, resamples, seed, sizes);
    }

    /** The q-quantile of sorted values by linear interpolation (numpy's default 'linear' method). */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double lower = sorted[lo], upper = sorted[hi];
        return lower == upper ? lower : lower + (h - lo) * (upper - lower);
    }

    /** The median: the middle value, or the mean of the two middle values. May reorder {@code x}. */
    public static double medianOf(double[] x) {
        if (x.length == 0) throw new IllegalArgumentException("the median of no values does not exist");
        Arrays.sort(x);
        int m = x.length / 2;
        return x.length % 2 == 1 ? x[m] : 0.5 * (x[m - 1] + x[m]);
    }

    private static double checked(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("the statistic '" + name + "' returned NaN; a bootstrap needs a value on "
                    + "every resample");
        }
        return value;
    }
}
