package org.spectraledge.kernel.execution;

import java.util.List;

/**
 * A cell failed: what Jupyter shows as an error output ({@code ename}, {@code evalue}, and a
 * traceback whose lines point into the cell).
 */
public abstract class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final List<String> traceback;

    protected CellException(String errorName, String message, List<String> traceback) {
        super(message);
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /** Jupyter's {@code ename}: the simple name of what went wrong, e.g. {@code IllegalStateException}. */
    public String errorName() {
        return errorName;
    }

    /** Jupyter's {@code traceback}: one entry per line, no line breaks inside. */
    public List<String> traceback() {
        return traceback;
    }
}
