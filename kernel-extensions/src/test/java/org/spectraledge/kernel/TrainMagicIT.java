package org.spectraledge.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.testing.JupyterClient;

/**
 * {@code %train} in the packaged kernel through {@code jupyter_client}: a progress bar and a live figure that update
 * in place ({@code display_data}, then {@code update_display_data} with the same display id), the run as the cell's
 * result, and an interrupt that stops training cleanly within four seconds.
 */
class TrainMagicIT {

    @TempDir
    static Path prefix;
    @TempDir
    static Path runs;
    static JupyterClient jupyter;

    static final String SMALL = "%train --p 23 --d 16 --width 32 --eval-every 10 --window 4 --threads 1 --checkpoint-every 0";

    @BeforeAll
    static void install() throws Exception {
        JupyterClient.require("jupyter_client");
        jupyter = JupyterClient.install(prefix);
    }

    @Test
    void trainShowsProgressAndALiveFigureInPlaceEndsWithTheRunAndStopsOnInterrupt() throws Exception {
        Path done = runs.resolve("done"), stopped = runs.resolve("stopped");
        JsonObject r = jupyter.run(String.join("\n",
                "import json, time",
                "import kernel_driver as kd",
                "",
                "def brief(outputs):",
                "    out = []",
                "    for o in outputs:",
                "        if o['type'] not in ('display_data', 'update_display_data', 'execute_result'):",
                "            continue",
                "        c = o['content']",
                "        data = c.get('data', {})",
                "        out.append({'type': o['type'], 'id': c.get('transient', {}).get('display_id'),",
                "                    'mimes': sorted(data.keys()), 'plain': data.get('text/plain', '')[:400],",
                "                    'html': data.get('text/html', '')[:200]})",
                "    return out",
                "",
                "km, kc = kd.start()",
                "try:",
                // one block: each snippet of a cell runs on a thread of its own
                "    selfint = kd.execute(kc, 'boolean kept;\\n{ Thread.currentThread().interrupt(); String id = display(\"shown\");\\n"
                        + "  updateDisplay(id, \"updated\"); kept = Thread.interrupted(); }\\nkept')",
                "    first = kd.execute(kc, '" + SMALL + " --steps 60 --live-every 5 --out " + done + "', timeout=180)",
                "    msg_id = kc.execute('" + SMALL + " --steps 1000000 --out " + stopped + "')",
                "    deadline = time.time() + 120",
                "    while True:  # training runs once the progress bar moves",
                "        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))",
                "        if m['parent_header'].get('msg_id') == msg_id and m['msg_type'] == 'update_display_data' \\",
                "                and 'spectral-edge-progress' in m['content']['data'].get('text/html', ''):",
                "            break",
                "    time.sleep(0.5)",
                "    t0 = time.time()",
                "    intr = kd.request(kc, 'interrupt_request', {}, channel='control')",
                "    reply = kd.reply_to(kc, msg_id, timeout=30)",
                "    elapsed = time.time() - t0",
                "    outputs = kd.outputs_of(kc, msg_id)",
                "    summary = json.load(open('" + stopped + "/summary.json'))",
                "    after = kd.execute(kc, 'lastRun().outcome().status()')",
                "    comp = kd.request(kc, 'complete_request', {'code': 'int x = 1;\\n%train --task ad', 'cursor_pos': 27})",
                "    kd.emit({'first': {'reply': first['reply'], 'outputs': brief(first['outputs'])},",
                "             'reply': reply['content'], 'elapsed': elapsed, 'interrupted': brief(outputs), 'summary': summary,",
                "             'after': brief(after['outputs']), 'comp': comp,",
                "             'selfint': {'reply': selfint['reply'], 'outputs': brief(selfint['outputs'])}})",
                "finally:",
                "    kc.stop_channels()",
                "    km.shutdown_kernel(now=True)",
                ""));

        // displays from an interrupted thread (training after the interrupt button) still go out, in order
        JsonObject selfint = r.getAsJsonObject("selfint");
        assertEquals("ok", selfint.getAsJsonObject("reply").get("status").getAsString(), selfint.toString());
        List<JsonObject> shown = list(selfint.getAsJsonArray("outputs"));
        assertEquals(List.of("display_data", "update_display_data", "execute_result"),
                shown.stream().map(o -> o.get("type").getAsString()).toList(), selfint.toString());
        assertEquals("updated", shown.get(1).get("plain").getAsString());
        assertEquals("true", shown.get(2).get("plain").getAsString(), "the cell still sees its interrupt");

        JsonObject first = r.getAsJsonObject("first");
        assertEquals("ok", first.getAsJsonObject("reply").get("status").getAsString(), first.toString());
        List<JsonObject> outputs = list(first.getAsJsonArray("outputs"));
        assertTrue(outputs.size() >= 5, outputs.toString());
        JsonObject bar = outputs.get(0);
        assertEquals("display_data", bar.get("type").getAsString(), "the progress bar comes first: " + outputs);
        assertTrue(bar.get("html").getAsString().contains("spectral-edge-progress"), bar.toString());
        assertTrue(bar.get("mimes").toString().contains("text/plain"), "a text fallback: " + bar);
        String barId = bar.get("id").getAsString();
        List<JsonObject> barUpdates = outputs.stream()
                .filter(o -> o.get("type").getAsString().equals("update_display_data") && barId.equals(id(o))).toList();
        assertTrue(!barUpdates.isEmpty(), "the bar is updated in place: " + outputs);
        assertTrue(barUpdates.get(barUpdates.size() - 1).get("plain").getAsString().contains("60/60"), barUpdates.toString());

        JsonObject figure = outputs.stream().filter(o -> o.get("type").getAsString().equals("display_data")
                && o.get("mimes").toString().contains("image/png")).findFirst().orElseThrow(() -> new AssertionError("no live figure: " + outputs));
        String figureId = id(figure);
        assertTrue(outputs.stream().anyMatch(o -> o.get("type").getAsString().equals("update_display_data") && figureId.equals(id(o))
                && o.get("mimes").toString().contains("image/png")), "the figure is redrawn in place: " + outputs);

        JsonObject result = outputs.get(outputs.size() - 1);
        assertEquals("execute_result", result.get("type").getAsString(), "the run is the cell's result: " + outputs);
        assertTrue(result.get("plain").getAsString().startsWith("TrainRun.Result"), result.toString());
        assertTrue(result.get("plain").getAsString().contains("steps: 60"), result.toString());
        assertTrue(Files.readString(done.resolve("summary.json")).contains("\"status\": \"completed\""));

        double elapsed = r.get("elapsed").getAsDouble();
        assertTrue(elapsed < 4.0, "the cell ended " + elapsed + " s after the interrupt request");
        JsonObject reply = r.getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString(), reply.toString());
        assertEquals("CellInterruptedException", reply.get("ename").getAsString(), reply.toString());
        assertTrue(reply.get("evalue").getAsString().contains("interrupted after step"), reply.toString());
        assertEquals("interrupted", r.getAsJsonObject("summary").get("status").getAsString(), "summary.json of the stopped run");
        assertEquals("INTERRUPTED", list(r.getAsJsonArray("after")).get(0).get("plain").getAsString(), "lastRun() is the stopped run");

        JsonObject comp = r.getAsJsonObject("comp");
        assertEquals("[\"add\"]", comp.getAsJsonArray("matches").toString(), "task names complete after --task: " + comp);
        assertEquals(25, comp.get("cursor_start").getAsInt(), "only the word is replaced");
    }

    private static String id(JsonObject output) {
        JsonElement id = output.get("id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }

    private static List<JsonObject> list(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }
}
