package org.spectraledge.kernel.runtime;

/**
 * Where outputs that change in place go: {@link #notebook()} publishes Jupyter {@code display_data} and
 * {@code update_display_data} messages through the running kernel; tests and other front ends pass their own.
 * {@link Progress} and {@link LiveFigure} write only through this interface, so they work outside the kernel too.
 */
public interface OutputSink {

    /** Shows {@code value} as a new output and returns its display id. */
    String display(Object value);

    /** Replaces the output shown under {@code displayId} by {@code value}. */
    void update(String displayId, Object value);

    /** The notebook of the running kernel ({@link Display#display} and {@link Display#updateDisplay}). */
    static OutputSink notebook() {
        return new OutputSink() {
            @Override public String display(Object value) {
                return Display.display(value);
            }

            @Override public void update(String displayId, Object value) {
                Display.updateDisplay(displayId, value);
            }
        };
    }
}
