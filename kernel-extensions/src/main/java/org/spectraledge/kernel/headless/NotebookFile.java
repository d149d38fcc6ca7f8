package org.spectraledge.kernel.headless;

import org.spectraledge.io.JsonErrors;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing {@code .ipynb} files (nbformat 4, JSON) with Gson. */
public final class NotebookFile {

    /** Indented, with a final newline, and nulls kept: an unexecuted cell needs its "execution_count": null. */
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private NotebookFile() {}

    /**
     * Reads a notebook and checks the parts the runner relies on.
     *
     * @throws IllegalArgumentException naming the file when it is not an nbformat 4 notebook
     */
    public static JsonObject read(Path file) throws IOException {
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is " + JsonErrors.describe(e) + "; is it a .ipynb notebook?", e);
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("cells") || !json.getAsJsonObject().get("cells").isJsonArray()) {
            throw new IllegalArgumentException(file + " has no 'cells' list; is it a .ipynb notebook?");
        }
        JsonObject notebook = json.getAsJsonObject();
        JsonElement major = notebook.get("nbformat");
        if (major == null || !major.isJsonPrimitive() || major.getAsInt() != 4) {
            throw new IllegalArgumentException(file + " is nbformat " + major + "; this runner reads nbformat 4 "
                    + "(convert older notebooks with 'jupyter nbconvert --to notebook')");
        }
        JsonArray cells = notebook.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonElement cell = cells.get(i);
            if (!cell.isJsonObject() || !cell.getAsJsonObject().has("cell_type")) {
                throw new IllegalArgumentException(file + ": cell " + (i + 1) + " has no 'cell_type'");
            }
        }
        return notebook;
    }

    /** Writes {@code notebook} to {@code file}, replacing it. */
    public static void write(JsonObject notebook, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, GSON.toJson(notebook) + "\n", StandardCharsets.UTF_8);
    }

    /** A cell's source, which nbformat stores as a string or as a list of lines. */
    static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonElement line : (JsonArray) source) {
                text.append(line.getAsString());
            }
            return text.toString();
        }
        return source.getAsString();
    }
}
