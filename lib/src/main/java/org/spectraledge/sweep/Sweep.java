package org.spectraledge.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import tech.tablesaw.api.Table;

/**
 * Many training runs: a {@link SweepSpec} trained by a {@link SweepExecutor}, one result row per run.
 *
 * <pre>{@code
 * Table results = Sweep.builder().setSpec(SweepSpec.read(Path.of("sweep.json"))).setOut(Path.of("sweeps/wd"))
 *         .build().run();
 * }</pre>
 *
 * Output folder {@code DIR}: {@code DIR/runs/RUN_ID/} holds each run's normal run folder (metrics, windows, summary,
 * checkpoints), and {@code DIR/results.csv} one row per finished run ({@link RunResult#columns}), rewritten atomically
 * after every run, so a kill loses nothing that finished.
 *
 * <p>Restarting the same sweep on the same {@code DIR} keeps the rows already in {@code results.csv} (those runs are
 * not trained again), resumes runs that were cut off from their newest checkpoint, and trains the rest. Rows whose
 * status is {@code failed} are tried again. A diverging run is a row with status {@code diverged: WHY}; it does not
 * stop the sweep.
 */
public final class Sweep {
    private final SweepSpec spec;
    private final Path out;
    private final SweepExecutor executor;
    private final List<SweepListener> listeners;
    private final int retries;

    private Sweep(Builder b) {
        this.spec = b.spec;
        this.out = b.out;
        this.executor = b.executor != null ? b.executor : new LocalExecutor();
        this.listeners = List.copyOf(b.listeners);
        this.retries = b.retries;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SweepSpec spec() { return spec; }
    public Path out() { return out; }
    public SweepExecutor executor() { return executor; }

    /** {@code DIR/results.csv}. */
    public Path resultsFile() {
        return out.resolve("results.csv");
    }

    /**
     * Trains every run not finished yet and returns all rows, in sweep order.
     *
     * @throws CancellationException if the thread is interrupted: finished rows are in {@code results.csv}, runs in
     *                               progress keep their checkpoints, and running the sweep again continues it
     */
    public Table run() {
        ResultsFile file = new ResultsFile(resultsFile(), spec.keys());
        Map<String, RunSpec> byId = new LinkedHashMap<>();
        spec.runs().forEach(r -> byId.put(r.runId(), r));
        Map<String, RunResult> rows = new LinkedHashMap<>();
        for (RunResult r : file.read()) {
            if (byId.containsKey(r.runId()) && r.finished()) rows.put(r.runId(), r);
        }
        file.write(ordered(rows));
        List<RunResult> kept = ordered(rows);
        listeners.forEach(l -> l.sweepStarted(kept, spec.runs().size()));
        List<RunSpec> pending = spec.runs().stream().filter(r -> !rows.containsKey(r.runId())).toList();
        try {
            executor.execute(pending, new RunExecution(out, retries), result -> {
                rows.put(result.runId(), result);
                List<RunResult> all = ordered(rows);
                file.write(all);
                listeners.forEach(l -> l.runFinished(result, all, spec.runs().size()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the sweep was interrupted after " + rows.size() + " of " + spec.runs().size()
                    + " runs; they are in " + resultsFile() + ", and running the same sweep on " + out + " again continues it");
        }
        return ResultsTable.of("sweep " + out.getFileName(), spec.keys(), ordered(rows));
    }

    private List<RunResult> ordered(Map<String, RunResult> rows) {
        Map<String, Integer> index = new LinkedHashMap<>();
        spec.runs().forEach(r -> index.put(r.runId(), r.index()));
        List<RunResult> list = new ArrayList<>(rows.values());
        list.sort(Comparator.comparingInt(r -> index.get(r.runId())));
        return list;
    }

    /** Configuration of a {@link Sweep}: the spec and output folder are required. */
    public static final class Builder {
        private SweepSpec spec;
        private Path out;
        private SweepExecutor executor;
        private final List<SweepListener> listeners = new ArrayList<>();
        private int retries = RunExecution.DEFAULT_RETRIES;

        private Builder() {}

        /** The runs (required). */
        public Builder setSpec(SweepSpec spec) {
            this.spec = spec;
            return this;
        }

        /** The output folder {@code DIR} (required). */
        public Builder setOut(Path out) {
            this.out = out;
            return this;
        }

        /** Where runs are trained; default a {@link LocalExecutor} with the default parallelism. */
        public Builder optExecutor(SweepExecutor executor) {
            this.executor = executor;
            return this;
        }

        /** Adds a progress listener. */
        public Builder optListener(SweepListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Attempts after a failed one, each resumed from the run's newest checkpoint (default {@value RunExecution#DEFAULT_RETRIES}). */
        public Builder optRetries(int retries) {
            this.retries = retries;
            return this;
        }

        public Sweep build() {
            if (spec == null) throw new IllegalArgumentException("a sweep needs its runs: setSpec(SweepSpec.read(file))");
            if (out == null) throw new IllegalArgumentException("a sweep needs an output folder: setOut(dir)");
            if (retries < 0) throw new IllegalArgumentException("retries must be ≥ 0, got " + retries);
            return new Sweep(this);
        }
    }
}
