package org.spectraledge.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.spectraledge.run.InvalidOptionException;
import org.spectraledge.run.TrainConfig;

/**
 * One run of a sweep: its position, its stable id and its training options. Serializable (immutable JDK collections
 * only) so that a distributed executor can ship it to a worker.
 *
 * @param index   0-based position in the sweep's deterministic order
 * @param runId   stable, readable id, also the name of its run folder ({@code r003-wd=1-seed=2})
 * @param options every option given for this run (base merged with its grid point or run entry), by command-line
 *                name without dashes; {@code group} may hold several values
 * @param columns the value of each of the sweep's configuration keys for this run, in column order, as written in
 *                the sweep file (the default, for a key this run does not set)
 */
public record RunSpec(int index, String runId, Map<String, List<String>> options, Map<String, String> columns)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunSpec {
        if (index < 0) throw new IllegalArgumentException("run index must be ≥ 0, got " + index);
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("a run needs an id");
        Map<String, List<String>> copy = new java.util.HashMap<>();
        options.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        options = Map.copyOf(copy);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns)); // keeps the column order
    }

    /** The training configuration (parsed, validated). */
    public TrainConfig config() {
        try {
            return TrainConfig.parse(options);
        } catch (InvalidOptionException e) {
            throw new IllegalArgumentException("run " + runId + ": \"" + e.option() + "\" " + e.problem(), e);
        }
    }
}
