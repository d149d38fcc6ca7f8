package org.spectraledge.kernel.display;

/**
 * LaTeX that a notebook typesets ({@code text/latex}); made by {@code latex("...")}. Write display
 * math with its delimiters, e.g. {@code latex("$$\\sigma_1 \\ge \\sigma_2$$")}.
 */
public record Latex(String text) {
    public Latex {
        if (text == null) {
            throw new IllegalArgumentException("latex(...) needs text, got null");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
