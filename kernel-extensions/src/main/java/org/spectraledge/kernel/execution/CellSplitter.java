package org.spectraledge.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a cell into the snippets JShell evaluates one at a time ({@code int x = 1; x + 1} is two),
 * remembering where each starts so errors can name cell lines.
 */
public final class CellSplitter {

    private final SourceCodeAnalysis analysis;

    public CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * All snippets of {@code cell} in order. An incomplete or unparsable tail becomes the last snippet
     * as it is, so that the compiler reports what is wrong with it.
     *
     * @param firstLine the notebook cell line on which {@code cell} starts (1 unless {@code cell} is
     *                  the part of a cell below a magic)
     */
    public List<CellSnippet> split(String cell, int firstLine) {
        List<CellSnippet> snippets = new ArrayList<>();
        int consumed = 0;
        while (consumed < cell.length()) {
            String rest = cell.substring(consumed);
            if (rest.isBlank()) {
                break;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) { // only comments are left
                break;
            }
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : rest;
            int used = complete ? rest.length() - info.remaining().length() : rest.length();
            int lead = leadingWhitespace(source);
            snippets.add(new CellSnippet(source.substring(lead), consumed + lead, firstLine - 1 + lineAt(cell, consumed + lead)));
            consumed += used;
        }
        return snippets;
    }

    /**
     * The start (index into {@code cell}) of the snippet that the text before {@code cursor} belongs
     * to; completion and inspection look only at that snippet.
     */
    public int snippetStartBefore(String cell, int cursor) {
        int start = 0;
        String rest = cell.substring(0, cursor);
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String remaining = info.remaining();
            if (!info.completeness().isComplete() || remaining.isEmpty() || remaining.length() >= rest.length()) {
                return start;
            }
            start += rest.length() - remaining.length();
            rest = remaining;
        }
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
