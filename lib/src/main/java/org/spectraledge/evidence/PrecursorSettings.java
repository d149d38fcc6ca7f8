package org.spectraledge.evidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.GapEventDetector;

/**
 * Everything a precursor evaluation (framework §7b) depends on, stated with every result.
 *
 * <p>Required: the horizon H and the detector's search start s. Optional, with their defaults:
 * <ul>
 *   <li>decline factor f = {@value GapEventDetector#DEFAULT_DECLINE_FACTOR}, 𝒜 threshold θ =
 *       {@value GapEventDetector#DEFAULT_ADIABATIC_THRESHOLD}, smoothing w = 1 (the detector's defaults);</li>
 *   <li>memorization accuracy 0.99 and grok accuracy 0.95 (framework §7; the detector's pre-grok windows);</li>
 *   <li>search-start shifts −2, −1, 0, +1, +2 windows for the sensitivity table;</li>
 *   <li>negatives' cutoffs {@link NegativeCutoffs#MEDIAN};</li>
 *   <li>bootstrap: 2,000 resamples at 95 % with seed 1;</li>
 *   <li>group: none (the run's {@code windows.csv}, or its only {@code windows-GROUP.csv}).</li>
 * </ul>
 *
 * @param horizon H in optimizer steps, ≥ 1: a true alarm has lead time in (0, H]; a positive is scored at grok − H
 * @param settleWindows s ≥ 0: the detector searches from s windows after the first window at or past memorization
 * @param declineFactor f &gt; 1 of criteria (a) and (b)
 * @param adiabaticThreshold θ &gt; 0 of criterion (c)
 * @param smoothing odd moving-median width w ≥ 1
 * @param memorizationAccuracy train accuracy that marks memorization, in (0, 1]
 * @param grokAccuracy test accuracy that marks grokking for the detector's pre-grok windows, in (0, 1]
 * @param searchStartShifts shifts of s, in windows, for the sensitivity table; contains 0
 * @param negativeCutoffs how negatives scored at several cutoffs enter the ROC
 * @param resamples bootstrap resamples B ≥ 2,000
 * @param confidence confidence of every interval, in (0, 1)
 * @param seed bootstrap seed
 * @param group parameter group whose window CSV to read
 */
public record PrecursorSettings(long horizon, int settleWindows, double declineFactor, double adiabaticThreshold,
                                int smoothing, double memorizationAccuracy, double grokAccuracy,
                                List<Integer> searchStartShifts, NegativeCutoffs negativeCutoffs, int resamples,
                                double confidence, long seed, Optional<String> group) {
    /** Default shifts of the search start for the sensitivity table. */
    public static final List<Integer> DEFAULT_SHIFTS = List.of(-2, -1, 0, 1, 2);
    /** framework §7b: at least this many bootstrap resamples. */
    public static final int MIN_RESAMPLES = 2000;

    public PrecursorSettings {
        searchStartShifts = List.copyOf(searchStartShifts);
        Objects.requireNonNull(negativeCutoffs, "negativeCutoffs");
        Objects.requireNonNull(group, "group");
        if (horizon < 1) throw new IllegalArgumentException("horizon H must be ≥ 1 step, got " + horizon);
        if (settleWindows < 0) {
            throw new IllegalArgumentException("search start (settle windows) must be ≥ 0, got " + settleWindows
                    + "; use your W for the first window of only post-memorization updates");
        }
        if (!(declineFactor > 1)) throw new IllegalArgumentException("decline factor must be > 1, got " + declineFactor);
        if (!(adiabaticThreshold > 0)) {
            throw new IllegalArgumentException("𝒜 threshold must be > 0, got " + adiabaticThreshold);
        }
        if (smoothing < 1 || smoothing % 2 == 0) {
            throw new IllegalArgumentException("smoothing must be an odd width ≥ 1, got " + smoothing);
        }
        checkAccuracy("memorization", memorizationAccuracy);
        checkAccuracy("grok", grokAccuracy);
        if (!searchStartShifts.contains(0)) {
            throw new IllegalArgumentException("search start shifts " + searchStartShifts + " must contain 0, the stated setting");
        }
        if (searchStartShifts.stream().distinct().count() != searchStartShifts.size()) {
            throw new IllegalArgumentException("search start shifts " + searchStartShifts + " repeat a value");
        }
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("bootstrap resamples must be ≥ " + MIN_RESAMPLES + " (framework §7b), got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95, got " + confidence);
        }
        if (group.isPresent() && group.get().isBlank()) throw new IllegalArgumentException("group name is blank");
    }

    private static void checkAccuracy(String which, double accuracy) {
        if (!(accuracy > 0 && accuracy <= 1)) {
            throw new IllegalArgumentException(which + " accuracy must be in (0, 1], got " + accuracy
                    + "; accuracies are fractions, not percentages");
        }
    }

    /** A builder; {@link Builder#setHorizon} and {@link Builder#setSettleWindows} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The gap-event detector these settings describe, with the search start moved by {@code shift} windows. */
    public GapEventDetector detector(int shift) {
        int s = settleWindows + shift;
        if (s < 0) throw new IllegalArgumentException("search start " + settleWindows + " + " + shift + " < 0");
        return GapEventDetector.builder().optSettleWindows(s).optDeclineFactor(declineFactor)
                .optAdiabaticThreshold(adiabaticThreshold).optSmoothing(smoothing)
                .optMemorizationAccuracy(memorizationAccuracy).optGrokAccuracy(grokAccuracy).build();
    }

    /** One line stating every setting, as every report prints it. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "horizon H = %d steps; search start s = %d windows after memorization; "
                        + "f = %s, θ(𝒜) = %s, smoothing %d; memorization ≥ %s, grokking ≥ %s; negatives' cutoffs: %s; "
                        + "bootstrap B = %d, %s %%, seed %d%s",
                horizon, settleWindows, declineFactor, adiabaticThreshold, smoothing, memorizationAccuracy, grokAccuracy,
                negativeCutoffs.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), resamples,
                new java.math.BigDecimal(String.valueOf(100 * confidence)).stripTrailingZeros().toPlainString(), seed,
                group.map(g -> "; group " + g).orElse(""));
    }

    /** Builder: {@code setX} for required values, {@code optX} for optional ones; validated in {@link #build()}. */
    public static final class Builder {
        private Long horizon;
        private Integer settleWindows;
        private double declineFactor = GapEventDetector.DEFAULT_DECLINE_FACTOR;
        private double adiabaticThreshold = GapEventDetector.DEFAULT_ADIABATIC_THRESHOLD;
        private int smoothing = GapEventDetector.DEFAULT_SMOOTHING;
        private double memorizationAccuracy = EvalLog.MEMORIZATION_ACCURACY;
        private double grokAccuracy = EvalLog.GROK_ACCURACY;
        private List<Integer> shifts = DEFAULT_SHIFTS;
        private NegativeCutoffs negativeCutoffs = NegativeCutoffs.MEDIAN;
        private int resamples = MIN_RESAMPLES;
        private double confidence = 0.95;
        private long seed = 1;
        private Optional<String> group = Optional.empty();

        private Builder() {}

        /** Required: horizon H in optimizer steps. */
        public Builder setHorizon(long steps) { this.horizon = steps; return this; }

        /** Required: the detector's search start s, in windows after memorization (use your W). */
        public Builder setSettleWindows(int windows) { this.settleWindows = windows; return this; }

        /** Decline factor f (default 1.5). */
        public Builder optDeclineFactor(double f) { this.declineFactor = f; return this; }

        /** 𝒜 threshold θ (default 1). */
        public Builder optAdiabaticThreshold(double theta) { this.adiabaticThreshold = theta; return this; }

        /** Moving-median width (default 1, none). */
        public Builder optSmoothing(int width) { this.smoothing = width; return this; }

        /** Train accuracy of memorization (default 0.99). */
        public Builder optMemorizationAccuracy(double accuracy) { this.memorizationAccuracy = accuracy; return this; }

        /** Test accuracy of grokking for the detector (default 0.95). */
        public Builder optGrokAccuracy(double accuracy) { this.grokAccuracy = accuracy; return this; }

        /** Search-start shifts for the sensitivity table (default −2 … +2); must contain 0. */
        public Builder optSearchStartShifts(List<Integer> shifts) { this.shifts = shifts; return this; }

        /** How negatives enter the ROC (default {@link NegativeCutoffs#MEDIAN}). */
        public Builder optNegativeCutoffs(NegativeCutoffs how) { this.negativeCutoffs = how; return this; }

        /** Bootstrap resamples (default and minimum 2,000). */
        public Builder optResamples(int b) { this.resamples = b; return this; }

        /** Confidence of every interval (default 0.95). */
        public Builder optConfidence(double c) { this.confidence = c; return this; }

        /** Bootstrap seed (default 1). */
        public Builder optSeed(long seed) { this.seed = seed; return this; }

        /** Parameter group whose windows to read (default: the run's only window CSV). */
        public Builder optGroup(String group) { this.group = Optional.of(group); return this; }

        /** The settings; throws {@link IllegalArgumentException} naming any missing or invalid value. */
        public PrecursorSettings build() {
            if (horizon == null) {
                throw new IllegalArgumentException("the horizon H is required: setHorizon(steps), the longest lead time "
                        + "that still counts as a true alarm");
            }
            if (settleWindows == null) {
                throw new IllegalArgumentException("the detector's search start is required: setSettleWindows(windows "
                        + "after memorization), e.g. your W");
            }
            return new PrecursorSettings(horizon, settleWindows, declineFactor, adiabaticThreshold, smoothing,
                    memorizationAccuracy, grokAccuracy, shifts, negativeCutoffs, resamples, confidence, seed, group);
        }
    }
}
