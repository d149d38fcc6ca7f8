package org.spectraledge.kernel.session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.spectraledge.kernel.execution.CellException;

/**
 * A failed cell as Jupyter shows it: {@code ename}, {@code evalue} and a traceback whose lines name
 * cell lines.
 *
 * @param name      Jupyter's {@code ename}, e.g. {@code IllegalStateException} or {@code CompilationError}
 * @param message   Jupyter's {@code evalue}; empty when the exception had none
 * @param traceback one entry per line
 */
public record CellError(String name, String message, List<String> traceback) {
    public CellError {
        if (name == null || name.isEmpty() || message == null || traceback == null) {
            throw new IllegalArgumentException("a cell error needs a name, a message (may be empty) and a traceback");
        }
        traceback = List.copyOf(traceback);
    }

    /** A cell's own failure (compile error, exception, bad magic arguments). */
    public static CellError of(CellException e) {
        return new CellError(e.errorName(), e.getMessage() == null ? "" : e.getMessage(), e.traceback());
    }

    /** A failure of the machinery around the cell (a renderer, a magic's bug): its Java stack trace. */
    public static CellError of(RuntimeException e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return new CellError(e.getClass().getSimpleName(), e.getMessage() == null ? "" : e.getMessage(),
                Arrays.asList(out.toString().split("\n")));
    }
}
