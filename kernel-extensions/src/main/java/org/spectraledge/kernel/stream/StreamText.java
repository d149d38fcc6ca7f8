package org.spectraledge.kernel.stream;

import java.util.Objects;

/** A run of text written to one stream: what one Jupyter {@code stream} message or nbformat stream output carries. */
public record StreamText(StdStream stream, String text) {
    public StreamText {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }
}
