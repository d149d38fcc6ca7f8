package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's bad input; its real run (train, events, figures) is checked by NotebooksIT through the packaged jar. */
class DemoCommandTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void fileArgumentsAreAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "demo", "notebooks/00-quickstart.ipynb"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("demo takes no file arguments") && text.contains("usage: spectral-edge demo"), text);
    }

    @Test
    void outsideACheckoutItSaysWhereTheQuickstartShouldBe(@TempDir Path empty) {
        String before = System.getProperty(DemoCommand.HOME_PROPERTY);
        System.setProperty(DemoCommand.HOME_PROPERTY, empty.toString());
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "demo", "--out", empty.resolve("out").toString()));
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains(empty.resolve(DemoCommand.QUICKSTART) + " is missing") && text.contains("checkout"), text);
        } finally {
            if (before == null) System.clearProperty(DemoCommand.HOME_PROPERTY);
            else System.setProperty(DemoCommand.HOME_PROPERTY, before);
        }
    }
}
