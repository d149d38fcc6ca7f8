package org.spectraledge.sweep;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spectraledge.io.IoErrors;
import org.spectraledge.io.JsonErrors;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainOption;

/**
 * A sweep file, parsed: the runs of a sweep in a fixed order, each with a stable id. Two forms, options named as on
 * the command line of {@code spectral-edge train} (without dashes):
 *
 * <pre>{@code
 * {"base": {"task": "add", "p": 23, "steps": 400}, "grid": {"wd": [0, 1], "seed": [1, 2, 3]}}
 * {"base": {"task": "add"}, "runs": [{"wd": 0, "seed": 1}, {"wd": 1, "optimizer": "muon"}]}
 * }</pre>
 *
 * <ul>
 *   <li><b>grid</b>: the cartesian product of the value lists, in odometer order — the first key varies slowest, the
 *       last fastest, as nested loops in the order the keys are written. The example gives (wd 0, seed 1), (0, 2),
 *       (0, 3), (1, 1), (1, 2), (1, 3).</li>
 *   <li><b>runs</b>: the listed runs, in file order.</li>
 *   <li>{@code base} (optional) holds the options common to all runs; a grid point or run entry overrides it. Options
 *       named nowhere take the defaults of {@link TrainConfig#DEFAULTS}.</li>
 *   <li>Run ids: {@code r} + the 1-based position (at least three digits) + {@code -key=value} for each key of its grid
 *       point or run entry, e.g. {@code r004-wd=1-seed=1}; characters other than letters, digits and {@code . _ + = -}
 *       become {@code _}. The same file always gives the same ids, so a restarted sweep finds its runs again.</li>
 *   <li>Configuration keys (the columns of {@code results.csv}): the keys of {@code base} in file order, then those of
 *       {@code grid} (or of the run entries, in order of first appearance).</li>
 * </ul>
 * Values are JSON numbers or strings (a list of strings for {@code group}); a value is kept as written, so
 * {@code 1e-3} stays {@code 1e-3} in ids and columns.
 *
 * @param keys the configuration keys, in column order
 * @param runs the runs, in sweep order
 */
public record SweepSpec(List<String> keys, List<RunSpec> runs) {

    private static final Set<String> SECTIONS = Set.of("base", "grid", "runs");

    public SweepSpec {
        keys = List.copyOf(keys);
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one run");
    }

    /** Reads and parses a sweep file; errors name the file. */
    public static SweepSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("read the sweep file", file, e), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the JSON text of a sweep file and validates every run's options.
     *
     * @throws IllegalArgumentException naming the section or run and the key at fault
     */
    public static SweepSpec parse(String json) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) throw new IllegalArgumentException("a sweep file is a JSON object with \"base\" and \"grid\" or \"runs\"");
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e), e);
        }
        for (String section : root.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw new IllegalArgumentException("unknown section \"" + section + "\"; a sweep file has \"base\" and either \"grid\" or \"runs\"");
            }
        }
        if (root.has("grid") == root.has("runs")) {
            throw new IllegalArgumentException("give exactly one of \"grid\" (a cartesian product) or \"runs\" (a list of runs)");
        }
        Map<String, List<String>> base = root.has("base") ? options("base", object(root, "base")) : Map.of();
        List<Map<String, List<String>>> points = root.has("grid") ? grid(object(root, "grid")) : runList(root.get("runs"));

        Set<String> keys = new LinkedHashSet<>(base.keySet());
        points.forEach(p -> keys.addAll(p.keySet()));
        int digits = Math.max(3, Integer.toString(points.size()).length());
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, List<String>> point = points.get(i);
            Map<String, List<String>> options = new LinkedHashMap<>(base);
            options.putAll(point);
            Map<String, String> columns = new LinkedHashMap<>();
            for (String k : keys) columns.put(k, options.containsKey(k) ? String.join(";", options.get(k)) : TrainConfig.DEFAULTS.get(k));
            RunSpec run = new RunSpec(i, runId(i, digits, point), options, columns);
            run.config(); // validates, naming the run
            runs.add(run);
        }
        return new SweepSpec(new ArrayList<>(keys), runs);
    }

    /**
     * A fingerprint of what this sweep trains: SHA-256 of every run's id and full configuration (defaults included,
     * in {@link org.spectraledge.run.TrainOption} order). Two files that train the same runs have the same hash, however
     * they are formatted; a changed value, an added run or a changed default changes it.
     */
    public String definitionHash() {
        Gson gson = new Gson();
        StringBuilder text = new StringBuilder();
        for (RunSpec r : runs) text.append(r.runId()).append('\t').append(gson.toJson(r.config().options())).append('\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The largest {@code threads} option of any run (what bounds how many runs fit on the machine at once). */
    public int maxThreads() {
        return runs.stream().mapToInt(r -> r.config().threads()).max().orElse(1);
    }

    /** Grid points in odometer order: the last key varies fastest. */
    private static List<Map<String, List<String>>> grid(JsonObject grid) {
        if (grid.keySet().isEmpty()) throw new IllegalArgumentException("\"grid\" is empty; give at least one key with a list of values");
        List<String> names = new ArrayList<>(grid.keySet());
        List<List<List<String>>> axes = new ArrayList<>();
        for (String name : names) {
            checkKnown("grid", name);
            JsonElement v = grid.get(name);
            if (!v.isJsonArray() || v.getAsJsonArray().isEmpty()) {
                throw new IllegalArgumentException("grid: \"" + name + "\" must be a non-empty list of values, e.g. [0, 1], got " + v);
            }
            List<List<String>> values = new ArrayList<>();
            for (JsonElement x : v.getAsJsonArray()) values.add(values("grid", name, x));
            axes.add(values);
        }
        List<Map<String, List<String>>> points = new ArrayList<>();
        int[] at = new int[names.size()];
        while (true) {
            Map<String, List<String>> point = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) point.put(names.get(k), axes.get(k).get(at[k]));
            points.add(point);
            int k = names.size() - 1;
            while (k >= 0 && ++at[k] == axes.get(k).size()) at[k--] = 0;
            if (k < 0) return points;
        }
    }

    private static List<Map<String, List<String>>> runList(JsonElement runs) {
        if (!runs.isJsonArray() || runs.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException("\"runs\" must be a non-empty list of objects, e.g. [{\"wd\": 0}, {\"wd\": 1}]");
        }
        List<Map<String, List<String>>> points = new ArrayList<>();
        JsonArray array = runs.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String where = "runs[" + i + "]";
            if (!array.get(i).isJsonObject()) throw new IllegalArgumentException(where + " must be an object of options, got " + array.get(i));
            points.add(options(where, array.get(i).getAsJsonObject()));
        }
        return points;
    }

    private static Map<String, List<String>> options(String where, JsonObject o) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String key : o.keySet()) {
            checkKnown(where, key);
            m.put(key, values(where, key, o.get(key)));
        }
        return m;
    }

    private static List<String> values(String where, String key, JsonElement v) {
        if (v.isJsonPrimitive()) return List.of(v.getAsString());
        if (v.isJsonArray() && key.equals("group") && !v.getAsJsonArray().isEmpty()) {
            List<String> groups = new ArrayList<>();
            for (JsonElement g : v.getAsJsonArray()) {
                if (!g.isJsonPrimitive()) throw new IllegalArgumentException(where + ": \"group\" lists group names, got " + g);
                groups.add(g.getAsString());
            }
            return groups;
        }
        throw new IllegalArgumentException(where + ": \"" + key + "\" must be a number or a string"
                + (key.equals("group") ? " (or a list of group names)" : "") + ", got " + v);
    }

    private static void checkKnown(String where, String key) {
        if (TrainOption.find(key).isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown key \"" + key + "\"; the valid keys are the training options: "
                    + TrainOption.names());
        }
    }

    private static JsonObject object(JsonObject root, String section) {
        JsonElement e = root.get(section);
        if (!e.isJsonObject()) throw new IllegalArgumentException("\"" + section + "\" must be an object, got " + e);
        return e.getAsJsonObject();
    }

    private static String runId(int index, int digits, Map<String, List<String>> point) {
        StringBuilder b = new StringBuilder(String.format("r%0" + digits + "d", index + 1));
        point.forEach((k, v) -> b.append('-').append(k).append('=').append(String.join("+", v)));
        return b.toString().replaceAll("[^A-Za-z0-9._+=-]", "_");
    }
}
