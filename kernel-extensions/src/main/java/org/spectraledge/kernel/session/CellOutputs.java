package org.spectraledge.kernel.session;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where a running cell's rich outputs go: the Jupyter kernel publishes them on IOPub, the headless
 * notebook runner collects them into the notebook, the script runner prints them or writes PNGs.
 * (Text on {@code System.out}/{@code System.err} is captured by each host itself.)
 */
public interface CellOutputs {

    /** Shows {@code data} below the cell ({@code display_data}); it may carry a display id. */
    void display(DisplayData data);

    /** Replaces the output shown earlier under {@code data}'s display id ({@code update_display_data}). */
    void updateDisplay(DisplayData data);

    /**
     * Removes the cell's outputs so far ({@code clear_output}); with {@code wait}, only when the next output arrives,
     * so that an animation does not flicker. Where printed output cannot be taken back (a terminal) this does nothing.
     */
    default void clearOutput(boolean wait) {}

    /** Outputs that go nowhere: for code that displays while no cell runs. */
    CellOutputs NONE = new CellOutputs() {
        @Override
        public void display(DisplayData data) {}

        @Override
        public void updateDisplay(DisplayData data) {}
    };
}
