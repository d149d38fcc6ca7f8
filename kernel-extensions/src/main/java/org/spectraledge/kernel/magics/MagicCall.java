package org.spectraledge.kernel.magics;

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
}
