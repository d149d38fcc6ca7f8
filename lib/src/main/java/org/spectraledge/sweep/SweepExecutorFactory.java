package org.spectraledge.sweep;

/**
 * Makes the executor of an optional engine module (found with {@link java.util.ServiceLoader} in that module's class
 * loader by {@link SweepEngines}).
 */
public interface SweepExecutorFactory {

    /** The engine's name in {@code --engine NAME[:ARGUMENT]}, e.g. {@code spark}. */
    String engine();

    /**
     * A new executor.
     *
     * @param argument what followed {@code NAME:} (e.g. a Spark master URL), or {@code null} for the engine's default
     */
    SweepExecutor create(String argument);
}
