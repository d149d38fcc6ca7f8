package org.spectraledge.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.testing.CommandLine;
import org.spectraledge.kernel.testing.JupyterClient;

/**
 * The packaged command line ({@code spectral-edge run} and {@code script}) as a user runs it, checked
 * against real Jupyter: Debian's {@code nbformat} validates what the runner writes, and
 * {@code jupyter nbconvert --to notebook --execute} with the installed kernelspec must produce the same
 * output kinds, cell by cell.
 */
class RunnersIT {

    @TempDir
    static Path dir;
    static JupyterClient jupyter;
    static Path notebook;

    @BeforeAll
    static void setUp() throws Exception {
        JupyterClient.require("nbformat", "nbconvert", "jupyter_client");
        jupyter = JupyterClient.install(dir.resolve("prefix"));
        notebook = dir.resolve("runner-test.ipynb");
        Files.copy(Path.of(RunnersIT.class.getResource("runner-test.ipynb").toURI()), notebook);
    }

    static CommandLine.Result cli(String... args) throws Exception {
        return CommandLine.run(dir, 300, args);
    }

    @Test
    void runWritesAValidNotebookWithTheSameOutputKindsAsNbconvert() throws Exception {
        Path ours = dir.resolve("ours.ipynb");
        CommandLine.Result run = cli("run", notebook.toString(), "-o", ours.toString(), "--allow-errors", "--timeout", "120");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("error (allowed) in cell 7 (In [5]): IllegalStateException: boom"), run.stderr());

        Path theirs = dir.resolve("nbconvert.ipynb");
        JupyterClient.Result converted = jupyter.nbconvert(notebook, theirs, 120, "--allow-errors");
        assertEquals(0, converted.exitCode(), converted.stderr());

        JsonObject kinds = jupyter.outputKinds(ours, theirs);
        assertEquals(kinds.get(theirs.toString()), kinds.get(ours.toString()));
        String described = kinds.get(ours.toString()).toString();
        assertTrue(described.contains("execute_result:image/png,text/plain") && described.contains("execute_result:text/html,text/plain")
                && described.contains("display_data:text/markdown,text/plain") && described.contains("display_data:text/latex,text/plain")
                && described.contains("\"stream:\"") && described.contains("\"error:\""), described);
    }

    @Test
    void runStopsAtTheFirstErrorWithExitCodeOne() throws Exception {
        Path out = dir.resolve("stopped.ipynb");
        CommandLine.Result run = cli("run", notebook.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("error in cell 7 (In [5]): IllegalStateException: boom")
                && run.stderr().contains("at In [5], line 2"), run.stderr());
        String lastCell = jupyter.outputKinds(out).get(out.toString()).getAsJsonArray().get(5).toString(); // the sixth code cell
        assertEquals("[]", lastCell, "the cell after the error did not run");
    }

    @Test
    void scriptPrintsTextWritesChartsAndNamesTheFailingLine() throws Exception {
        Path script = Files.writeString(dir.resolve("demo.jsh"), String.join("\n",
                "System.out.println(\"training done\");",
                "display(org.knowm.xchart.QuickChart.getChart(\"gap\", \"t\", \"g\", \"g23\", new double[]{1, 2}, new double[]{2, 1}));",
                "int steps = 3;",
                "if (steps > 2) throw new IllegalStateException(\"too many steps\");"));
        CommandLine.Result run = cli("script", script.toString(), "--out", dir.resolve("figures").toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("training done\n" + dir.resolve("figures").resolve("demo-1.png") + "\n"), run.stdout());
        assertTrue(Files.size(dir.resolve("figures").resolve("demo-1.png")) > 100);
        assertTrue(run.stderr().contains("IllegalStateException: too many steps") && run.stderr().contains("at demo.jsh, line 4"), run.stderr());

        Path fine = Files.writeString(dir.resolve("fine.jsh"), "System.out.println(\"ok\");\n");
        CommandLine.Result ok = cli("script", fine.toString());
        assertEquals(0, ok.exitCode(), ok.stderr());
        assertEquals("ok\n", ok.stdout());
    }
}
