package org.spectraledge.kernel.display;

/** A renderer failed on a cell's value; shown as the cell's error, the kernel goes on. */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(Object value, Throwable cause) {
        super("Could not display a " + value.getClass().getName() + ": " + cause, cause);
    }
}
