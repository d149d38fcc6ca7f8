package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.sweep.SweepEngines;

/** {@code spectral-edge sweep}: usage errors name the argument; a tiny sweep prints a line per run and the table. */
public class SweepCommandTest {
    public static final String TINY = "{\"base\": {\"task\": \"add\", \"p\": 23, \"d\": 16, \"width\": 32, \"steps\": 60, \"eval-every\": 20, "
            + "\"window\": 4, \"threads\": 1, \"checkpoint-every\": 0}, \"grid\": {\"seed\": [1, 2]}}";

    @TempDir Path dir;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsNameTheArgument() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        assertUsage(run("sweep", "--out", dir.toString()), "FILE.json (the sweep file) is missing");
        assertUsage(run("sweep", file.toString()), "--out DIR is required");
        assertUsage(run("sweep", file.toString(), "--out", "o", "--engine", "hadoop"), "--engine: unknown engine 'hadoop'");
        assertUsage(run("sweep", file.toString(), "--out", "o", "--engine", "local:0"), "--engine local:N takes a number");
        assertUsage(run("sweep", file.toString(), "--out", "o", "--seeds", "3"), "unknown option --seeds");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"grid\": {\"wd\": [0], \"lrr\": [1]}}");
        assertUsage(run("sweep", bad.toString(), "--out", "o"), "grid: unknown option \"lrr\"");
    }

    @Test
    void sparkWithoutItsModuleSaysHowToBuildIt() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        String saved = System.getProperty(SweepEngines.SPARK_LIB_PROPERTY);
        System.setProperty(SweepEngines.SPARK_LIB_PROPERTY, dir.resolve("no-such-folder").toString());
        try {
            Outcome o = run("sweep", file.toString(), "--out", dir.resolve("o").toString(), "--engine", "spark:local[2]");
            assertEquals(1, o.code, o.err);
            assertTrue(o.err.contains("the Spark engine is optional and not built") && o.err.contains("./mvnw -pl spark -am package"), o.err);
        } finally {
            if (saved == null) System.clearProperty(SweepEngines.SPARK_LIB_PROPERTY);
            else System.setProperty(SweepEngines.SPARK_LIB_PROPERTY, saved);
        }
    }

    @Test
    void aSweepPrintsALinePerRunAndTheTable() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), TINY);
        Outcome o = run("sweep", file.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, o.code, o.err);
        assertTrue(o.out.startsWith("sweep: 2 runs"), o.out);
        assertTrue(o.out.contains("[1/2] r00") && o.out.contains("[2/2] r00"), o.out);
        assertTrue(o.out.contains("run_id") && o.out.contains("r001-seed=1") && o.out.contains("r002-seed=2"), o.out);
        assertEquals(3, Files.readAllLines(dir.resolve("o/results.csv")).size());
        Outcome again = run("sweep", file.toString(), "--out", dir.resolve("o").toString());
        assertTrue(again.out.startsWith("sweep: 2 runs, 2 finished earlier (kept, not trained again)"), again.out);
        assertTrue(!again.out.contains("[1/2]"), again.out);
    }

    private static void assertUsage(Outcome o, String expected) {
        assertEquals(2, o.code, o.err);
        assertTrue(o.err.contains(expected), "expected '" + expected + "' in: " + o.err);
        assertTrue(o.err.contains("usage: spectral-edge sweep"), o.err);
    }
}
