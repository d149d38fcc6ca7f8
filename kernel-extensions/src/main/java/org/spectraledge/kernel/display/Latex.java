package org.spectraledge.kernel.display;

import java.util.regex.Pattern;

/**
 * LaTeX that a notebook typesets ({@code text/latex}); made by {@code latex("...")}. A bare formula,
 * {@code latex("\\sigma_1 \\ge \\sigma_2")}, is typeset inline; write display math with its delimiters,
 * {@code latex("$$\\sigma_1 \\ge \\sigma_2$$")}.
 */
public record Latex(String text) {
    /** Math delimiters a notebook's MathJax recognises; text without any of them is a bare formula. */
    private static final Pattern DELIMITED = Pattern.compile("\\$|\\\\\\(|\\\\\\[|\\\\begin\\{");

    /** Keeps {@code text} as written if it has math delimiters; wraps a bare formula in {@code $…$} so it is typeset. */
    public Latex {
        if (text == null) {
            throw new IllegalArgumentException("latex(...) needs text, got null");
        }
        if (!text.isBlank() && !DELIMITED.matcher(text).find()) {
            text = "$" + text.strip() + "$";
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
