package org.spectraledge.kernel.headless;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutputs;
import org.spectraledge.kernel.stream.StreamBuffer;
import org.spectraledge.kernel.stream.StreamText;

/**
 * Collects one cell's outputs as nbformat 4 output objects, in the order they happened: text the cell
 * prints ({@code stream}, consecutive writes to one stream merged as Jupyter does), displays
 * ({@code display_data}), its value ({@code execute_result}) and its error ({@code error}).
 * {@code updateDisplay} rewrites the earlier output with the same display id, as a notebook front end does.
 *
 * <p>Printed text is kept whole (a notebook file has no rate limit) and appended in amortized O(1): the stream output
 * being written holds a {@code StringBuilder} that becomes its {@code text} when another output follows or the
 * outputs are read.
 *
 * <p>Locking: printed text is taken from the {@link StreamBuffer} under this object's lock, so that text taken by two
 * threads is appended in the order written; the buffer's own lock is innermost and never held while taking this one.
 */
final class OutputCollector implements CellOutputs {

    private static final Gson GSON = new Gson();

    private final List<JsonObject> outputs = new ArrayList<>();
    private final Map<String, List<JsonObject>> byDisplayId = new HashMap<>();
    /** A {@code clearOutput(true)} waits for the next output. */
    private boolean clearBeforeNext;
    /** The stream output being appended to (the last output), and its text so far. */
    private JsonObject openStream;
    private final StringBuilder openText = new StringBuilder();
    /** What the cell prints; taken into {@link #outputs} whenever 64 K characters wait and before any other output. */
    private final StreamBuffer printed = new StreamBuffer(64 * 1024, this::flushStreams);

    /** What the cell's {@code System.out} should be while it runs. */
    PrintStream stdout() {
        return printed.stdout();
    }

    /** What the cell's {@code System.err} should be while it runs. */
    PrintStream stderr() {
        return printed.stderr();
    }

    @Override
    public void display(DisplayData data) {
        JsonObject output = bundle("display_data", data);
        flushStreams(); // text printed before a display comes before it
        synchronized (this) {
            clearIfPending();
            closeOpenStream();
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
                clear();
            }
        }
    }

    private void clearIfPending() {
        if (clearBeforeNext) {
            clearBeforeNext = false;
            clear();
        }
    }

    private void clear() {
        outputs.clear();
        byDisplayId.clear();
        openStream = null;
        openText.setLength(0);
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
            if (openStream != null) {
                openStream.addProperty("text", openText.toString());
            }
            JsonArray array = new JsonArray();
            outputs.forEach(o -> array.add(o.deepCopy()));
            return array;
        }
    }

    private void add(JsonObject output) {
        flushStreams();
        synchronized (this) {
            clearIfPending();
            closeOpenStream();
            outputs.add(output);
        }
    }

    /** Takes what the cell printed so far into the outputs. */
    private synchronized void flushStreams() {
        for (StreamText run : printed.drain()) {
            appendText(run.stream().jupyterName(), run.text());
        }
    }

    /** Appends to the last output if it is text of the same stream, as Jupyter merges consecutive stream output. */
    private void appendText(String name, String text) {
        clearIfPending();
        if (openStream == null || !name.equals(openStream.get("name").getAsString())) {
            closeOpenStream();
            openStream = new JsonObject();
            openStream.addProperty("output_type", "stream");
            openStream.addProperty("name", name);
            outputs.add(openStream);
        }
        openText.append(text);
    }

    /** The stream output being written gets its final text; the next text starts a new output. */
    private void closeOpenStream() {
        if (openStream != null) {
            openStream.addProperty("text", openText.toString());
            openStream = null;
            openText.setLength(0);
        }
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
}
