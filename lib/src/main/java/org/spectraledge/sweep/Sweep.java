package org.spectraledge.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.spectraledge.io.IoErrors;
import org.spectraledge.io.OutputFolder;
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
    private final String command;
    private final String commit;

    private Sweep(Builder b) {
        this.spec = b.spec;
        this.out = b.out;
        this.executor = b.executor != null ? b.executor : new LocalExecutor();
        this.listeners = List.copyOf(b.listeners);
        this.retries = b.retries;
        this.command = b.command;
        this.commit = b.commit;
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
        Instant started = Instant.now();
        SweepManifest manifest = manifest();
        SweepManifest.Machine machine = SweepManifest.Machine.current();
        // written now with no end, so a sweep killed mid-way still says when and how it started
        manifest.with(new SweepManifest.Invocation(command, commit, started.toString(), "", 0, executor.describe(), 0,
                machine)).write(out);
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
        int[] trained = {0};
        try {
            executor.execute(pending, new RunExecution(out, retries), result -> {
                rows.put(result.runId(), result);
                trained[0]++;
                List<RunResult> all = ordered(rows);
                file.write(all);
                listeners.forEach(l -> l.runFinished(result, all, spec.runs().size()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the sweep was interrupted after " + rows.size() + " of " + spec.runs().size()
                    + " runs; they are in " + resultsFile() + ", and running the same sweep on " + out + " again continues it");
        } finally {
            Instant finished = Instant.now();
            manifest.with(new SweepManifest.Invocation(command, commit, started.toString(), finished.toString(),
                    Duration.between(started, finished).toMillis() / 1000.0, executor.describe(), trained[0],
                    machine)).write(out);
        }
        return ResultsTable.of("sweep " + out.getFileName(), spec.keys(), ordered(rows));
    }

    /**
     * The folder's manifest, or a new one; refuses a folder whose results belong to another definition, so that
     * results of two different sweeps never mix in one {@code results.csv}.
     */
    private SweepManifest manifest() {
        String definition = spec.definitionHash();
        OutputFolder.check(out, SweepManifest.FILE, "sweep folder", "--out");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("create the sweep folder", out, e), e);
        }
        Optional<SweepManifest> existing = SweepManifest.read(out);
        if (existing.isPresent() && !existing.get().definition().equals(definition)) {
            throw new IllegalStateException(out + " holds the results of another sweep definition (" + SweepManifest.FILE
                    + " says " + existing.get().definition().substring(0, 12) + "…, this sweep is " + definition.substring(0, 12)
                    + "…): a value, a run or a default changed since. Choose another output folder, or remove " + out
                    + " to start again");
        }
        return existing.orElse(new SweepManifest(definition, spec.runs().size(), List.of()));
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
        private String command = "";
        private String commit = "unknown";

        private Builder() {}

        /** The command line that started the sweep, for its manifest (default ""). */
        public Builder optCommand(String command) {
            this.command = command;
            return this;
        }

        /** The git commit of the code that runs it, for its manifest (default "unknown"). */
        public Builder optCommit(String commit) {
            this.commit = commit;
            return this;
        }

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
