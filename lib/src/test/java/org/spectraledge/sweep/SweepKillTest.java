package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep in a child JVM is killed (SIGKILL) once its first run has finished, then restarted here: the finished runs'
 * rows are kept and their folders untouched, the runs cut off resume from their checkpoints and give exactly the logs
 * and rows of an uninterrupted run, and results.csv ends complete.
 */
class SweepKillTest {
    @TempDir Path dir;

    @Test
    void aKilledSweepRestartsWithoutLosingOrRecomputingAnything() throws Exception {
        String json = "{" + SweepTest.BASE + ", \"grid\": {\"wd\": [1], \"seed\": [1, 2, 3]}}";
        Path file = Files.writeString(dir.resolve("sweep.json"), json);
        Path out = dir.resolve("out");
        SweepSpec spec = SweepSpec.read(file);
        ResultsFile results = new ResultsFile(out.resolve("results.csv"), spec.keys());

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                SweepChild.class.getName(), file.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long t0 = System.nanoTime();
        try {
            while (results.read().isEmpty()) {
                assertTrue(child.isAlive(), "the child sweep died by itself: " + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5), "no run finished within 5 minutes");
                Thread.sleep(100);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
        System.out.printf("killed the child sweep after %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<RunResult> before = results.read();
        assertTrue(before.size() < spec.runs().size(), "the kill came before the sweep finished: " + before);
        Map<String, String> summaries = new LinkedHashMap<>();
        for (RunResult r : before) summaries.put(r.runId(), Files.readString(runFolder(out, r.runId()).resolve("summary.json")));
        Set<String> cutOff = new HashSet<>();
        for (RunSpec r : spec.runs()) {
            Path summary = runFolder(out, r.runId()).resolve("summary.json");
            if (Files.exists(summary) && Files.readString(summary).contains("\"running\"")) cutOff.add(r.runId());
        }
        assertFalse(cutOff.isEmpty(), "with two runs at a time, one was in progress at the kill");

        SweepTest.Recorder restart = new SweepTest.Recorder();
        Sweep.builder().setSpec(spec).setOut(out).optListener(restart).build().run();

        assertEquals(before, restart.kept, "the finished rows are kept as they were");
        Set<String> trained = new HashSet<>();
        restart.finished.forEach(r -> trained.add(r.runId()));
        for (RunResult r : before) {
            assertFalse(trained.contains(r.runId()), r.runId() + " finished before the kill and is not trained again");
            assertEquals(summaries.get(r.runId()), Files.readString(runFolder(out, r.runId()).resolve("summary.json")));
        }
        List<RunResult> after = results.read();
        assertEquals(spec.runs().stream().map(RunSpec::runId).toList(), after.stream().map(RunResult::runId).toList(),
                "results.csv has every run, in sweep order");

        // the runs cut off by the kill give exactly what an uninterrupted run gives
        RunExecution reference = new RunExecution(dir.resolve("reference"), 0);
        for (RunSpec r : spec.runs()) {
            if (!cutOff.contains(r.runId())) continue;
            RunResult uninterrupted = reference.run(r);
            RunResult resumed = after.get(r.index());
            assertEquals(withoutSeconds(uninterrupted, spec), withoutSeconds(resumed, spec), r.runId());
            for (String log : List.of("metrics.csv", "windows.csv")) {
                assertEquals(Files.readString(reference.folder(r).resolve(log)), Files.readString(runFolder(out, r.runId()).resolve(log)),
                        r.runId() + " " + log + " after the resume");
            }
        }
    }

    private static Path runFolder(Path out, String runId) {
        return out.resolve("runs").resolve(runId);
    }

    private static List<Object> withoutSeconds(RunResult r, SweepSpec spec) {
        List<Object> cells = new ArrayList<>(r.cells(spec.keys()));
        cells.remove(RunResult.columns(spec.keys()).indexOf("seconds"));
        return cells;
    }
}
