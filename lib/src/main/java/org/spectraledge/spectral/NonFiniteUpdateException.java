package org.spectraledge.spectral;

/**
 * An update holds NaN or an infinity (or its norm overflows float64). The window that rejected it is unchanged,
 * so the caller can stop training, keep everything computed so far, and report where the problem arose.
 */
public final class NonFiniteUpdateException extends IllegalArgumentException {
    private final long step;

    public NonFiniteUpdateException(long step, String what) {
        super("non-finite update at step " + step + ": " + what
                + ". The window was left unchanged; check the learning rate and the loss for divergence.");
        this.step = step;
    }

    private NonFiniteUpdateException(long step, String message, boolean unused) {
        super(message);
        this.step = step;
    }

    /** The step label of the offending update. */
    public long step() { return step; }

    /** The same error with more context (e.g. snapshot index, file, parameter group) in front. */
    public NonFiniteUpdateException withContext(String context) {
        return new NonFiniteUpdateException(step, context + ": " + getMessage(), true);
    }
}
