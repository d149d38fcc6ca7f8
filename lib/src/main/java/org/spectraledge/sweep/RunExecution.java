package org.spectraledge.sweep;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.spectraledge.run.RunFolder;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainRun;

/**
 * Trains one run of a sweep into {@code DIR/runs/RUN_ID/} and returns its result row; the work every executor does for
 * each run, whichever machine it lands on. Serializable: it holds only the sweep folder (a path every worker must be
 * able to reach) and the retry count.
 *
 * <p>Fault tolerance, from what the run folder says:
 * <ul>
 *   <li>no {@code summary.json}: a new run ({@link TrainRun#start});</li>
 *   <li>status {@code running} or {@code interrupted} (a killed or stopped earlier attempt):
 *       {@link TrainRun#resume} from its newest checkpoint;</li>
 *   <li>status {@code completed}, {@code target_reached} or {@code diverged}: nothing is trained again, the row is
 *       computed from the folder.</li>
 * </ul>
 * An attempt that throws is retried up to {@code retries} times, each time resuming from the newest checkpoint; after
 * that the row says {@code failed: WHY}. A configuration error (the task and model do not fit) is not retried. A
 * diverging run is a result, not a failure: its row says {@code diverged: WHY}.
 */
public final class RunExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default number of retries after a failed attempt. */
    public static final int DEFAULT_RETRIES = 2;

    private static final Set<String> FINISHED = Set.of("completed", "target_reached", "diverged");

    private final String sweepDir;
    private final int retries;

    /**
     * @param sweepDir the sweep's output folder (runs go to its {@code runs/} folder)
     * @param retries  attempts after the first one that throws, ≥ 0
     */
    public RunExecution(Path sweepDir, int retries) {
        if (retries < 0) throw new IllegalArgumentException("retries must be ≥ 0, got " + retries);
        this.sweepDir = sweepDir.toAbsolutePath().toString();
        this.retries = retries;
    }

    /** The run folder of {@code run}. */
    public Path folder(RunSpec run) {
        return Path.of(sweepDir, "runs", run.runId());
    }

    /**
     * Trains (or resumes, or just reads) the run and returns its row.
     *
     * @throws CancellationException if the thread was interrupted: the run keeps its checkpoint and is not finished
     */
    public RunResult run(RunSpec run) {
        Path folder = folder(run);
        TrainConfig config;
        try {
            config = run.config();
        } catch (IllegalArgumentException e) {
            return RunResult.failed(run, e.getMessage());
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                Summary before = Summary.read(folder);
                if (before == null) {
                    TrainRun.start(config, folder, List.of());
                } else if (!config.equals(RunFolder.readConfig(folder))) {
                    return RunResult.failed(run, "its run folder " + folder + " holds a run with another configuration; "
                            + "a changed sweep file needs another --out");
                } else if (!FINISHED.contains(before.status)) {
                    TrainRun.resume(folder, List.of());
                }
                Summary after = Summary.read(folder);
                if (after != null && after.status.equals("interrupted")) {
                    throw new CancellationException("run " + run.runId() + " was interrupted; its log and checkpoint are kept in " + folder);
                }
                if (after == null || !FINISHED.contains(after.status)) {
                    throw new IllegalStateException("the run ended with status " + (after == null ? "none" : after.status));
                }
                String status = after.status.equals("diverged") ? "diverged: " + after.message : after.status;
                return RunAnalysis.of(run, folder, config, after.seconds, status);
            } catch (CancellationException e) {
                throw e;
            } catch (IllegalArgumentException e) { // the configuration cannot be trained (task and model do not fit)
                return RunResult.failed(run, e.getMessage());
            } catch (RuntimeException e) {
                last = e;
            }
        }
        return RunResult.failed(run, (last.getMessage() == null ? last.toString() : last.getMessage())
                + " (" + (retries + 1) + " attempts, each resumed from the newest checkpoint)");
    }

    /** What a run's {@code summary.json} says about how it ended. */
    private record Summary(String status, String message, double seconds) {
        static Summary read(Path folder) {
            Path file = folder.resolve("summary.json");
            if (!Files.exists(file)) return null;
            try {
                JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
                return new Summary(o.get("status").getAsString(), o.get("message").getAsString(), o.get("seconds").getAsDouble());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
