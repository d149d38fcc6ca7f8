package org.spectraledge.kernel.execution;

/**
 * Thrown by {@link ExitGuard} when cell code calls {@code System.exit} or {@code Runtime.halt}: the
 * cell fails with this error and the kernel keeps running.
 */
public final class CellExitException extends SecurityException {
    private static final long serialVersionUID = 1L;

    public CellExitException(int status) {
        super("System.exit(" + status + ") was called in a cell; the kernel keeps running. "
                + "To start afresh use Kernel > Restart.");
    }
}
