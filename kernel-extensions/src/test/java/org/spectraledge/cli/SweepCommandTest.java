package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.sweep.SweepEngines;

/** {@code spectral-edge sweep}: usage errors name the argument; a tiny sweep prints a line per run and the table. */
public class SweepCommandTest {
    public static final String TINY = "{\"base\": {\"task\": \"add\", \"p\": 23, \"d\": 16, \"width\": 32, \"steps\": 60, \"eval-every\": 20, "
            + "\"window\": 4, \"threads\": 1, \"checkpoint-every\": 0}, \"grid\": {\"seed\": [1, 2]}}";

    @TempDir Path dir;

    @Test
    void usageErrorsNameTheArgument() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        CliOutcome.run("sweep", "--out", dir.toString()).assertUsage("sweep", "FILE.json (the sweep file) is missing");
        CliOutcome.run("sweep", file.toString()).assertUsage("sweep", "--out DIR is required");
        CliOutcome.run("sweep", file.toString(), "--out", "o", "--engine", "hadoop").assertUsage("sweep", "--engine: unknown engine 'hadoop'");
        CliOutcome.run("sweep", file.toString(), "--out", "o", "--engine", "local:0").assertUsage("sweep", "--engine local:N takes a number");
        CliOutcome.run("sweep", file.toString(), "--out", "o", "--seeds", "3").assertUsage("sweep", "Unknown option: '--seeds'");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"grid\": {\"wd\": [0], \"lrr\": [1]}}");
        CliOutcome.run("sweep", bad.toString(), "--out", "o").assertUsage("sweep", "grid: unknown key \"lrr\"");
    }

    @Test
    void aFolderOfOtherFilesIsRefusedAndLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("results.csv"), "my own table\n");
        CliOutcome o = CliOutcome.run("sweep", file.toString(), "--out", mine.toString());
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains(mine + " is not empty and is not a sweep folder (it has no manifest.json)"), o.err());
        assertEquals("my own table\n", Files.readString(mine.resolve("results.csv")));
        assertEquals(1, Files.list(mine).count(), "nothing was added");
    }

    @Test
    void sparkWithoutItsModuleSaysHowToBuildIt() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        String saved = System.getProperty(SweepEngines.SPARK_LIB_PROPERTY);
        System.setProperty(SweepEngines.SPARK_LIB_PROPERTY, dir.resolve("no-such-folder").toString());
        try {
            CliOutcome o = CliOutcome.run("sweep", file.toString(), "--out", dir.resolve("o").toString(), "--engine", "spark:local[2]");
            assertEquals(1, o.code(), o.err());
            assertTrue(o.err().contains("the Spark engine is optional and not built") && o.err().contains("./mvnw -pl spark -am package"), o.err());
        } finally {
            if (saved == null) System.clearProperty(SweepEngines.SPARK_LIB_PROPERTY);
            else System.setProperty(SweepEngines.SPARK_LIB_PROPERTY, saved);
        }
    }

    @Test
    void aSweepPrintsALinePerRunAndTheTable() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        CliOutcome o = CliOutcome.run("sweep", file.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("sweep: 2 runs"), o.out());
        assertTrue(o.out().contains("[1/2] r00") && o.out().contains("[2/2] r00"), o.out());
        assertTrue(o.out().contains("run_id") && o.out().contains("r001-seed=1") && o.out().contains("r002-seed=2"), o.out());
        assertEquals(3, Files.readAllLines(dir.resolve("o/results.csv")).size());
        CliOutcome again = CliOutcome.run("sweep", file.toString(), "--out", dir.resolve("o").toString());
        assertTrue(again.out().startsWith("sweep: 2 runs, 2 finished earlier (kept, not trained again)"), again.out());
        assertTrue(!again.out().contains("[1/2]"), again.out());
    }
}
