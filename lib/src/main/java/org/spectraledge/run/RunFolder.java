package org.spectraledge.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.io.IoErrors;
import org.spectraledge.io.JsonErrors;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.table.WindowTable;

/**
 * A run's folder on disk, a public contract:
 * <ul>
 *   <li>{@code metrics.csv} — {@code step, train_loss, train_acc, test_loss, test_acc}, one row per eval;</li>
 *   <li>{@code windows.csv} — the spectral core's per-window CSV (see {@link WindowTable}); with several parameter
 *       groups one file per group, {@code windows-GROUP.csv};</li>
 *   <li>{@code summary.json} — {@code memorized_step}, {@code grokked_step} (null when it did not happen),
 *       {@code params}, {@code steps}, {@code seconds}, {@code status}, {@code message} and the full configuration
 *       under {@code config};</li>
 *   <li>{@code checkpoints/} — {@code step-N.ckpt} files.</li>
 * </ul>
 * Logs are appended and flushed as the run goes, so a killed run keeps everything up to its last eval or window.
 * Each log stays open for appending and counts its rows, because a run appends a window row at every captured step
 * and a checkpoint records the row counts: reopening the file per row and re-reading it per checkpoint made both
 * costs grow with the run. {@link #close()} closes the logs. Thread-safe: the capture's background thread appends
 * window rows while the training thread appends evals and checkpoints.
 */
public final class RunFolder implements AutoCloseable {
    /** Header of {@code metrics.csv}. */
    public static final String METRICS_HEADER = "step,train_loss,train_acc,test_loss,test_acc";
    /** The file every run folder has from its start; it marks a folder as a run folder. */
    public static final String SUMMARY = "summary.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create();

    private final Path root;
    private final List<String> groups;
    private final int window;
    private final Map<Path, Log> open = new LinkedHashMap<>();

    /** A log open for appending, with its number of data rows. */
    private static final class Log {
        final BufferedWriter out;
        int rows;

        Log(BufferedWriter out, int rows) {
            this.out = out;
            this.rows = rows;
        }
    }

    /**
     * @param root   the folder (created if missing)
     * @param groups the captured groups, which name the window files
     * @param window W, which fixes the window files' columns
     */
    public RunFolder(Path root, List<String> groups, int window) {
        this.root = root;
        this.groups = List.copyOf(groups);
        this.window = window;
        try {
            Files.createDirectories(checkpoints());
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("create the run folder", root, e), e);
        }
    }

    public Path root() { return root; }
    public Path metrics() { return root.resolve("metrics.csv"); }
    public Path summary() { return root.resolve(SUMMARY); }
    public Path checkpoints() { return root.resolve("checkpoints"); }

    /** {@code windows.csv} for a single group, {@code windows-GROUP.csv} when several are captured. */
    public Path windows(String group) {
        return root.resolve(groups.size() == 1 ? "windows.csv" : "windows-" + group + ".csv");
    }

    /** Creates the log files with their headers (a new run). */
    public synchronized void createLogs() {
        closeLogs();
        write(metrics(), METRICS_HEADER + "\n", false);
        for (String g : groups) write(windows(g), String.join(",", WindowTable.columnNames(window)) + "\n", false);
    }

    /** Appends one eval row. */
    public synchronized void append(EvalRecord e) {
        appendRow(metrics(), e.step() + "," + e.trainLoss() + "," + e.trainAcc() + "," + e.testLoss() + "," + e.testAcc());
    }

    /** Appends one window row of a group. */
    public synchronized void append(String group, WindowResult r) {
        appendRow(windows(group), WindowTable.csvLine(r, window));
    }

    /**
     * Number of data rows in one of this folder's logs: counted from the file once, then kept up to date by the
     * appends. Same value as {@link #rows(Path)}.
     */
    public synchronized int loggedRows(Path file) {
        Log log = open.get(file);
        return log != null ? log.rows : rows(file);
    }

    /** {@link #truncate(Path, int)} for one of this folder's logs, which may be open. */
    public synchronized void truncateLog(Path file, int rows) {
        closeLog(file);
        truncate(file, rows);
    }

    /** Closes the open logs (everything appended is already flushed). */
    @Override
    public synchronized void close() {
        closeLogs();
    }

    private void appendRow(Path file, String line) {
        Log log = open.get(file);
        try {
            if (log == null) {
                int rows = rows(file);
                // java.io, not NIO: see write()
                log = new Log(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                        StandardCharsets.UTF_8)), rows);
                open.put(file, log);
            }
            log.out.write(line);
            log.out.write('\n');
            log.out.flush();
            log.rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("write", file, e), e);
        }
    }

    private void closeLog(Path file) {
        Log log = open.remove(file);
        if (log == null) return;
        try {
            log.out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("close", file, e), e);
        }
    }

    private void closeLogs() {
        for (Path file : List.copyOf(open.keySet())) closeLog(file);
    }

    /** Number of data rows (without header) in a log file. */
    public static int rows(Path file) {
        // java.io like write(): checkpoints count rows on the training thread, also after an interrupt
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(file.toFile()), StandardCharsets.UTF_8))) {
            return (int) Math.max(0, r.lines().count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("read", file, e), e);
        }
    }

    /** Keeps the header and the first {@code rows} data rows of a log (resume drops what came after a checkpoint). */
    public static void truncate(Path file, int rows) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() - 1 < rows) {
                throw new IOException("it has " + (lines.size() - 1) + " rows but the checkpoint logged " + rows);
            }
            Files.write(file, (String.join("\n", lines.subList(0, rows + 1)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("restore the log", file, e), e);
        }
    }

    /** The eval rows of {@code metrics.csv}. */
    public List<EvalRecord> readMetrics() {
        try {
            return EvalRecord.readCsv(metrics());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + metrics() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code summary.json} atomically. */
    public void writeSummary(TrainConfig config, long params, long steps, double seconds, Long memorized, Long grokked,
                             String status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memorized_step", memorized);
        m.put("grokked_step", grokked);
        m.put("params", params);
        m.put("steps", steps);
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        m.put("status", status);
        m.put("message", message);
        m.put("config", config.options());
        Path tmp = root.resolve("summary.json.tmp");
        write(tmp, GSON.toJson(m) + "\n", false);
        try {
            Files.move(tmp, summary(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("write", summary(), e), e);
        }
    }

    /** The configuration stored in an existing run's {@code summary.json}. */
    public static TrainConfig readConfig(Path root) {
        Path file = root.resolve(SUMMARY);
        try {
            JsonObject config = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonObject("config");
            Map<String, List<String>> options = new LinkedHashMap<>();
            for (String key : config.keySet()) {
                List<String> values = new ArrayList<>();
                if (config.get(key).isJsonArray()) config.getAsJsonArray(key).forEach(v -> values.add(v.getAsString()));
                else values.add(config.get(key).getAsString());
                options.put(key, values);
            }
            return TrainConfig.parse(options);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("read", file, e) + " (is " + root + " a run folder?)", e);
        } catch (JsonParseException e) {
            throw new IllegalStateException(file + " is not a valid run summary: " + JsonErrors.describe(e), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a valid run summary: " + e.getMessage(), e);
        }
    }

    /**
     * Writes through {@code java.io} on purpose: NIO file channels close themselves when the writing thread is
     * interrupted, and a notebook's interrupt button interrupts the training thread, whose last rows and summary must
     * still be written.
     */
    private static void write(Path file, String text, boolean append) {
        try (Writer w = new OutputStreamWriter(new FileOutputStream(file.toFile(), append), StandardCharsets.UTF_8)) {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("write", file, e), e);
        }
    }
}
