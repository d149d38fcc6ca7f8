package org.spectraledge.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the runs of a sweep are trained: {@link LocalExecutor} in this JVM (the default), or a distributed engine
 * (the optional Spark module, through {@link SweepEngines}). Every executor does the same work per run,
 * {@link RunExecution#run}, so results do not depend on the executor.
 */
public interface SweepExecutor extends AutoCloseable {

    /**
     * Trains every run and reports each result as it finishes.
     *
     * @param runs       the runs to train. Not modified.
     * @param work       what to do for each run
     * @param onFinished called once per run, in finishing order, on the thread that called {@code execute}
     * @throws InterruptedException if that thread is interrupted; runs in progress are stopped (they keep their
     *                              checkpoints) and no more are started
     */
    void execute(List<RunSpec> runs, RunExecution work, Consumer<RunResult> onFinished) throws InterruptedException;

    /** A few words for progress lines, e.g. {@code local, 2 runs at a time}. */
    String describe();

    /** Releases the executor's resources (threads, a Spark session). */
    @Override
    default void close() {}
}
