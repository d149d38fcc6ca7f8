package org.spectraledge.kernel.runtime;

import org.spectraledge.run.TrainRun;

/**
 * The runs of this session, star-imported by {@code startup.jsh}. A line magic is a statement, not an expression,
 * so {@code %train} cannot be assigned directly; its result is the cell's value and, afterwards,
 * {@code lastRun()}:
 *
 * <pre>{@code
 * %train --task add --steps 2000
 * }</pre>
 * <pre>{@code
 * var run = lastRun();
 * run.grokkedStep()
 * }</pre>
 */
public final class Runs {

    private static volatile TrainRun.Result last;

    private Runs() {}

    /**
     * The result of the latest {@code %train} of this kernel (also an interrupted one).
     *
     * @throws IllegalStateException if no {@code %train} has run yet
     */
    public static TrainRun.Result lastRun() {
        TrainRun.Result r = last;
        if (r == null) throw new IllegalStateException("no %train has run in this kernel yet; run %train first (%lsmagic shows its usage)");
        return r;
    }

    /** Records {@code result} as {@link #lastRun()} (called by {@code %train}). */
    public static void remember(TrainRun.Result result) {
        last = result;
    }
}
