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

    /** Output of the command line. */
    record Cli(int exitCode, String stdout, String stderr) {}

    /** Runs {@code spectral-edge ARGS} from the packaged jar with the flags of bin/spectral-edge. */
    static Cli cli(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("kernel.jar", "target/spectral-edge.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED", "-Djava.security.manager=allow",
                "-Djava.awt.headless=true", "-cp", jar + File.pathSeparator + jar.resolveSibling("lib").resolve("*"),
                "org.spectraledge.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("spectral-edge " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Cli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Validates each notebook with nbformat and returns the output kinds of every code cell, per notebook. */
    static JsonObject validateAndDescribe(Path... notebooks) throws IOException {
        StringBuilder paths = new StringBuilder();
        for (Path p : notebooks) {
            paths.append("'").append(p).append("', ");
        }
        return jupyter.run(String.join("\n",
                "import json, nbformat",
                "result = {}",
                "for path in [" + paths + "]:",
                "    nb = nbformat.read(path, 4)",
                "    nbformat.validate(nb)",
                "    result[path] = [[o['output_type'] + ':' + ','.join(sorted(o.get('data', {}))) for o in c.get('outputs', [])]",
                "                    for c in nb.cells if c.cell_type == 'code']",
                "print(json.dumps(result))"));
    }

    @Test
    void runWritesAValidNotebookWithTheSameOutputKindsAsNbconvert() throws Exception {
        Path ours = dir.resolve("ours.ipynb");
        Cli run = cli("run", notebook.toString(), "-o", ours.toString(), "--allow-errors", "--timeout", "120");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("error (allowed) in cell 7 (In [5]): IllegalStateException: boom"), run.stderr());

        Path theirs = dir.resolve("nbconvert.ipynb");
        JsonObject converted = jupyter.run(String.join("\n",
                "import json, subprocess, sys",
                "r = subprocess.run([sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--allow-errors',",
                "                    '--ExecutePreprocessor.kernel_name=spectral-edge', '--ExecutePreprocessor.timeout=120',",
                "                    '--output-dir', '" + dir + "', '--output', 'nbconvert', '" + notebook + "'],",
                "                   capture_output=True, text=True)",
                "print(json.dumps({'code': r.returncode, 'stderr': r.stderr[-3000:]}))"));
        assertEquals(0, converted.get("code").getAsInt(), converted.get("stderr").getAsString());

        JsonObject kinds = validateAndDescribe(ours, theirs);
        assertEquals(kinds.get(theirs.toString()), kinds.get(ours.toString()));
        String described = kinds.get(ours.toString()).toString();
        assertTrue(described.contains("execute_result:image/png,text/plain") && described.contains("execute_result:text/html,text/plain")
                && described.contains("display_data:text/markdown,text/plain") && described.contains("display_data:text/latex,text/plain")
                && described.contains("\"stream:\"") && described.contains("\"error:\""), described);
    }

    @Test
    void runStopsAtTheFirstErrorWithExitCodeOne() throws Exception {
        Path out = dir.resolve("stopped.ipynb");
        Cli run = cli("run", notebook.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("error in cell 7 (In [5]): IllegalStateException: boom")
                && run.stderr().contains("at In [5], line 2"), run.stderr());
        String lastCell = validateAndDescribe(out).get(out.toString()).getAsJsonArray().get(5).toString(); // the sixth code cell
        assertEquals("[]", lastCell, "the cell after the error did not run");
    }

    @Test
    void scriptPrintsTextWritesChartsAndNamesTheFailingLine() throws Exception {
        Path script = Files.writeString(dir.resolve("demo.jsh"), String.join("\n",
                "System.out.println(\"training done\");",
                "display(org.knowm.xchart.QuickChart.getChart(\"gap\", \"t\", \"g\", \"g23\", new double[]{1, 2}, new double[]{2, 1}));",
                "int steps = 3;",
                "if (steps > 2) throw new IllegalStateException(\"too many steps\");"));
        Cli run = cli("script", script.toString(), "--out", dir.resolve("figures").toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("training done\n" + dir.resolve("figures").resolve("demo-1.png") + "\n"), run.stdout());
        assertTrue(Files.size(dir.resolve("figures").resolve("demo-1.png")) > 100);
        assertTrue(run.stderr().contains("IllegalStateException: too many steps") && run.stderr().contains("at demo.jsh, line 4"), run.stderr());

        Path fine = Files.writeString(dir.resolve("fine.jsh"), "System.out.println(\"ok\");\n");
        Cli ok = cli("script", fine.toString());
        assertEquals(0, ok.exitCode(), ok.stderr());
        assertEquals("ok\n", ok.stdout());
    }
}
