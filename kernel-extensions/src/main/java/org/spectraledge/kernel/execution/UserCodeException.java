package org.spectraledge.kernel.execution;

import java.util.List;

/**
 * Cell code threw an exception. {@link #errorName()} is the simple name of the thrown class, and the
 * traceback names cell lines ({@code In [4], line 3}) instead of JShell's wrapper classes.
 */
public final class UserCodeException extends CellException {
    private static final long serialVersionUID = 1L;

    private final String exceptionClassName;

    public UserCodeException(String exceptionClassName, String message, List<String> traceback) {
        super(simpleName(exceptionClassName), message, traceback);
        this.exceptionClassName = exceptionClassName;
    }

    /** The fully qualified name of the class the cell threw. */
    public String exceptionClassName() {
        return exceptionClassName;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
