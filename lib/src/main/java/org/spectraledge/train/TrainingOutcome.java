package org.spectraledge.train;

import java.util.List;
import java.util.OptionalLong;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;

/**
 * How a training loop ended.
 *
 * @param status  why it stopped
 * @param steps   optimizer steps taken in total
 * @param evals   every evaluation, in order
 * @param seconds wall time of this loop (excluding earlier sessions of a resumed run)
 * @param message a sentence for people: what happened and, for a divergence, what to try
 */
public record TrainingOutcome(Status status, long steps, List<EvalRecord> evals, double seconds, String message) {

    /** Why the loop stopped. */
    public enum Status {
        /** All requested steps were taken. */
        COMPLETED,
        /** The test accuracy reached the early-stop target. */
        TARGET_REACHED,
        /** The loss or a gradient became NaN or infinite; the last good state is kept. */
        DIVERGED,
        /** The thread was interrupted (e.g. a notebook's interrupt button); the log so far is kept. */
        INTERRUPTED
    }

    public TrainingOutcome {
        evals = List.copyOf(evals);
    }

    /** The evaluations as an eval log (for memorization and grok steps); empty logs are not allowed there. */
    public OptionalLong grokStep() {
        return evals.isEmpty() ? OptionalLong.empty() : new EvalLog(evals).grokStep();
    }

    /** First eval with train accuracy ≥ 0.99, if any. */
    public OptionalLong memorizationStep() {
        return evals.isEmpty() ? OptionalLong.empty() : new EvalLog(evals).memorizationStep();
    }
}
