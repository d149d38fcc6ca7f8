package org.spectraledge.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.session.NotebookSession;

/** The headless runner in this JVM, on the test notebook (chart, table, Markdown, LaTeX, an error). */
class NotebookRunnerTest {

    static NotebookSession session;
    static JsonObject notebook;

    @BeforeAll
    static void start() throws Exception {
        session = NotebookSession.start();
        Path file = Path.of(NotebookRunnerTest.class.getResource("runner-test.ipynb").toURI());
        notebook = NotebookFile.read(file);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** "output_type[:mime,...]" per output of cell {@code i}. */
    static List<String> kinds(JsonObject nb, int i) {
        List<String> kinds = new ArrayList<>();
        for (var o : nb.getAsJsonArray("cells").get(i).getAsJsonObject().getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            String kind = out.get("output_type").getAsString();
            kinds.add(out.has("data") ? kind + ":" + String.join(",", new java.util.TreeSet<>(out.getAsJsonObject("data").keySet())) : kind);
        }
        return kinds;
    }

    static JsonObject output(JsonObject nb, int cell, int index) {
        return nb.getAsJsonArray("cells").get(cell).getAsJsonObject().getAsJsonArray("outputs").get(index).getAsJsonObject();
    }

    @Test
    void everyCellKindBecomesItsOutputAndTheRunStopsAtTheError() {
        NotebookRunner.Result r = new NotebookRunner(session, new NotebookRunner.Options(false, null)).run(notebook);
        JsonObject nb = r.notebook();
        assertEquals(5, r.cellsRun(), "cells 1-4 and the failing one run; the last code cell does not");
        assertEquals(List.of("stream"), kinds(nb, 1));
        assertEquals("hello\n", output(nb, 1, 0).get("text").getAsString());
        assertEquals(List.of("execute_result:image/png,text/plain"), kinds(nb, 2));
        byte[] png = Base64.getDecoder().decode(output(nb, 2, 0).getAsJsonObject("data").get("image/png").getAsString());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertEquals(2, output(nb, 2, 0).get("execution_count").getAsInt());
        assertEquals(List.of("execute_result:text/html,text/plain"), kinds(nb, 3));
        assertTrue(output(nb, 3, 0).getAsJsonObject("data").get("text/html").getAsString().contains("0.25"));
        // display(...) returns its display id, so a cell ending in display(x); has that id as its value (as in IJava)
        assertEquals(List.of("display_data:text/markdown,text/plain", "display_data:text/latex,text/plain", "execute_result:text/plain"), kinds(nb, 4));
        assertEquals("**grokked** at step 1550", output(nb, 4, 0).getAsJsonObject("data").get("text/markdown").getAsString());
        JsonObject error = output(nb, 6, 0);
        assertEquals(List.of("error"), kinds(nb, 6));
        assertEquals("IllegalStateException", error.get("ename").getAsString());
        assertEquals("boom", error.get("evalue").getAsString());
        assertTrue(error.get("traceback").toString().contains("In [5], line 2"), error.toString());
        assertEquals(List.of(), kinds(nb, 7));
        assertTrue(nb.getAsJsonArray("cells").get(7).getAsJsonObject().get("execution_count").isJsonNull());
        assertEquals(1, r.failures().size());
        assertEquals(6, r.failures().get(0).cellIndex());
        assertEquals(notebook.getAsJsonArray("cells").get(0), nb.getAsJsonArray("cells").get(0), "Markdown passes through");
    }

    @Test
    void allowErrorsRunsTheCellsAfterTheError() {
        NotebookRunner.Result r = new NotebookRunner(session, new NotebookRunner.Options(true, null)).run(notebook);
        assertEquals(6, r.cellsRun());
        assertEquals(List.of("execute_result:text/plain"), kinds(r.notebook(), 7));
        assertEquals("4", output(r.notebook(), 7, 0).getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(1, r.failures().size());
    }

    @Test
    void aCellOverTheTimeLimitIsInterruptedAndTheNextCellsStillWork() {
        JsonObject nb = notebook.deepCopy();
        JsonArray cells = new JsonArray();
        cells.add(codeCell("long spins = 0;\nwhile (true) { spins++; }"));
        cells.add(codeCell("21 * 2"));
        nb.add("cells", cells);
        long start = System.nanoTime();
        NotebookRunner.Result r = new NotebookRunner(session, new NotebookRunner.Options(true, Duration.ofSeconds(1))).run(nb);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertEquals(NotebookRunner.TIMEOUT_ERROR, output(r.notebook(), 0, 0).get("ename").getAsString());
        assertEquals("42", output(r.notebook(), 1, 0).getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void updateDisplayRewritesTheEarlierOutputAndPrintsKeepTheirPlace() {
        JsonObject nb = notebook.deepCopy();
        JsonArray cells = new JsonArray();
        cells.add(codeCell("System.out.print(\"before \");\nString id = display(\"step 1\");\nSystem.out.println(\"after\");\nupdateDisplay(id, \"step 2\");"));
        nb.add("cells", cells);
        JsonObject out = new NotebookRunner(session, new NotebookRunner.Options(false, null)).run(nb).notebook();
        assertEquals(List.of("stream", "display_data:text/plain", "stream"), kinds(out, 0));
        assertEquals("before ", output(out, 0, 0).get("text").getAsString());
        assertEquals("step 2", output(out, 0, 1).getAsJsonObject("data").get("text/plain").getAsString());
        assertFalse(output(out, 0, 1).has("transient"), "display ids are not stored in the file");
    }

    @Test
    void clearOutputRemovesWhatTheCellShowedNowOrBeforeTheNextOutput() {
        JsonObject nb = notebook.deepCopy();
        JsonArray cells = new JsonArray();
        cells.add(codeCell("System.out.println(\"gone\");\ndisplay(md(\"gone too\"));\nclearOutput();\nSystem.out.println(\"kept\");"));
        cells.add(codeCell("display(md(\"frame 1\"));\nclearOutput(true);\nSystem.out.flush();\ndisplay(md(\"frame 2\"));\n\"value\""));
        nb.add("cells", cells);
        JsonObject out = new NotebookRunner(session, new NotebookRunner.Options(false, null)).run(nb).notebook();
        assertEquals(List.of("stream"), kinds(out, 0));
        assertEquals("kept\n", output(out, 0, 0).get("text").getAsString());
        assertEquals(List.of("display_data:text/markdown,text/plain", "execute_result:text/plain"), kinds(out, 1),
                "frame 1 stays until frame 2 arrives, then only frame 2 and the value");
        assertEquals("frame 2", output(out, 1, 0).getAsJsonObject("data").get("text/markdown").getAsString());
    }

    /**
     * Every printed line is kept, in order, with stdout and stderr in the order written. The timeout is a hang guard
     * (about 40 times what this takes): a collector that copies the text so far on each line needs minutes here.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLargeOutputIsKeptWholeAndInOrder() {
        int lines = 400_000;
        JsonObject nb = notebook.deepCopy();
        JsonArray cells = new JsonArray();
        cells.add(codeCell("for (int i = 0; i < " + lines + "; i++) System.out.println(i);\n"
                + "System.err.println(\"half way\");\n"
                + "for (int i = 0; i < " + lines + "; i++) System.out.println(\"σ\" + i);"));
        nb.add("cells", cells);
        JsonObject out = new NotebookRunner(session, new NotebookRunner.Options(false, null)).run(nb).notebook();
        assertEquals(List.of("stream", "stream", "stream"), kinds(out, 0));
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            first.append(i).append('\n');
            second.append('σ').append(i).append('\n');
        }
        assertEquals("stdout", output(out, 0, 0).get("name").getAsString());
        assertEquals(first.toString(), output(out, 0, 0).get("text").getAsString());
        assertEquals("stderr", output(out, 0, 1).get("name").getAsString());
        assertEquals("half way\n", output(out, 0, 1).get("text").getAsString());
        assertEquals(second.toString(), output(out, 0, 2).get("text").getAsString());
    }

    @Test
    void writtenNotebookReadsBack(@TempDir Path dir) throws Exception {
        NotebookRunner.Result r = new NotebookRunner(session, new NotebookRunner.Options(false, null)).run(notebook);
        Path file = dir.resolve("out.ipynb");
        NotebookFile.write(r.notebook(), file);
        JsonObject read = NotebookFile.read(file);
        assertEquals(r.notebook(), read);
        assertTrue(read.getAsJsonArray("cells").get(7).getAsJsonObject().get("execution_count").isJsonNull(),
                "a cell that did not run keeps \"execution_count\": null (nbformat requires the key)");
        assertTrue(Files.readString(file).endsWith("}\n"));
    }

    @Test
    void notANotebookIsRejectedWithTheReason(@TempDir Path dir) throws Exception {
        Path v3 = Files.writeString(dir.resolve("old.ipynb"), "{\"nbformat\": 3, \"cells\": []}");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NotebookFile.read(v3));
        assertTrue(e.getMessage().contains("nbformat 3"), e.getMessage());
    }

    private static JsonObject codeCell(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.addProperty("source", source);
        return cell;
    }
}
