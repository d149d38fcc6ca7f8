package org.spectraledge.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.install.KernelSpec;
import org.spectraledge.kernel.testing.CommandLine;
import org.spectraledge.kernel.testing.JupyterClient;

/**
 * What a notebook user reads from the packaged kernel, driven through {@code jupyter_client}: an interrupt is one
 * line naming where the cell stopped and the threads it left running (with {@code %threads stop} to end them), the
 * kernel's own log lines stay out of the cell's output, a recursion's frames are folded, cursor positions past the
 * end are answered, and the committed notebooks carry the metadata the kernel and its installer give them.
 */
class KernelMessagesIT {

    @TempDir static Path prefix;
    static JupyterClient jupyter;

    @BeforeAll
    static void install() throws Exception {
        JupyterClient.require("jupyter_client");
        jupyter = JupyterClient.install(prefix);
    }

    private static JsonObject withKernel(String body) throws Exception {
        return jupyter.run(String.join("\n", "import json, time", "import kernel_driver as kd", "km, kc = kd.start()", "try:", body,
                "finally:", "    kc.stop_channels()", "    km.shutdown_kernel(now=True)", ""));
    }

    @Test
    void anInterruptIsOneLineAndNamesTheThreadsTheCellLeftRunning() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    cell = '{\\n  new Thread(() -> { while (true) {} }, \"spinner\").start();\\n"
                        + "  System.out.println(\"started\");\\n  Thread.sleep(60_000);\\n}'",
                "    msg_id = kc.execute(cell)",
                "    kd.wait_for_stdout(kc, msg_id, 'started')",
                "    time.sleep(0.3)",
                "    kd.request(kc, 'interrupt_request', {}, channel='control')",
                "    reply = kd.reply_to(kc, msg_id)",
                "    outputs = kd.outputs_of(kc, msg_id)",
                "    listed = kd.execute(kc, '%threads')",
                "    stopped = kd.execute(kc, '%threads stop')",
                "    after = kd.execute(kc, '%threads')",
                "    kd.emit({'reply': reply['content'], 'outputs': outputs, 'listed': listed, 'stopped': stopped, 'after': after})"));
        JsonObject error = output(r.getAsJsonArray("outputs").asList(), "error");
        List<String> traceback = error.getAsJsonArray("traceback").asList().stream().map(JsonElement::getAsString).toList();
        assertEquals("InterruptedException", error.get("ename").getAsString());
        assertTrue(traceback.get(0).startsWith("Interrupted: the cell stopped at In [1], line 4"), traceback.toString());
        assertTrue(traceback.get(0).contains("may be incomplete"), traceback.toString());
        assertEquals(2, traceback.size(), "one line, and one naming the threads: " + traceback);
        assertTrue(traceback.get(1).contains("'spinner' (runnable, from In [1])") && traceback.get(1).contains("%threads stop"), traceback.toString());
        for (JsonElement o : r.getAsJsonArray("outputs")) {
            assertFalse(o.toString().contains("Interrupt request") || o.toString().contains("INFO"), "a kernel log line under the cell: " + o);
        }
        assertTrue(result(r.getAsJsonObject("listed")).contains("'spinner'"), r.get("listed").toString());
        assertTrue(result(r.getAsJsonObject("stopped")).contains("Interrupted 1 thread(s)."), r.get("stopped").toString());
        assertTrue(result(r.getAsJsonObject("after")).contains("Still running") || result(r.getAsJsonObject("after")).contains("'spinner'")
                || result(r.getAsJsonObject("after")).contains("No thread started by a cell is running"), r.get("after").toString());
    }

    @Test
    void aStackOverflowShowsTheRecursionOnceAndTheCursorMayBePastTheEnd() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    so = kd.execute(kc, 'int down(int n) { return down(n + 1) + 1; }\\ndown(0)')",
                "    comp = kd.request(kc, 'complete_request', {'code': 'Math.ma', 'cursor_pos': 99})",
                "    insp = kd.request(kc, 'inspect_request', {'code': 'Math.max', 'cursor_pos': 99, 'detail_level': 0})",
                "    kd.emit({'so': so, 'comp': comp, 'insp': insp})"));
        JsonObject error = output(r.getAsJsonObject("so").getAsJsonArray("outputs").asList(), "error");
        assertEquals("StackOverflowError", error.get("ename").getAsString());
        List<String> traceback = error.getAsJsonArray("traceback").asList().stream().map(JsonElement::getAsString).toList();
        assertTrue(traceback.size() < 20, traceback.size() + " lines: " + traceback.subList(0, Math.min(10, traceback.size())));
        assertTrue(traceback.stream().anyMatch(l -> l.contains("at down (In [1], line 1)")), traceback.toString());
        assertTrue(traceback.stream().anyMatch(l -> l.matches("    \\.\\.\\. the frame above repeats \\d+ more times")), traceback.toString());
        JsonObject comp = r.getAsJsonObject("comp");
        assertEquals("ok", comp.get("status").getAsString(), comp.toString());
        assertTrue(comp.getAsJsonArray("matches").toString().contains("max("), comp.toString());
        assertEquals("ok", r.getAsJsonObject("insp").get("status").getAsString(), r.get("insp").toString());
    }

    /** Notebook 6 marks a notebook changed when either differs from what the kernel and its spec say. */
    @Test
    void committedNotebooksCarryTheKernelsMetadata() throws Exception {
        JsonObject r = withKernel("    kd.emit(kd.request(kc, 'kernel_info_request', {}))");
        JsonObject languageInfo = r.getAsJsonObject("language_info");
        JsonObject spec = JsonParser.parseString(Files.readString(jupyter.kernelDir().resolve("kernel.json"))).getAsJsonObject();
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("display_name", spec.get("display_name").getAsString());
        kernelspec.addProperty("language", spec.get("language").getAsString());
        kernelspec.addProperty("name", KernelSpec.NAME);
        assertEquals(JsonParser.parseString(new com.google.gson.Gson().toJson(KernelSpec.notebookMetadata())), kernelspec);
        try (Stream<Path> files = Files.list(CommandLine.projectRoot().resolve("notebooks"))) {
            List<Path> notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(notebooks.isEmpty());
            for (Path nb : notebooks) {
                JsonObject metadata = JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonObject("metadata");
                assertEquals(kernelspec, metadata.get("kernelspec"), nb + ": metadata.kernelspec");
                assertEquals(languageInfo, metadata.get("language_info"), nb + ": metadata.language_info");
            }
        }
    }

    private static JsonObject output(List<JsonElement> outputs, String type) {
        for (JsonElement o : outputs) {
            if (o.getAsJsonObject().get("type").getAsString().equals(type)) return o.getAsJsonObject().getAsJsonObject("content");
        }
        throw new AssertionError("no " + type + " output in " + outputs);
    }

    private static String result(JsonObject executed) {
        return output(executed.getAsJsonArray("outputs").asList(), "execute_result").getAsJsonObject("data").get("text/plain").getAsString();
    }
}
