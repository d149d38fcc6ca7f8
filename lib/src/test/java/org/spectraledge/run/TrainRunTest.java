package org.spectraledge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.TrainingOutcome;
/** Whole runs: logs, summary, divergence, and resume after a crash giving the same logs. */
class TrainRunTest {
    @TempDir Path dir;

    private static TrainConfig small(Map<String, String> extra) {
        Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("p", "23", "steps", "120", "eval-every", "20",
                "checkpoint-every", "40", "threads", "1", "window", "4", "lr", "3e-3", "d", "16", "width", "32"));
        o.putAll(extra);
        return TrainConfig.of(o);
    }

    @Test
    void writesTheRunFolderContract() throws IOException {
        TrainConfig c = small(Map.of("group", "all;trunk"));
        TrainRun.Result r = TrainRun.start(c, dir.resolve("run"), List.of());
        Path run = dir.resolve("run");
        assertEquals("step,train_loss,train_acc,test_loss,test_acc", Files.readAllLines(run.resolve("metrics.csv")).get(0));
        assertEquals(1 + 6, Files.readAllLines(run.resolve("metrics.csv")).size());
        assertTrue(Files.exists(run.resolve("windows-all.csv")) && Files.exists(run.resolve("windows-trunk.csv")));
        assertEquals(1 + 119, Files.readAllLines(run.resolve("windows-all.csv")).size(), "one window per step from the second update");
        String summary = Files.readString(run.resolve("summary.json"));
        for (String key : List.of("\"memorized_step\"", "\"grokked_step\"", "\"params\"", "\"steps\": 120", "\"seconds\"", "\"config\"")) {
            assertTrue(summary.contains(key), key + " in " + summary);
        }
        assertEquals(r.parameters(), 23 * 16 + (2 * 16 * 32 + 32) + 32 * 23);
        assertTrue(Files.exists(run.resolve("checkpoints/step-120.ckpt")));
        assertThrows(IllegalArgumentException.class, () -> TrainRun.start(c, run, List.of()), "an existing run is not overwritten");
    }

    @Test
    void anInterruptedThreadStopsTheRunCleanlyAndKeepsItsLog() throws IOException {
        // the interrupt arrives mid-step, before that step's window and eval rows are written (as a notebook's would)
        TrainingListener interrupter = new TrainingListener() {
            @Override public void afterStep(StepContext context) {
                if (context.step() == 40) Thread.currentThread().interrupt();
            }
        };
        TrainRun.Result r;
        try {
            r = TrainRun.start(small(Map.of()), dir.resolve("run"), List.of(interrupter));
        } finally {
            Thread.interrupted(); // JUnit's thread must not stay interrupted
        }
        assertEquals(TrainingOutcome.Status.INTERRUPTED, r.outcome().status());
        assertEquals(40, r.outcome().steps());
        assertTrue(Files.readString(dir.resolve("run/summary.json")).contains("\"status\": \"interrupted\""));
        assertEquals(1 + 2, Files.readAllLines(dir.resolve("run/metrics.csv")).size(), "evals of steps 20 and 40");
        assertEquals(1 + 39, Files.readAllLines(dir.resolve("run/windows.csv")).size(), "windows up to step 40");
        assertTrue(Files.exists(dir.resolve("run/checkpoints/step-40.ckpt")), "a checkpoint to resume from");
    }

    @Test
    void extraListenersSeeEveryWindowAsItIsComputed() {
        List<String> seen = new java.util.ArrayList<>();
        TrainingListener windows = new TrainingListener() {
            @Override public void afterWindow(String group, org.spectraledge.spectral.WindowResult window) {
                seen.add(group + "@" + window.step());
            }
        };
        TrainRun.Result r = TrainRun.start(small(Map.of("steps", "10", "group", "all;trunk")), dir.resolve("run"), List.of(windows));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < r.windows().get("all").size(); i++) {
            for (String g : List.of("all", "trunk")) expected.add(g + "@" + r.windows().get(g).get(i).step());
        }
        assertEquals(18, expected.size(), "9 windows per group from the second update on");
        assertEquals(expected, seen);
    }

    @Test
    void resumeAfterACrashGivesTheSameLogsAsAnUninterruptedRun() throws IOException {
        TrainConfig c = small(Map.of());
        TrainRun.start(c, dir.resolve("whole"), List.of());
        TrainingListener crash = new TrainingListener() {
            @Override public void afterStep(StepContext context) {
                if (context.step() == 97) throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> TrainRun.start(c, dir.resolve("killed"), List.of(crash)));
        assertTrue(RunFolder.rows(dir.resolve("killed/windows.csv")) > 80, "the killed run logged past its last checkpoint");
        TrainRun.Result resumed = TrainRun.resume(dir.resolve("killed"), List.of());
        assertEquals(120, resumed.outcome().steps());
        for (String f : List.of("metrics.csv", "windows.csv")) {
            assertEquals(Files.readAllLines(dir.resolve("whole").resolve(f)), Files.readAllLines(dir.resolve("killed").resolve(f)), f);
        }
    }

    @Test
    void aDamagedNewestCheckpointIsSkippedWithANote() throws IOException {
        TrainConfig c = small(Map.of("steps", "80"));
        TrainRun.start(c, dir.resolve("run"), List.of());
        Path newest = dir.resolve("run/checkpoints/step-80.ckpt");
        byte[] b = Files.readAllBytes(newest);
        b[b.length / 2] ^= 0x5A;
        Files.write(newest, b);
        TrainRun.Result r = TrainRun.resume(dir.resolve("run"), List.of());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("step-80.ckpt") && n.contains("checksum")), r.notes().toString());
        assertEquals(80, r.outcome().steps(), "continued from step 40 to the end");
    }

    @Test
    void divergenceStopsTheRunAndKeepsTheLogAndTheLastGoodCheckpoint() throws IOException {
        TrainRun.Result r = TrainRun.start(small(Map.of("lr", "1e3", "checkpoint-every", "1", "steps", "200")), dir.resolve("nan"), List.of());
        assertEquals(TrainingOutcome.Status.DIVERGED, r.outcome().status());
        assertTrue(r.outcome().message().contains("diverged") && r.outcome().message().contains("option lr"), r.outcome().message());
        String summary = Files.readString(dir.resolve("nan/summary.json"));
        assertTrue(summary.contains("\"status\": \"diverged\""), summary);
        List<Path> kept = Checkpoint.list(new RunFolder(dir.resolve("nan"), List.of("all"), 4));
        assertFalse(kept.isEmpty());
        assertTrue(kept.get(kept.size() - 1).toString().endsWith("step-" + r.outcome().steps() + ".ckpt"),
                "the newest checkpoint is the last good step " + r.outcome().steps() + ": " + kept);
        assertTrue(Files.readString(dir.resolve("nan/windows.csv")).indexOf("NaN") < 0);
    }

    @Test
    void sequenceTasksTrainThroughTheSameRun() {
        for (String task : List.of("dyck", "scan", "parity")) {
            Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("task", task, "steps", "4", "eval-every", "2",
                    "threads", "1", "window", "3", "checkpoint-every", "0", "d", "16", "heads", "2", "d-ff", "32", "layers", "1"));
            o.put("model", task.equals("parity") ? "mlp" : "transformer");
            o.put("batch", "32");
            TrainRun.Result r = TrainRun.start(TrainConfig.of(o), dir.resolve(task), List.of());
            assertEquals(TrainingOutcome.Status.COMPLETED, r.outcome().status(), task + ": " + r.outcome().message());
            assertEquals(2, r.outcome().evals().size(), task);
            for (var e : r.outcome().evals()) {
                assertTrue(Double.isFinite(e.trainLoss()) && e.testAcc() >= 0 && e.testAcc() <= 1, task + ": " + e);
            }
            assertEquals(3, r.windows().get("all").size(), task + ": windows from the second update on");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Experiment.create(TrainConfig.of(Map.of("task", "scan", "model", "nanda"))));
        assertTrue(e.getMessage().contains("use model transformer"), e.getMessage());
    }

    @Test
    void badOptionsNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.of(Map.of("lr", "fast")));
        assertEquals("lr must be a number, got 'fast'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.of(Map.of("task", "mod")));
        assertTrue(e.getMessage().contains("add"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.of(Map.of("optimiser", "adamw")));
        assertTrue(e.getMessage().startsWith("optimiser is not a training option; the options are task, p,"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.of(Map.of("frac", "1.5")));
        assertEquals("frac must be a fraction in (0, 1), got 1.5", e.getMessage());
    }
}
