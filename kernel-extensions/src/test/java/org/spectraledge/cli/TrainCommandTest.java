package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
