package org.spectraledge.spark;

import org.spectraledge.sweep.SweepExecutor;
import org.spectraledge.sweep.SweepExecutorFactory;

/** {@code --engine spark[:MASTER]}: a {@link SparkExecutor}, master {@code local[*]} by default. */
public final class SparkExecutorFactory implements SweepExecutorFactory {
    @Override public String engine() { return "spark"; }

    @Override public SweepExecutor create(String argument) {
        return new SparkExecutor(argument == null ? "local[*]" : argument);
    }
}
