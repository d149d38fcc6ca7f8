package org.spectraledge.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.testing.CommandLine;
import org.spectraledge.kernel.testing.DevTools;
import org.spectraledge.kernel.testing.JupyterClient;

/**
 * A real browser: the classic Notebook server (Debian {@code jupyter-notebook}) on loopback with our kernelspec,
 * headless Chromium (Debian {@code chromium}) driven through the DevTools protocol opens a notebook, runs its cell
 * that draws an XChart chart, and the rendered {@code <img>} (a PNG data URL) must appear in the output area; a
 * {@code %train} cell must show one progress bar updated in place, a live figure and the run; a third shows a titled
 * table (title in its HTML), a bare formula (typeset) and a step figure. The notebook carries the committed notebooks'
 * metadata and must open without unsaved changes. The
 * screenshot is kept as {@code target/browser-notebook.png}. Without Chromium or the Notebook server the test is
 * skipped, and under {@code CI=true} it fails.
 */
class BrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path NOTEBOOK_SERVER = Path.of("/usr/bin/jupyter-notebook");
    static final Path SCREENSHOT = Path.of("target/browser-notebook.png");

    /** The cell: a 400×300 chart as the cell's value. */
    static final String CELL = String.join("\n",
            "var chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title(\"browser test\").build();",
            "chart.addSeries(\"y\", new double[] {1, 2, 3, 4}, new double[] {2, 1, 3, 2});",
            "chart");

    /** The second cell: a short %train, whose progress bar must stay one element updated in place. */
    static final String TRAIN = "%train --p 23 --d 16 --width 32 --steps 40 --eval-every 10 --window 4 --threads 1 "
            + "--checkpoint-every 0 --live-every 5 --out ";

    /** A titled table, a bare formula and a step figure (equally spaced steps, the case whose labels ran together). */
    static final String SHOWN = String.join("\n",
            "display(tech.tablesaw.api.Table.create(\"steps table\").addColumns(tech.tablesaw.api.IntColumn.create(\"step\", 1, 2)));",
            "display(latex(\"\\\\sigma_1 \\\\ge \\\\sigma_2\"));",
            "var sigma = org.spectraledge.plot.FigureStyle.xy(\"sigma_j\", \"step\", \"sigma\");",
            "double[] steps = new double[400], values = new double[400];",
            "for (int i = 0; i < 400; i++) { steps[i] = 2 + 25 * i; values[i] = 1 + Math.sin(i / 9.0); }",
            "sigma.addSeries(\"sigma_1\", steps, values);",
            "display(sigma);");

    @TempDir Path work;

    @Test
    void aNotebookInChromiumShowsTheChartAsAnImage() throws Exception {
        require();
        JupyterClient jupyter = JupyterClient.install(work.resolve("prefix"));
        Path notebooks = Files.createDirectories(work.resolve("notebooks"));
        Files.writeString(notebooks.resolve("chart.ipynb"), notebook(CELL, TRAIN + work.resolve("run"), SHOWN));
        int port = freePort();
        String token = UUID.randomUUID().toString();
        // --allow-root: CI containers run as root, which the server otherwise refuses
        Process server = start(List.of(NOTEBOOK_SERVER.toString(), "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=" + port,
                "--NotebookApp.token=" + token, "--NotebookApp.port_retries=0", "--notebook-dir=" + notebooks), work.resolve("server.log"),
                jupyter.kernelDir().getParent().getParent().toString());
        Process browser = null;
        try {
            waitForServer(port, token, server);
            Path profile = Files.createDirectories(work.resolve("chromium-profile"));
            browser = start(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                    "--window-size=1200,900", "about:blank"), work.resolve("chromium.log"), null);
            try (DevTools page = DevTools.connect(pageSocket(profile, browser))) {
                JsonObject go = new JsonObject();
                go.addProperty("url", "http://127.0.0.1:" + port + "/notebooks/chart.ipynb?token=" + token);
                page.call("Page.navigate", go);
                waitFor(page, "typeof Jupyter !== 'undefined' && Jupyter.notebook !== undefined && Jupyter.notebook.kernel != null"
                        + " && Jupyter.notebook.kernel.is_connected()", 90, "the notebook page with a connected kernel");
                // the notebook carries the committed notebooks' metadata: opening it with the installed kernel changes nothing
                Thread.sleep(1_000);
                assertEquals(false, page.evaluate("Jupyter.notebook.dirty").get("value").getAsBoolean(),
                        "a notebook with the committed metadata opens without unsaved changes");
                assertFalse(page.evaluate("document.body.innerText").get("value").getAsString().contains("(unsaved changes)"));
                page.evaluate("Jupyter.notebook.execute_all_cells(), true");
                String image = "document.querySelector('.output_area img[src^=\"data:image/png\"]')";
                waitFor(page, image + " !== null && " + image + ".naturalWidth > 0", 90, "the chart's <img> in the output area");
                JsonObject size = page.evaluate("[" + image + ".naturalWidth, " + image + ".naturalHeight]");
                JsonArray wh = size.getAsJsonArray("value");
                assertEquals(400, wh.get(0).getAsInt(), "the PNG has the chart's width");
                assertEquals(300, wh.get(1).getAsInt(), "the PNG has the chart's height");
                assertEquals("", page.evaluate("Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText).join()")
                        .get("value").getAsString(), "no error output");
                // the %train cell: one progress bar (updated in place, not appended), a live figure, then the run
                waitFor(page, "document.querySelector('.spectral-edge-run') !== null", 120, "the %train cell's result");
                assertEquals(1, page.evaluate("document.querySelectorAll('.spectral-edge-progress').length").get("value").getAsInt(),
                        "one progress bar, updated in place");
                assertTrue(page.evaluate("document.querySelector('.spectral-edge-progress').innerText").get("value").getAsString()
                        .contains("40/40"), "the bar shows the finished run");
                assertEquals(1, page.evaluate("Jupyter.notebook.get_cell(1).output_area.element[0].querySelectorAll('img[src^=\"data:image/png\"]').length")
                        .get("value").getAsInt(), "one live figure under the %train cell");
                // the third cell: the table's title in its HTML, the formula typeset by MathJax, the step figure drawn
                waitFor(page, "document.querySelectorAll('.output_area img[src^=\"data:image/png\"]').length === 3", 90, "the step figure");
                assertTrue(page.evaluate("Array.from(document.querySelectorAll('.output_html')).map(e => e.innerText).join('\\n')")
                        .get("value").getAsString().contains("steps table"), "the table's title shows above it");
                waitFor(page, "document.querySelector('.output_latex .MathJax, .output_latex .MathJax_Display, .output_latex .MathJax_SVG') !== null",
                        30, "the formula typeset by MathJax");
                assertEquals("", page.evaluate("Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText).join()")
                        .get("value").getAsString(), "no error output");
                page.evaluate("Array.from(document.querySelectorAll('.output_area img')).pop().scrollIntoView({block: 'end'}), true");
                JsonObject shot = page.call("Page.captureScreenshot", new JsonObject());
                Files.write(SCREENSHOT, Base64.getDecoder().decode(shot.get("data").getAsString()));
            }
        } finally {
            stop(browser);
            stop(server);
        }
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the page");
    }

    /** Skips without Chromium or the Notebook server; fails under CI. */
    private static void require() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (apt-get install chromium)"
                : !Files.isExecutable(NOTEBOOK_SERVER) ? NOTEBOOK_SERVER + " (apt-get install jupyter-notebook)" : null;
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("the browser test needs " + missing);
            assumeTrue(false, "the browser test needs " + missing);
        }
    }

    private static String notebook(String... sources) {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        for (String source : sources) {
            JsonObject code = new JsonObject();
            code.addProperty("cell_type", "code");
            code.addProperty("execution_count", (Number) null);
            code.add("metadata", new JsonObject());
            code.add("outputs", new JsonArray());
            code.addProperty("source", source);
            cells.add(code);
        }
        nb.add("cells", cells);
        nb.add("metadata", committedMetadata());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb.toString();
    }

    /** The metadata of a committed notebook (all carry the same: {@code KernelMessagesIT} checks it). */
    private static JsonObject committedMetadata() {
        try {
            Path quickstart = CommandLine.projectRoot().resolve("notebooks/00-quickstart.ipynb");
            return JsonParser.parseString(Files.readString(quickstart)).getAsJsonObject().getAsJsonObject("metadata");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts a process with its output in {@code log}; Jupyter's own folders stay inside the test's directory. */
    private Process start(List<String> command, Path log, String jupyterPath) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (jupyterPath != null) {
            pb.environment().put("JUPYTER_PATH", jupyterPath);
            pb.environment().put("JUPYTER_CONFIG_DIR", Files.createDirectories(work.resolve("jupyter-config")).toString());
            pb.environment().put("JUPYTER_DATA_DIR", Files.createDirectories(work.resolve("jupyter-data")).toString());
            pb.environment().put("JUPYTER_RUNTIME_DIR", Files.createDirectories(work.resolve("jupyter-runtime")).toString());
        }
        return pb.start();
    }

    private void waitForServer(int port, String token, Process server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("the notebook server exited:\n" + Files.readString(work.resolve("server.log")));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kernelspecs?token=" + token))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    assertTrue(r.body().contains("\"spectral-edge\""), "the server sees our kernelspec: " + r.body());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the notebook server did not answer within 60 s:\n" + Files.readString(work.resolve("server.log")));
    }

    /** The DevTools WebSocket of the browser's page: the port Chromium chose, then its target list. */
    private String pageSocket(Path profile, Process browser) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!browser.isAlive() || System.nanoTime() > deadline) {
                fail("Chromium did not open its DevTools port:\n" + Files.readString(work.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        String list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (var target : JsonParser.parseString(list).getAsJsonArray()) {
            JsonObject t = target.getAsJsonObject();
            if (t.get("type").getAsString().equals("page")) return t.get("webSocketDebuggerUrl").getAsString();
        }
        throw new IllegalStateException("Chromium has no page target: " + list);
    }

    private void waitFor(DevTools page, String condition, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject v = page.evaluate("(" + condition + ") === true");
            if (v.has("value") && v.get("value").getAsBoolean()) return;
            Thread.sleep(250);
        }
        fail("waited " + seconds + " s for " + what + "; page text:\n"
                + page.evaluate("document.body ? document.body.innerText.slice(0, 2000) : ''").get("value").getAsString()
                + "\nserver log:\n" + Files.readString(work.resolve("server.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Ends a process this test started, and its children (the kernel of the notebook server). */
    private static void stop(Process p) throws InterruptedException {
        if (p == null) return;
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
