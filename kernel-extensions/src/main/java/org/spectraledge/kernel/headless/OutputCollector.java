package org.spectraledge.kernel.headless;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutputs;

/**
 * Collects one cell's outputs as nbformat 4 output objects, in the order they happened: text the cell
 * prints ({@code stream}, consecutive writes to one stream merged as Jupyter does), displays
 * ({@code display_data}), its value ({@code execute_result}) and its error ({@code error}).
 * {@code updateDisplay} rewrites the earlier output with the same display id, as a notebook front end does.
 *
 * <p>Locking: the print streams are flushed before this object's lock is taken, never inside it, because a
 * flush appends under that lock while holding the print stream's own (a cell thread printing while another
 * thread displays must not deadlock).
 */
final class OutputCollector implements CellOutputs {

    private static final Gson GSON = new Gson();

    private final List<JsonObject> outputs = new ArrayList<>();
    private final Map<String, List<JsonObject>> byDisplayId = new HashMap<>();
    /** A {@code clearOutput(true)} waits for the next output. */
    private boolean clearBeforeNext;
    private final PrintStream stdout = new PrintStream(new StreamBuffer("stdout"), true, StandardCharsets.UTF_8);
    private final PrintStream stderr = new PrintStream(new StreamBuffer("stderr"), true, StandardCharsets.UTF_8);

    /** What the cell's {@code System.out} should be while it runs. */
    PrintStream stdout() {
        return stdout;
    }

    /** What the cell's {@code System.err} should be while it runs. */
    PrintStream stderr() {
        return stderr;
    }

    @Override
    public void display(DisplayData data) {
        JsonObject output = bundle("display_data", data);
        flushStreams(); // text printed before a display comes before it
        synchronized (this) {
            clearIfPending();
            outputs.add(output);
            if (data.hasDisplayId()) {
                byDisplayId.computeIfAbsent(data.getDisplayId(), id -> new ArrayList<>()).add(output);
            }
        }
    }

    @Override
    public synchronized void updateDisplay(DisplayData data) {
        JsonObject update = bundle("display_data", data);
        for (JsonObject shown : byDisplayId.getOrDefault(data.getDisplayId(), List.of())) {
            shown.add("data", update.get("data"));
            shown.add("metadata", update.get("metadata"));
        }
    }

    @Override
    public void clearOutput(boolean wait) {
        flushStreams(); // what was printed before is cleared too
        synchronized (this) {
            if (wait) {
                clearBeforeNext = true;
            } else {
                outputs.clear();
                byDisplayId.clear();
            }
        }
    }

    private void clearIfPending() {
        if (clearBeforeNext) {
            clearBeforeNext = false;
            outputs.clear();
            byDisplayId.clear();
        }
    }

    void result(int executionCount, DisplayData data) {
        JsonObject output = bundle("execute_result", data);
        output.addProperty("execution_count", executionCount);
        add(output);
    }

    void error(CellError error) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "error");
        output.addProperty("ename", error.name());
        output.addProperty("evalue", error.message());
        JsonArray traceback = new JsonArray();
        error.traceback().forEach(traceback::add);
        output.add("traceback", traceback);
        add(output);
    }

    /** The outputs so far, as an nbformat {@code outputs} array. */
    JsonArray toJson() {
        flushStreams();
        synchronized (this) {
            JsonArray array = new JsonArray();
            outputs.forEach(o -> array.add(o.deepCopy()));
            return array;
        }
    }

    private void add(JsonObject output) {
        flushStreams();
        synchronized (this) {
            clearIfPending();
            outputs.add(output);
        }
    }

    private void flushStreams() {
        stdout.flush();
        stderr.flush();
    }

    private synchronized void appendText(String name, String text) {
        clearIfPending();
        JsonObject last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
        if (last != null && "stream".equals(last.get("output_type").getAsString()) && name.equals(last.get("name").getAsString())) {
            last.addProperty("text", last.get("text").getAsString() + text);
            return;
        }
        JsonObject stream = new JsonObject();
        stream.addProperty("output_type", "stream");
        stream.addProperty("name", name);
        stream.addProperty("text", text);
        outputs.add(stream);
    }

    /** {@code data} and {@code metadata} of a display, as jjava serializes them; the transient display id stays out. */
    private static JsonObject bundle(String type, DisplayData data) {
        JsonObject serialized = GSON.toJsonTree(data).getAsJsonObject();
        JsonObject output = new JsonObject();
        output.addProperty("output_type", type);
        output.add("data", textValues(serialized.getAsJsonObject("data")));
        JsonElement metadata = serialized.get("metadata");
        output.add("metadata", metadata == null || metadata.isJsonNull() ? new JsonObject() : metadata);
        return output;
    }

    /** nbformat wants every non-JSON MIME value as a string: anything else a renderer put there becomes its text. */
    private static JsonObject textValues(JsonObject data) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : data.entrySet()) {
            boolean json = e.getKey().matches("application/(.*\\+)?json");
            JsonElement v = e.getValue();
            out.add(e.getKey(), json || (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) ? v : new JsonPrimitive(v.toString()));
        }
        return out;
    }

    /** Bytes a cell prints, turned into stream text whenever the print stream flushes. */
    private final class StreamBuffer extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        StreamBuffer(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            if (pending.size() > 0) {
                String text = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                appendText(name, text);
            }
        }
    }
}
