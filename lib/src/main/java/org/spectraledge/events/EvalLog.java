package org.spectraledge.events;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * The evaluations of one run in step order, and the two accuracy events of framework §7.
 *
 * <ul>
 *   <li>Memorization step: the first eval with train accuracy ≥ 0.99.</li>
 *   <li>Grokking step: the first eval with test accuracy ≥ 0.95. A run that never reaches it did not
 *       grok: the result is empty.</li>
 * </ul>
 * Both thresholds are arguments of the overloads; the no-argument forms use the framework defaults (§7).
 *
 * @param records evaluations with strictly increasing steps; copied, unmodifiable
 */
public record EvalLog(List<EvalRecord> records) {
    /** framework §7: train accuracy at which a run has memorized its training set. */
    public static final double MEMORIZATION_ACCURACY = 0.99;
    /** framework §7: test accuracy at which a run has grokked. */
    public static final double GROK_ACCURACY = 0.95;

    public EvalLog {
        Objects.requireNonNull(records, "records");
        records = List.copyOf(records); // also rejects null elements
        if (records.isEmpty()) {
            throw new IllegalArgumentException("eval log is empty; a run needs at least one evaluation");
        }
        for (int i = 1; i < records.size(); i++) {
            long previous = records.get(i - 1).step();
            long step = records.get(i).step();
            if (step <= previous) {
                throw new IllegalArgumentException("eval steps must strictly increase, but record " + i + " has step "
                        + step + " after step " + previous + "; sort the evaluations by step and drop duplicates");
            }
        }
    }

    /** Same, from individual records. */
    public static EvalLog of(EvalRecord... records) {
        return new EvalLog(List.of(records));
    }

    /** Number of evaluations. */
    public int size() {
        return records.size();
    }

    /** {@link #memorizationStep(double)} at {@link #MEMORIZATION_ACCURACY}. */
    public OptionalLong memorizationStep() {
        return memorizationStep(MEMORIZATION_ACCURACY);
    }

    /** Step of the first eval whose train accuracy is ≥ {@code threshold}; empty if none is. */
    public OptionalLong memorizationStep(double threshold) {
        return firstStepReaching(EvalRecord::trainAcc, threshold);
    }

    /** {@link #grokStep(double)} at {@link #GROK_ACCURACY}. */
    public OptionalLong grokStep() {
        return grokStep(GROK_ACCURACY);
    }

    /** Step of the first eval whose test accuracy is ≥ {@code threshold}; empty if the run did not grok. */
    public OptionalLong grokStep(double threshold) {
        return firstStepReaching(EvalRecord::testAcc, threshold);
    }

    private OptionalLong firstStepReaching(ToDoubleFunction<EvalRecord> accuracy, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("accuracy threshold must be in (0, 1], got " + threshold);
        }
        for (EvalRecord r : records) {
            if (accuracy.applyAsDouble(r) >= threshold) return OptionalLong.of(r.step());
        }
        return OptionalLong.empty();
    }
}
