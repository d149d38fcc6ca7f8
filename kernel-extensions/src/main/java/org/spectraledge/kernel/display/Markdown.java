package org.spectraledge.kernel.display;

/** Markdown text that a notebook shows formatted ({@code text/markdown}); made by {@code md("...")}. */
public record Markdown(String text) {
    public Markdown {
        if (text == null) {
            throw new IllegalArgumentException("md(...) needs text, got null");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
