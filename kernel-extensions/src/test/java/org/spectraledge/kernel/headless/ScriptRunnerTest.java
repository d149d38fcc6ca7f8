package org.spectraledge.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.NotebookSession;

/** Scripts: text to the terminal, charts to PNG files, errors naming the script line. */
class ScriptRunnerTest {

    static NotebookSession session;

    @BeforeAll
    static void start() {
        session = NotebookSession.start();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void textIsPrintedAndChartsBecomePngFiles(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("demo.jsh"), String.join("\n",
                "var chart = org.knowm.xchart.QuickChart.getChart(\"gap\", \"t\", \"g\", \"g23\", new double[]{1, 2}, new double[]{2, 1});",
                "display(chart);",
                "display(md(\"**done**\"));",
                "%time int k = 6 * 7;",
                "k"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<CellError> error = new ScriptRunner(session, dir.resolve("figures"), new PrintStream(out, true, StandardCharsets.UTF_8)).run(script);
        assertTrue(error.isEmpty(), () -> error.get().traceback().toString());
        Path png = dir.resolve("figures").resolve("demo-1.png");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(png + "\n**done**\n42\n", printed);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(png), 4));
    }

    @Test
    void anErrorNamesTheScriptLine(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("broken.jsh"), "int a = 1;\n\nint b = a + missing;\n");
        CellError error = new ScriptRunner(session, dir, new PrintStream(new ByteArrayOutputStream())).run(script).orElseThrow();
        assertEquals("CompilationError", error.name());
        assertTrue(error.traceback().get(0).startsWith("broken.jsh, line 3: cannot find symbol"), error.traceback().toString());
    }
}
