package org.spectraledge.kernel.headless;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutcome;
import org.spectraledge.kernel.session.NotebookSession;

/**
 * Executes a notebook without Jupyter: every code cell, in order, through the same
 * {@link NotebookSession} the kernel uses (same JShell set-up, magics, renderers), collecting the
 * outputs a Jupyter front end would store. Markdown and raw cells pass through unchanged.
 *
 * <p>Cells are numbered 1, 2, ... like a fresh kernel ({@code execution_count}, and {@code In [n]} in
 * tracebacks). By default the run stops at the first failing cell; the cells after it are left without
 * outputs. A per-cell time limit interrupts a cell exactly as the kernel's interrupt does.
 */
public final class NotebookRunner {

    /**
     * How to run.
     *
     * @param allowErrors go on after a failing cell (its error is stored in the notebook)
     * @param timeout     the longest a cell may run before it is interrupted; {@code null} for no limit
     */
    public record Options(boolean allowErrors, Duration timeout) {
        public Options {
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                throw new IllegalArgumentException("the cell timeout must be positive, got " + timeout);
            }
        }
    }

    /** A cell that failed: its index among all cells (0-based), its label and its error. */
    public record Failure(int cellIndex, String label, CellError error) {}

    /**
     * What a run produced.
     *
     * @param notebook  the executed notebook (a copy; the input is not changed)
     * @param cellsRun  how many code cells ran
     * @param failures  the failing cells in order (at most one unless errors were allowed)
     */
    public record Result(JsonObject notebook, int cellsRun, List<Failure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }

        public boolean succeeded() {
            return failures.isEmpty();
        }
    }

    /** Hears about each code cell as the run goes, e.g. to show progress on a terminal. */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** Code cell {@code number} (1-based, of {@code codeCells}) is about to run. */
        default void cellStarting(int number, int codeCells, String source) {}

        /** Code cell {@code number} ran: its outputs as stored in the notebook, its error or {@code null}. */
        default void cellFinished(int number, JsonArray outputs, CellError error, double seconds) {}
    }

    /** The {@code ename} of a cell stopped by the time limit. */
    public static final String TIMEOUT_ERROR = "CellTimeoutError";

    private final NotebookSession session;
    private final Options options;
    private final Listener listener;

    public NotebookRunner(NotebookSession session, Options options) {
        this(session, options, Listener.NONE);
    }

    public NotebookRunner(NotebookSession session, Options options, Listener listener) {
        this.session = session;
        this.options = options;
        this.listener = listener;
    }

    /** Runs every code cell of {@code notebook} (nbformat 4, as {@link NotebookFile#read} returns it). */
    public Result run(JsonObject notebook) {
        JsonObject executed = notebook.deepCopy();
        JsonArray cells = executed.getAsJsonArray("cells");
        int codeCells = 0;
        for (var c : cells) if ("code".equals(c.getAsJsonObject().get("cell_type").getAsString())) codeCells++;
        List<Failure> failures = new ArrayList<>();
        int count = 0;
        boolean stopped = false;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cell-timeout");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i).getAsJsonObject();
                if (!"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                if (stopped) { // after a failure: not run, so nothing stale is shown as its output
                    cell.add("outputs", new JsonArray());
                    cell.add("execution_count", JsonNull.INSTANCE);
                    continue;
                }
                count++;
                String label = "In [" + count + "]";
                OutputCollector outputs = new OutputCollector();
                String source = NotebookFile.source(cell);
                listener.cellStarting(count, codeCells, source);
                long started = System.nanoTime();
                CellError error = runCell(source, label, count, outputs, watchdog);
                cell.add("outputs", outputs.toJson());
                cell.addProperty("execution_count", count);
                listener.cellFinished(count, cell.getAsJsonArray("outputs"), error, (System.nanoTime() - started) / 1e9);
                if (error != null) {
                    failures.add(new Failure(i, label, error));
                    stopped = !options.allowErrors();
                }
            }
        } finally {
            watchdog.shutdownNow();
        }
        return new Result(executed, count, failures);
    }

    /** Runs one cell with its streams captured; returns its error or {@code null}. */
    private CellError runCell(String source, String label, int count, OutputCollector outputs, ScheduledExecutorService watchdog) {
        AtomicBoolean timedOut = new AtomicBoolean();
        session.beginCell();
        ScheduledFuture<?> limit = options.timeout() == null ? null : watchdog.schedule(() -> {
            timedOut.set(true);
            try {
                session.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(outputs.stdout());
        System.setErr(outputs.stderr());
        CellOutcome outcome;
        try {
            outcome = session.execute(source, label, outputs);
        } finally {
            if (limit != null) {
                limit.cancel(false);
            }
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        CellError error = outcome.error();
        if (timedOut.get()) { // even if the cell caught the interrupt and returned: it overran
            List<String> traceback = new ArrayList<>();
            String message = "the cell ran longer than the " + options.timeout().toSeconds() + " s limit (--timeout) and was interrupted";
            traceback.add(TIMEOUT_ERROR + ": " + message);
            if (error != null) {
                traceback.addAll(error.traceback());
            }
            error = new CellError(TIMEOUT_ERROR, message, traceback);
        }
        if (error != null) {
            outputs.error(error);
        } else {
            outcome.result().ifPresent(value -> outputs.result(count, value));
        }
        return error;
    }

    /** The first line of each failure, for a terminal: {@code cell 4 (In [3]): IllegalStateException: boom}. */
    public static String describe(Failure f) {
        String head = f.error().name() + (f.error().message().isEmpty() ? "" : ": " + f.error().message());
        return "cell " + (f.cellIndex() + 1) + " (" + f.label() + "): " + head + "\n  "
                + String.join("\n  ", f.error().traceback());
    }
}
