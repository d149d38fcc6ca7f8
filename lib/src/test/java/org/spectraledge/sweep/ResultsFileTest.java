package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.csv round trips: RFC 4180 quoting of awkward cells, empty cells, the atomic rewrite, another sweep's file. */
class ResultsFileTest {
    @TempDir Path dir;

    private static RunResult row(String id, String task) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("task", task);
        config.put("seed", "7");
        return new RunResult(id, config, true, OptionalLong.of(100), OptionalLong.of(500), OptionalLong.empty(),
                OptionalLong.empty(), OptionalInt.of(3), OptionalInt.empty(), Double.NaN, 6.25, "target_reached");
    }

    @Test
    void aCellWithANewlineAQuoteAndACommaRoundTrips() throws Exception {
        ResultsFile file = new ResultsFile(dir.resolve("results.csv"), List.of("task", "seed"));
        List<RunResult> rows = List.of(row("r001", "line one\nsaid \"two\", then three"), row("r002", "plain"));
        file.write(rows);

        assertEquals(rows, file.read());
        String text = Files.readString(file.path());
        assertTrue(text.contains("\"line one\nsaid \"\"two\"\", then three\""), text);
        assertFalse(Files.exists(dir.resolve("results.csv.tmp")), "the temporary file is renamed over results.csv");
    }

    @Test
    void anotherSweepsFileIsRefusedByName() {
        new ResultsFile(dir.resolve("results.csv"), List.of("lr")).write(List.of());
        ResultsFile mine = new ResultsFile(dir.resolve("results.csv"), List.of("task", "seed"));

        IllegalStateException e = assertThrows(IllegalStateException.class, mine::read);
        assertTrue(e.getMessage().contains("holds the results of another sweep"), e.getMessage());
    }

    @Test
    void aMissingFileHasNoRows() {
        assertEquals(List.of(), new ResultsFile(dir.resolve("none.csv"), List.of("task")).read());
    }
}
