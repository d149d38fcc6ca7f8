package org.spectraledge.evidence;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.events.GapSeries;
import org.spectraledge.table.WindowTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a sweep folder as {@code spectral-edge sweep --out DIR} writes it:
 * <pre>
 *   DIR/results.csv                      one row per run, first the column run_id
 *   DIR/runs/RUN_ID/summary.json         grokked_step (null when the run did not grok)
 *   DIR/runs/RUN_ID/metrics.csv          step, train_loss, train_acc, test_loss, test_acc
 *   DIR/runs/RUN_ID/windows.csv          the window table (windows-GROUP.csv when several groups were captured)
 * </pre>
 * The runs are those listed in {@code results.csv}, in its order. Every problem is reported as an
 * {@link IllegalArgumentException} that names the file and says what to do.
 */
public final class SweepFolder {
    private SweepFolder() {}

    /**
     * The runs of the sweep in {@code dir}.
     *
     * @param group the parameter group whose windows to read; empty to use {@code windows.csv}, or the only
     *     {@code windows-GROUP.csv} when the run has just one
     */
    public static List<SweepRun> read(Path dir, Optional<String> group) {
        Path results = dir.resolve("results.csv"), runs = dir.resolve("runs");
        if (!Files.isRegularFile(results) || !Files.isDirectory(runs)) {
            throw new IllegalArgumentException(dir + " is not a sweep folder: it needs results.csv and runs/ ("
                    + (Files.isRegularFile(results) ? "runs/ is missing" : "results.csv is missing")
                    + "); pass the folder given to `spectral-edge sweep --out`");
        }
        List<SweepRun> out = new ArrayList<>();
        for (String id : runIds(results)) out.add(readRun(id, runs.resolve(id), group));
        return out;
    }

    /** The run_id column of results.csv. */
    private static List<String> runIds(Path results) {
        try (Reader in = Files.newBufferedReader(results, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                     .build().parse(in)) {
            if (csv.getHeaderNames().isEmpty()) throw new IllegalArgumentException(results + " is empty; it needs a header with run_id");
            if (!csv.getHeaderNames().contains("run_id")) {
                throw new IllegalArgumentException(results + " has no run_id column (header: " + csv.getHeaderNames()
                        + "); is this the results.csv of a sweep?");
            }
            List<String> ids = new ArrayList<>();
            for (CSVRecord row : csv) {
                String id = row.isSet("run_id") ? row.get("run_id") : "";
                if (id.isBlank()) throw new IllegalArgumentException(results + " line " + csv.getCurrentLineNumber() + " has no run_id");
                ids.add(id);
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results + ": " + e.getMessage(), e);
        }
    }

    private static SweepRun readRun(String id, Path folder, Optional<String> group) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("run " + id + " is listed in results.csv but " + folder
                    + " does not exist; re-run the sweep or remove the row");
        }
        OptionalLong grok = grokStep(folder.resolve("summary.json"), id);
        List<EvalRecord> evals = metrics(folder.resolve("metrics.csv"), id);
        if (evals.isEmpty()) {
            throw new IllegalArgumentException("run " + id + " has no evaluations in " + folder.resolve("metrics.csv")
                    + "; a run needs evaluations to be labelled and scored: re-run it (or resume it) with eval-every "
                    + "below its step budget, or remove its row from results.csv");
        }
        return new SweepRun(id, folder, grok, new EvalLog(evals), windows(windowFile(folder, id, group), id));
    }

    private static OptionalLong grokStep(Path summary, String id) {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("run " + id + " has no readable summary.json (" + e.getMessage()
                    + "); a run writes it when it ends: finish or resume the run", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(summary + " is not a valid run summary: " + e.getMessage(), e);
        }
        if (!o.has("grokked_step")) {
            throw new IllegalArgumentException(summary + " has no grokked_step; is run " + id + " finished?");
        }
        JsonElement g = o.get("grokked_step");
        if (g.isJsonNull()) return OptionalLong.empty();
        try {
            return OptionalLong.of(g.getAsLong());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(summary + ": grokked_step " + g + " is not a step number or null", e);
        }
    }

    private static List<EvalRecord> metrics(Path file, String id) {
        try {
            return EvalRecord.readCsv(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("run " + id + " has no readable metrics.csv (" + e.getMessage() + ")", e);
        }
    }

    private static Path windowFile(Path folder, String id, Optional<String> group) {
        if (group.isPresent()) {
            Path own = folder.resolve("windows-" + group.get() + ".csv");
            if (Files.isRegularFile(own)) return own;
            Path single = folder.resolve("windows.csv");
            if (Files.isRegularFile(single)) return single; // a run that captured only this group
            throw new IllegalArgumentException("run " + id + " has no windows for group " + group.get() + " ("
                    + own.getFileName() + " or windows.csv); groups present: " + groups(folder));
        }
        Path single = folder.resolve("windows.csv");
        if (Files.isRegularFile(single)) return single;
        List<String> groups = groups(folder);
        if (groups.size() == 1) return folder.resolve("windows-" + groups.get(0) + ".csv");
        throw new IllegalArgumentException("run " + id + (groups.isEmpty() ? " has no window CSV; was capture on?"
                : " captured several groups " + groups + "; choose one with optGroup"));
    }

    private static List<String> groups(Path folder) {
        List<String> groups = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "windows-*.csv")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                groups.add(n.substring("windows-".length(), n.length() - ".csv".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        groups.sort(null);
        return groups;
    }

    private static GapSeries windows(Path file, String id) {
        Table t = WindowTable.read(file);
        for (String c : List.of("step", "g23", "gap_ratio", "adiabatic")) {
            if (!t.columnNames().contains(c)) {
                throw new IllegalArgumentException(file + " has no column " + c + "; it is not a window table");
            }
        }
        LongColumn step = t.longColumn("step");
        DoubleColumn g23 = t.doubleColumn("g23"), ratio = t.doubleColumn("gap_ratio"), adiabatic = t.doubleColumn("adiabatic");
        int n = t.rowCount();
        long[] steps = new long[n];
        double[] g = new double[n], r = new double[n], a = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = step.getLong(i);
            g[i] = g23.isMissing(i) ? Double.NaN : g23.getDouble(i);
            r[i] = ratio.isMissing(i) ? Double.NaN : ratio.getDouble(i);
            a[i] = adiabatic.isMissing(i) ? Double.NaN : adiabatic.getDouble(i);
        }
        try {
            return new GapSeries(steps, g, r, a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run " + id + ": " + file + ": " + e.getMessage(), e);
        }
    }
}
