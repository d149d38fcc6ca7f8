package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.sweep.SweepManifest;

/**
 * {@code spectral-edge evidence}: a tiny sweep run by the command line is packed, checked against its definition and
 * evaluated; bad input gets a usage error naming it and writes nothing.
 */
class EvidenceCommandTest {
    @TempDir Path dir;

    @Test
    void aSweepIsPackedAndEvaluatedFromTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), SweepCommandTest.TINY.replace("\"grid\": {\"seed\": [1, 2]}",
                "\"grid\": {\"wd\": [0, 1], \"seed\": [1, 2]}"));
        Path sweep = dir.resolve("sweep");
        CliOutcome run = CliOutcome.run("sweep", file.toString(), "--out", sweep.toString(), "--engine", "local:2");
        assertEquals(0, run.code(), run.err());
        SweepManifest manifest = SweepManifest.read(sweep).orElseThrow();
        assertEquals("spectral-edge sweep " + file + " --out " + sweep + " --engine local:2", manifest.invocations().get(0).command());

        Path evidence = dir.resolve("evidence");
        CliOutcome packed = CliOutcome.run("evidence", "pack", sweep.toString(), "--experiment", file.toString(), "--to", evidence.toString());
        assertEquals(0, packed.code(), packed.err());
        assertTrue(Files.isRegularFile(evidence.resolve("manifest.json")));

        Path tables = dir.resolve("tables");
        CliOutcome report = CliOutcome.run("evidence", evidence.toString(), "--horizon", "40", "--settle", "1", "--csv", tables.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().contains("H = 40"), "the settings are stated with the result:\n" + report.out());
        assertTrue(Files.isRegularFile(tables.resolve("alarm-table.csv")), report.out());

        CliOutcome again = CliOutcome.run("evidence", "pack", sweep.toString(), "--experiment", file.toString(), "--to", evidence.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        Path changed = Files.writeString(dir.resolve("changed.json"), Files.readString(file).replace("\"steps\": 60", "\"steps\": 70"));
        CliOutcome stale = CliOutcome.run("evidence", "pack", sweep.toString(), "--experiment", changed.toString(), "--to", dir.resolve("e2").toString());
        assertEquals(1, stale.code());
        assertTrue(stale.err().contains("another definition"), stale.err());
        assertFalse(Files.exists(dir.resolve("e2")), "a refused pack writes nothing");
    }

    @Test
    void badInputIsAUsageErrorNamingIt() {
        CliOutcome.run("evidence").assertUsage("evidence", "DIR (a sweep or evidence folder) is missing");
        CliOutcome.run("evidence", dir.toString(), "--horizon", "0").assertUsage("evidence", "horizon");
        CliOutcome.run("evidence", dir.toString()).assertUsage("evidence", "results.csv");
        CliOutcome.run("evidence", "pack", dir.toString(), "--to", dir.resolve("x").toString())
                .assertUsage("evidence pack", "--experiment FILE is required");
    }
}
