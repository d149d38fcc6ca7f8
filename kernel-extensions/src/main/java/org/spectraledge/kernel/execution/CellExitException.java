package org.spectraledge.kernel.execution;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} called from a cell (see
 * {@link ExitGuard}): the cell fails with this error and the kernel keeps running.
 */
public final class CellExitException extends SecurityException {
    private static final long serialVersionUID = 1L;

    /**
     * @param call   the method the cell called, e.g. {@code System.exit}
     * @param status the status it passed
     */
    public CellExitException(String call, int status) {
        super(call + "(" + status + ") was called in a cell; the kernel keeps running. "
                + "To start afresh use Kernel > Restart.");
    }
}
