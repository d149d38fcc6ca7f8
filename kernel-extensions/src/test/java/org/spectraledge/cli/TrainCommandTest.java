package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.run.RunFolder;

/**
 * {@code spectral-edge train}, the training command line: bad arguments are usage errors naming the argument; a run
 * prints the memorization and grok lines and writes the run folder of the public contract.
 */
class TrainCommandTest {

    @TempDir Path dir;

    @Test
    void badArgumentsAreUsageErrorsNamingTheArgument() {
        String out = dir.resolve("x").toString();
        CliOutcome.run("train", "--task", "add").assertUsage("train", "--out DIR is required");
        CliOutcome.run("train", "--p", "abc", "--out", out).assertUsage("train", "--p must be an integer, got 'abc'");
        CliOutcome.run("train", "--bogus", "1", "--out", out).assertUsage("train", "Unknown option: '--bogus'");
        CliOutcome.run("train", "--task", "nope", "--out", out).assertUsage("train", "--task must be one of add, sub");
        CliOutcome.run("train", "--lr", "-1", "--out", out).assertUsage("train", "--lr must be a learning rate > 0");
        CliOutcome.run("train", "--out", out, "--steps").assertUsage("train", "Missing required parameter for option '--steps'");
        assertTrue(Files.notExists(dir.resolve("x")), "a refused command writes nothing");
    }

    @Test
    void aRunPrintsItsStepsAndWritesTheRunFolder() throws Exception {
        Path out = dir.resolve("run");
        CliOutcome o = CliOutcome.run("train", "--task", "add", "--p", "23", "--d", "16", "--width", "32", "--steps", "60",
                "--eval-every", "20", "--window", "4", "--threads", "1", "--checkpoint-every", "30", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("memorization step: "), o.out());
        assertTrue(o.out().matches("(?s).*grok step: (\\d+|did not grok).*"), o.out());
        assertTrue(o.out().contains("update capture on the training thread: "), o.out());

        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(RunFolder.METRICS_HEADER, metrics.get(0));
        assertEquals(1 + 3, metrics.size(), "one row per evaluation: steps 20, 40, 60");
        assertEquals(1 + 59, Files.readAllLines(out.resolve("windows.csv")).size(), "a window row per update from the second");
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        for (String key : List.of("memorized_step", "grokked_step", "params", "steps", "seconds")) {
            assertTrue(summary.has(key), key + " in " + summary);
        }
        assertEquals(60, summary.get("steps").getAsInt());
        assertTrue(summary.get("grokked_step").isJsonNull() || summary.get("grokked_step").getAsInt() <= 60, summary.toString());
        assertTrue(Files.exists(out.resolve("checkpoints/step-60.ckpt")), "checkpoints/ holds the run's newest checkpoint");
    }

    static final String[] TINY = {"--task", "add", "--p", "23", "--d", "16", "--width", "32", "--window", "4", "--threads", "1"};

    private static CliOutcome train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train"));
        args.addAll(List.of(TINY));
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return CliOutcome.run(args.toArray(String[]::new));
    }

    @Test
    void aFolderOfOtherFilesIsRefusedAndLeftAlone() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("metrics.csv"), "my own numbers\n");
        CliOutcome o = train(mine, "--steps", "10");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains(mine + " is not empty and is not a run folder (it has no summary.json)")
                && o.err().contains("Choose a new or empty folder with --out"), o.err());
        assertEquals("my own numbers\n", Files.readString(mine.resolve("metrics.csv")), "the user's file is untouched");
        assertEquals(List.of(mine.resolve("metrics.csv")), Files.list(mine).toList(), "nothing was added");
    }

    @Test
    void aPathThatCannotBeCreatedSaysWhy() {
        CliOutcome o = train(Path.of("/proc/spectral-edge-test/run"), "--steps", "10");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("cannot create the run folder /proc/spectral-edge-test/run: No such file or directory"), o.err());
    }

    /**
     * A full disk, for real: the checkpoint's temporary file is made a link to {@code /dev/full} (writes fail with
     * ENOSPC) while the run trains towards its checkpoint.
     */
    @Test
    void aCheckpointOnAFullDiskLeavesNoTemporaryFileAndMarksTheRunFailed() throws Exception {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devFull) || "true".equalsIgnoreCase(System.getenv("CI")), "needs /dev/full");
        Path out = dir.resolve("full");
        Path tmp = out.resolve("checkpoints/step-200.ckpt.tmp");
        Thread planter = new Thread(() -> {
            try {
                while (!Files.isDirectory(out.resolve("checkpoints"))) Thread.sleep(1);
                Files.createSymbolicLink(tmp, devFull);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        planter.start();
        CliOutcome o = train(out, "--steps", "200", "--eval-every", "100", "--checkpoint-every", "200");
        planter.join();
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("cannot write the checkpoint of step 200 in " + out.resolve("checkpoints") + ": No space left on device"), o.err());
        assertTrue(Files.notExists(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the temporary file is removed");
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        assertEquals("failed", summary.get("status").getAsString(), summary.toString());
        assertTrue(summary.get("message").getAsString().contains("No space left on device"), summary.toString());
        assertEquals(200, summary.get("steps").getAsInt(), "the steps trained before the failed write");
    }

    @Test
    void aDivergedRunNamesItsLastCheckpointOrSaysThereIsNone() throws Exception {
        Path none = dir.resolve("none");
        CliOutcome early = train(none, "--lr", "1e4", "--steps", "40", "--checkpoint-every", "20");
        assertEquals(1, early.code(), early.err());
        assertTrue(early.out().contains("No checkpoint exists: the run diverged before its first one (due at step 20"), early.out());
        assertFalse(early.out().contains("checkpoints are those"), early.out());
        assertEquals(List.of(), Files.list(none.resolve("checkpoints")).toList());
        JsonObject summary = JsonParser.parseString(Files.readString(none.resolve("summary.json"))).getAsJsonObject();
        assertEquals("diverged", summary.get("status").getAsString());
        assertTrue(summary.get("message").getAsString().contains("No checkpoint exists"), summary.toString());

        Path some = dir.resolve("some");
        CliOutcome later = train(some, "--lr", "1e4", "--steps", "40", "--checkpoint-every", "2");
        assertEquals(1, later.code(), later.err());
        List<Path> kept = Files.list(some.resolve("checkpoints")).sorted().toList();
        assertFalse(kept.isEmpty(), "a checkpoint before the divergence");
        Path newest = kept.stream().max(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", "")))).get();
        assertTrue(later.out().contains("The last good checkpoint is " + newest + "."), later.out());
    }
}
