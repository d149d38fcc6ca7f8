package org.spectraledge.sweep;

import java.util.List;

/**
 * Follows a sweep's progress, e.g. to print a line per run or redraw a live table. Called on the thread running
 * {@link Sweep#run()}, one call at a time.
 */
public interface SweepListener {

    /**
     * Before any run is trained.
     *
     * @param kept  rows of runs that an earlier, stopped attempt of this sweep finished (kept, not trained again)
     * @param total number of runs in the sweep
     */
    default void sweepStarted(List<RunResult> kept, int total) {}

    /**
     * After each run.
     *
     * @param result   the run's row (already written to {@code results.csv})
     * @param finished every finished row so far, in sweep order
     * @param total    number of runs in the sweep
     */
    default void runFinished(RunResult result, List<RunResult> finished, int total) {}
}
