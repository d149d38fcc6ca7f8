package org.spectraledge.kernel.execution;

import java.util.List;

/** A snippet of the cell did not compile; the traceback quotes the cell line and marks the span. */
public final class CompilationException extends CellException {
    private static final long serialVersionUID = 1L;

    public CompilationException(String message, List<String> traceback) {
        super("CompilationError", message, traceback);
    }
}
