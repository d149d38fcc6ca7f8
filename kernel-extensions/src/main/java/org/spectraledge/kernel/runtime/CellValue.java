package org.spectraledge.kernel.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * How the kernel receives the value of an expression cell that it compiled as a statement ({@code 1+1} runs as
 * {@code { CellValue.keep(1+1); }}, see {@code execution.ValueExpressions}). Internal to the kernel: notebooks have no
 * use for it, and it is not among the startup imports.
 */
public final class CellValue {

    /** The kept value, boxed in an array so that a kept {@code null} differs from none. */
    private static final AtomicReference<Object[]> KEPT = new AtomicReference<>();

    private CellValue() {}

    /** Keeps {@code value} as the running snippet's value. */
    public static void keep(Object value) {
        KEPT.set(new Object[] {value});
    }

    /**
     * The value kept since the last call, and forgets it.
     *
     * @return a one-element array holding the value (which may be {@code null}), or {@code null} if nothing was kept
     */
    public static Object[] take() {
        return KEPT.getAndSet(null);
    }
}
