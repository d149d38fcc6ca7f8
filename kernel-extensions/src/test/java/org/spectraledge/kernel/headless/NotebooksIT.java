package org.spectraledge.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spectraledge.kernel.testing.CommandLine;
import org.spectraledge.kernel.testing.JupyterClient;

/**
 * Every notebook in {@code notebooks/} must run both headless and in Jupyter, so each is executed twice: by the
 * headless runner ({@code spectral-edge run}; the quickstart through {@code spectral-edge demo}, the README's main
 * job) and by {@code jupyter nbconvert --execute} with the installed kernel. Both must succeed, nbformat must validate
 * both, and both must produce the same kinds of output cell by cell. The notebooks assert their own key results, so a
 * scientific regression fails here too. The committed copies must carry their outputs.
 */
class NotebooksIT {
    /** The longest one notebook may take in one execution, far above the budget of about a minute. */
    private static final long TIMEOUT_SECONDS = 900;

    @TempDir
    static Path dir;
    static JupyterClient jupyter;

    @BeforeAll
    static void setUp() throws Exception {
        JupyterClient.require("nbformat", "nbconvert", "jupyter_client");
        jupyter = JupyterClient.install(dir.resolve("prefix"));
    }

    static Stream<Path> notebooks() throws IOException {
        Path folder = CommandLine.projectRoot().resolve("notebooks");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(all.isEmpty(), "no notebooks in " + folder);
            return all.stream();
        }
    }

    @Test
    void theQuickstartIsThereForTheDemo() {
        assertTrue(Files.isRegularFile(CommandLine.projectRoot().resolve("notebooks/00-quickstart.ipynb")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void runsHeadlessAndInJupyter(Path notebook) throws Exception {
        String name = notebook.getFileName().toString();
        assertCommittedWithOutputs(notebook);

        Path ours = dir.resolve("headless").resolve(name);
        Files.createDirectories(ours.getParent());
        if (name.equals("00-quickstart.ipynb")) {
            Path out = dir.resolve("demo");
            CommandLine.Result demo = CommandLine.run(dir, TIMEOUT_SECONDS, "demo", "--out", out.toString());
            assertEquals(0, demo.exitCode(), demo.stdout() + demo.stderr());
            assertTrue(demo.stdout().matches("(?s).*memorized at step \\d+, gap event at step \\d+ .*, grokked at step \\d+: lead time \\d+ steps.*"),
                    demo.stdout());
            try (Stream<Path> figures = Files.list(out.resolve("figures"))) {
                assertTrue(figures.filter(f -> f.toString().endsWith(".png")).count() >= 3, "the demo writes the notebook's figures");
            }
            Files.copy(out.resolve(name), ours);
        } else {
            CommandLine.Result run = CommandLine.run(dir, TIMEOUT_SECONDS, "run", notebook.toString(), "-o", ours.toString());
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        }

        Path theirs = dir.resolve("nbconvert").resolve(name);
        Files.createDirectories(theirs.getParent());
        JupyterClient.Result converted = jupyter.nbconvert(notebook, theirs, TIMEOUT_SECONDS);
        assertEquals(0, converted.exitCode(), converted.stderr());

        JsonObject kinds = jupyter.outputKinds(ours, theirs);
        assertEquals(distinct(kinds.getAsJsonArray(theirs.toString())), distinct(kinds.getAsJsonArray(ours.toString())),
                "the same kinds of output in every cell");
    }

    /** Every code cell was executed and none failed in the copy people read on GitHub. */
    private static void assertCommittedWithOutputs(Path notebook) throws IOException {
        JsonArray cells = NotebookFile.read(notebook).getAsJsonArray("cells");
        int code = 0;
        for (JsonElement c : cells) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            code++;
            assertTrue(cell.get("execution_count").isJsonPrimitive(), notebook.getFileName() + ": code cell " + code
                    + " has not been run; commit notebooks executed (bin/spectral-edge run NB -o NB)");
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                assertFalse(o.getAsJsonObject().get("output_type").getAsString().equals("error"),
                        notebook.getFileName() + ": code cell " + code + " has an error output");
            }
        }
    }

    /** Per cell, the sorted distinct output kinds (how many stream chunks a front end stores may differ). */
    private static List<TreeSet<String>> distinct(JsonArray cells) {
        return cells.asList().stream().map(c -> {
            TreeSet<String> kinds = new TreeSet<>();
            c.getAsJsonArray().forEach(k -> kinds.add(k.getAsString()));
            return kinds;
        }).toList();
    }
}
