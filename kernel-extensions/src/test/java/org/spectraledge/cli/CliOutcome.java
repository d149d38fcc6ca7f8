package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What {@code spectral-edge ARGS} returned and printed, run in this JVM through {@link Main#run}. */
record CliOutcome(int code, String out, String err) {

    static CliOutcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliOutcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A usage error (exit code 2) that says {@code expected} and shows the usage of {@code command}. */
    void assertUsage(String command, String expected) {
        assertEquals(2, code, err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertTrue(err.contains("usage: spectral-edge " + command), err);
    }
}
