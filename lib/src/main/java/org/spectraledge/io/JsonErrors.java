package org.spectraledge.io;

import com.google.gson.JsonParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gson's parse errors in plain words: where the problem is (line and column) and what it is, without the parser's
 * class names or its advice about lenient parsing, e.g. {@code not valid JSON at line 1, column 23: unterminated
 * array (in grid → wd)}.
 */
public final class JsonErrors {
    private JsonErrors() {}

    private static final Pattern GSON = Pattern.compile("^(?:[\\w.]+(?:Exception|Error): )?(.+?) at line (\\d+) column (\\d+) path (\\S+)");

    /** Gson's wording → ours. */
    private static final Map<String, String> WORDS = Map.of(
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "text after the end of the JSON value, or a syntax error",
            "Use JsonReader.setLenient(true) to accept malformed JSON", "text after the end of the JSON value, or a syntax error",
            "Expected name", "expected a key in double quotes (is there a comma too many?)",
            "End of input", "the text ends before the JSON value is complete",
            "Expected value", "expected a value");

    /**
     * The error's description, e.g. {@code not valid JSON at line 2, column 5: expected a value (in base)}.
     */
    public static String describe(JsonParseException e) {
        String text = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        text = text.lines().findFirst().orElse(text);
        Matcher m = GSON.matcher(text);
        if (!m.find()) return "not valid JSON: " + text.replaceFirst("^[\\w.]+(?:Exception|Error): ", "");
        String path = m.group(4).replaceFirst("^\\$\\.?", "").replaceAll("\\[\\d+]", "").replace(".", " → ");
        String what = WORDS.getOrDefault(m.group(1), m.group(1).substring(0, 1).toLowerCase(Locale.ROOT) + m.group(1).substring(1));
        return "not valid JSON at line " + m.group(2) + ", column " + m.group(3) + ": " + what + (path.isEmpty() ? "" : " (in " + path + ")");
    }
}
