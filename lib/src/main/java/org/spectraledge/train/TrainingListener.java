package org.spectraledge.train;

import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.WindowResult;

import org.spectraledge.run.TrainRun;
/**
 * Hooks into the training loop, one concern per implementation (update capture, run log, progress, checkpoints).
 * Calls happen on the training thread, in the order listeners were added.
 */
public interface TrainingListener {

    /** After each optimizer step, with read access to the updated parameters. */
    default void afterStep(StepContext context) {}

    /**
     * After each new spectral window of a captured parameter group (called by {@link TrainRun} for its extra listeners,
     * during the step's {@link #afterStep}: live figures draw from these).
     */
    default void afterWindow(String group, WindowResult window) {}

    /** After each evaluation. */
    default void afterEval(EvalRecord eval) {}

    /** At the very end of each step, after its evaluation if it had one: everything of the step is logged. */
    default void stepCompleted(long step) {}

    /** Once, when the loop stops for any reason (the outcome says which). */
    default void onEnd(TrainingOutcome outcome) {}
}
