package org.spectraledge.kernel.magics;

import java.util.ArrayList;
import java.util.List;

/**
 * One use of a magic.
 *
 * @param name     the magic's name without {@code %}
 * @param args     the rest of the magic's line, stripped
 * @param body     the lines below a cell magic ({@code %%name}); empty for a line magic
 * @param line     the cell line of the magic itself (1-based); the body starts on the next line
 * @param label    the cell's label for error messages, e.g. {@code In [4]}
 */
public record MagicCall(String name, String args, String body, int line, String label) {
    public MagicCall {
        if (name == null || name.isEmpty() || args == null || body == null || label == null || line < 1) {
            throw new IllegalArgumentException("incomplete magic call: " + name + " " + args + " at line " + line);
        }
    }

    /** {@link #args} split at white space; {@code "double quotes"} keep spaces inside one argument. */
    public List<String> arguments() {
        return split(args);
    }

    /** Splits a magic's argument text like {@link #arguments()}; an unclosed quote runs to the end. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false, started = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                started = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (started) out.add(current.toString());
                current.setLength(0);
                started = false;
            } else {
                current.append(c);
                started = true;
            }
        }
        if (started) out.add(current.toString());
        return out;
    }
}
