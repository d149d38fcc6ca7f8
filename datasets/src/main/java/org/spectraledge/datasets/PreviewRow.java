package org.spectraledge.datasets;

import java.util.Objects;

/**
 * One example of a dataset rendered as text, for a table in a notebook.
 *
 * @param split  the part it comes from
 * @param index  its row within that part, from 0
 * @param input  the input as text, e.g. {@code "3 + 5"} or {@code "jump twice"}
 * @param target the expected output as text, e.g. {@code "8"} or {@code "I_JUMP I_JUMP"}
 * @param line   the whole example on one line, e.g. {@code "3 + 5 = 8 (mod 59)"}
 */
public record PreviewRow(Split split, int index, String input, String target, String line) {

    public PreviewRow {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(line, "line");
        if (index < 0) {
            throw new IllegalArgumentException("index must be ≥ 0, got " + index);
        }
    }

    @Override
    public String toString() {
        return line;
    }
}
