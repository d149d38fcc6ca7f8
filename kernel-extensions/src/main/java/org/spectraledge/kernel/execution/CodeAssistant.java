package org.spectraledge.kernel.execution;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Completion, inspection and the "is this cell complete?" check, all through JShell's
 * {@link SourceCodeAnalysis}. Each looks only at the snippet of the cell around the cursor, since
 * JShell analyses one snippet at a time.
 */
public final class CodeAssistant {

    /** Replacements for {@code code[start, end)}. */
    public record Completion(List<String> matches, int start, int end) {
        public Completion {
            matches = List.copyOf(matches);
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad replacement range [" + start + ", " + end + ")");
            }
        }
    }

    /** Whether a cell can run as it is. */
    public enum Status {
        /** Runs as it is. */
        COMPLETE,
        /** Needs more lines (an open brace, a dangling operator); see {@link Verdict#indent()}. */
        INCOMPLETE,
        /** Cannot be completed into valid code. */
        INVALID
    }

    /** Answer to an is-complete question; {@code indent} is the suggested indent of the next line. */
    public record Verdict(Status status, String indent) {
        public Verdict {
            if (status != Status.INCOMPLETE && !indent.isEmpty()) {
                throw new IllegalArgumentException("only incomplete code gets an indent");
            }
        }
    }

    private static final String INDENT = "    ";

    private final SourceCodeAnalysis analysis;
    private final CellSplitter splitter;

    public CodeAssistant(CellEvaluator evaluator) {
        this.analysis = evaluator.shell().sourceCodeAnalysis();
        this.splitter = evaluator.splitter();
    }

    /** Java completions (names, members, packages) for the text before {@code cursor}. */
    public Completion complete(String code, int cursor) {
        checkCursor(code, cursor);
        int start = splitter.snippetStartBefore(code, cursor);
        String snippet = code.substring(start, cursor);
        int[] anchor = new int[1];
        // JShell lists one entry per overload ("max(" four times); show each text once
        Set<String> matches = analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Completion(List.copyOf(matches), start + anchor[0], cursor);
    }

    /**
     * Signatures (and Javadoc where the JDK or a jar has sources) of what the identifier at
     * {@code cursor} refers to, as plain text, or empty when JShell knows nothing about it.
     */
    public Optional<String> inspect(String code, int cursor, boolean detailed) {
        checkCursor(code, cursor);
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++; // JShell documents the name that ends at the position; take the whole word
        }
        int start = splitter.snippetStartBefore(code, end);
        String snippet = code.substring(start, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), detailed);
        if (docs.isEmpty()) {
            // on a method name JShell documents only from inside an argument list: open one
            String call = snippet + "(";
            docs = analysis.documentation(call, call.length(), detailed);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            text.append(doc.signature()).append('\n');
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append(doc.javadoc().strip()).append("\n\n");
            }
        }
        return Optional.of(text.toString().strip());
    }

    /** Whether {@code code} is ready to run, needs more lines, or can never be valid. */
    public Verdict isComplete(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            switch (c) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    rest = info.remaining();
                    break;
                case EMPTY:
                    return new Verdict(Status.COMPLETE, "");
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new Verdict(Status.INCOMPLETE, nextIndent(code));
                default:
                    return new Verdict(Status.INVALID, "");
            }
        }
        return new Verdict(Status.COMPLETE, "");
    }

    /** The last line's indent, one level deeper after an opening brace or parenthesis. */
    private static String nextIndent(String code) {
        String stripped = code.stripTrailing();
        String lastLine = stripped.substring(stripped.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        boolean opens = stripped.endsWith("{") || stripped.endsWith("(");
        return opens ? indent + INDENT : indent;
    }

    private static void checkCursor(String code, int cursor) {
        if (cursor < 0 || cursor > code.length()) {
            throw new IllegalArgumentException("cursor " + cursor + " is outside the code (length " + code.length() + ")");
        }
    }
}
