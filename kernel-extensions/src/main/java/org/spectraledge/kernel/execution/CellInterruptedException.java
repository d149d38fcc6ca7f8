package org.spectraledge.kernel.execution;

/**
 * Thrown in place of a cell's own outcome when an interrupt request had to stop the cell's thread.
 * The notebook sees it as the cell's error.
 */
public final class CellInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CellInterruptedException(String message) {
        super(message);
    }
}
