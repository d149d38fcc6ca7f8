package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Whole sweeps of tiny runs in this JVM: rows, results.csv, a restart that trains nothing again, divergence. */
public class SweepTest {
    /**
     * A modular-addition MLP small enough to train a few hundred steps in seconds on one thread; with ω = 1 it groks
     * near step 500 (measured: seed 0 at 500), and the target stops it there.
     */
    static final String BASE = "\"base\": {\"task\": \"add\", \"p\": 23, \"frac\": 0.7, \"d\": 16, \"width\": 32, "
            + "\"steps\": 600, \"eval-every\": 50, \"lr\": 3e-2, \"target\": 0.95, \"window\": 6, \"threads\": 1, "
            + "\"checkpoint-every\": 100}";

    @TempDir Path dir;

    @Test
    void aGridGivesOneRowPerRunAndARestartTrainsNothingAgain() throws IOException {
        SweepSpec spec = SweepSpec.parse("{" + BASE + ", \"grid\": {\"wd\": [0, 1], \"seed\": [1, 2]}}");
        Recorder first = new Recorder();
        long t0 = System.nanoTime();
        Table table = Sweep.builder().setSpec(spec).setOut(dir).optListener(first).build().run();
        System.out.printf("4-run sweep: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        assertEquals(4, table.rowCount());
        assertEquals(RunResult.columns(spec.keys()), table.columnNames());
        assertEquals(List.of("r001-wd=0-seed=1", "r002-wd=0-seed=2", "r003-wd=1-seed=1", "r004-wd=1-seed=2"),
                table.stringColumn("run_id").asList());
        assertEquals(4, first.finished.size());
        List<RunResult> rows = new ResultsFile(dir.resolve("results.csv"), spec.keys()).read();
        assertEquals(4, rows.size());
        for (RunResult r : rows) {
            assertEquals(r.grokked() ? "target_reached" : "completed", r.status(), r.toString());
            assertTrue(r.memorizedStep().isPresent(), "every run memorizes: " + r);
            assertTrue(r.seconds() > 0);
            Path run = dir.resolve("runs").resolve(r.runId());
            for (String f : List.of("metrics.csv", "windows.csv", "summary.json", "checkpoints")) {
                assertTrue(Files.exists(run.resolve(f)), run.resolve(f) + " exists");
            }
            assertEquals(r.finalTestAcc(), lastTestAccuracy(run.resolve("metrics.csv")));
        }
        assertEquals("1", rows.get(3).config().get("wd"));
        assertTrue(rows.stream().anyMatch(RunResult::grokked), "with ω = 1 a run groks: " + rows);
        for (RunResult r : rows) {
            assertEquals(r.grokked(), r.kstarPlain().isPresent(), "k* at grok exists exactly when the run grokked");
            if (r.leadTime().isPresent()) {
                assertEquals(r.grokkedStep().getAsLong() - r.gapEventStep().getAsLong(), r.leadTime().getAsLong());
            }
        }

        List<FileTime> before = summaryTimes(rows);
        Recorder second = new Recorder();
        Table again = Sweep.builder().setSpec(spec).setOut(dir).optListener(second).build().run();
        assertEquals(4, second.kept.size(), "the restart keeps every finished row");
        assertEquals(0, second.finished.size(), "and trains nothing");
        assertEquals(before, summaryTimes(rows), "no run folder was touched");
        assertEquals(table.toString(), again.toString());
    }

    @Test
    void aDivergingRunGetsARowThatSaysWhyAndTheSweepCompletes() {
        SweepSpec spec = SweepSpec.parse("{" + BASE.replace("\"steps\": 600", "\"steps\": 100")
                + ", \"runs\": [{\"lr\": 1e3}, {\"lr\": 1e-2}]}");
        Table table = Sweep.builder().setSpec(spec).setOut(dir).build().run();
        assertEquals(2, table.rowCount());
        String diverged = table.stringColumn("status").get(0);
        assertTrue(diverged.startsWith("diverged: "), diverged);
        assertTrue(diverged.contains("lr"), "the reason suggests what to change: " + diverged);
        assertEquals("completed", table.stringColumn("status").get(1));
        assertFalse(table.booleanColumn("grokked").get(0));
    }

    @Test
    void oneRunAtATimeGivesTheSameRowsAndLogsAsTwo() throws IOException {
        SweepSpec spec = SweepSpec.parse("{" + BASE.replace("\"steps\": 600", "\"steps\": 150") + ", \"grid\": {\"seed\": [1, 2, 3]}}");
        Table one = Sweep.builder().setSpec(spec).setOut(dir.resolve("one")).optExecutor(new LocalExecutor(1)).build().run();
        Table two = Sweep.builder().setSpec(spec).setOut(dir.resolve("two")).optExecutor(new LocalExecutor(2)).build().run();
        assertEquals(withoutSeconds(one), withoutSeconds(two));
        for (RunSpec r : spec.runs()) {
            for (String log : List.of("metrics.csv", "windows.csv")) {
                assertEquals(Files.readString(dir.resolve("one/runs").resolve(r.runId()).resolve(log)),
                        Files.readString(dir.resolve("two/runs").resolve(r.runId()).resolve(log)), r.runId() + " " + log);
            }
        }
    }

    /** Every cell but the wall time, row by row. */
    public static List<List<String>> withoutSeconds(Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            List<String> row = new ArrayList<>();
            for (String c : t.columnNames()) if (!c.equals("seconds")) row.add(t.column(c).getString(i));
            rows.add(row);
        }
        return rows;
    }

    static double lastTestAccuracy(Path metrics) throws IOException {
        List<String> lines = Files.readAllLines(metrics);
        String[] last = lines.get(lines.size() - 1).split(",");
        return Double.parseDouble(last[4]);
    }

    private List<FileTime> summaryTimes(List<RunResult> rows) throws IOException {
        List<FileTime> times = new ArrayList<>();
        for (RunResult r : rows) times.add(Files.getLastModifiedTime(dir.resolve("runs").resolve(r.runId()).resolve("summary.json")));
        return times;
    }

    /** Records what the listener saw. */
    static final class Recorder implements SweepListener {
        final List<RunResult> kept = new ArrayList<>();
        final List<RunResult> finished = new ArrayList<>();

        @Override public void sweepStarted(List<RunResult> k, int total) { kept.addAll(k); }

        @Override public void runFinished(RunResult result, List<RunResult> all, int total) { finished.add(result); }
    }
}
