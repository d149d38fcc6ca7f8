package org.spectraledge.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where the notebook API sends what a cell shows: the Jupyter kernel, {@code spectral-edge run} and
 * {@code spectral-edge script} each run cells in a session that implements this and registers itself with
 * {@link #setCurrent}, so {@link Display}'s calls work the same in all three. Defined here, below the session, so that
 * the runtime cells call never depends on the machinery that runs them.
 */
public interface Notebook {

    /**
     * Renders {@code value} with its preferred MIME types, or as {@code mimeTypes} when given (always with
     * {@code text/plain}).
     */
    DisplayData render(Object value, String... mimeTypes);

    /** Shows {@code data} under the running cell (dropped when no cell runs). */
    void display(DisplayData data);

    /** Replaces the output shown under {@code data}'s display id. */
    void updateDisplay(DisplayData data);

    /** Clears what the running cell has shown so far; with {@code wait}, when the next output arrives. */
    void clearOutput(boolean wait);

    /**
     * The notebook running cells in this JVM.
     *
     * @throws IllegalStateException outside a notebook, script or kernel
     */
    static Notebook current() {
        Notebook n = Current.notebook;
        if (n == null) {
            throw new IllegalStateException("No notebook session is running: display(...) and friends work in cells "
                    + "run by the spectral-edge kernel, 'spectral-edge run' or 'spectral-edge script'");
        }
        return n;
    }

    /** Makes {@code notebook} the one {@link #current()} returns (the session about to run a cell). */
    static void setCurrent(Notebook notebook) {
        Current.notebook = notebook;
    }

    /** Forgets {@code notebook} if it is the current one (a session that closes). */
    static void clearCurrent(Notebook notebook) {
        if (Current.notebook == notebook) Current.notebook = null;
    }

    /** Holds the current notebook: an interface cannot have a mutable field of its own. */
    final class Current {
        private static volatile Notebook notebook;

        private Current() {}
    }
}
