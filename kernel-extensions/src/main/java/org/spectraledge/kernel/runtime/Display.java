package org.spectraledge.kernel.runtime;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.spectraledge.kernel.display.Latex;
import org.spectraledge.kernel.display.Markdown;

/**
 * The notebook API, star-imported by {@code startup.jsh}. Names and signatures follow IJava's
 * {@code Display} so that IJava notebooks run unchanged:
 *
 * <pre>{@code
 * String id = display(chart);          // show now, get a display id
 * updateDisplay(id, chartAfterStep);   // replace that output in place
 * display(chart, "image/svg+xml");     // ask for particular MIME types
 * md("**grokked** at step 1550")       // text/markdown
 * latex("$$\\sigma_1 \\ge \\sigma_2$$") // text/latex
 * clearOutput(true);                   // clear this cell's outputs when the next one arrives
 * }</pre>
 *
 * <p>Everything goes through the {@link Notebook} running the cell, so the same calls work in
 * the Jupyter kernel, in {@code spectral-edge run} (outputs land in the written notebook) and in
 * {@code spectral-edge script} (text printed, images written as PNG files).
 */
public final class Display {

    /**
     * Sends display messages from a thread of its own that nobody interrupts: ZeroMQ fails a send with EINTR when the
     * sending thread is interrupted mid-send, and cells (training above all) are interrupted while they display.
     */
    private static final ExecutorService PUBLISHER = Executors.newSingleThreadExecutor(r -> {
        // it serves every cell, so it belongs to the root thread group, not to the cell that displayed first
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread t = new Thread(root, r, "display-publisher");
        t.setDaemon(true);
        return t;
    });

    private Display() {}

    /** Renders {@code o} with its preferred MIME types (plus {@code text/plain}). */
    public static DisplayData render(Object o) {
        return Notebook.current().render(o);
    }

    /** Renders {@code o} as the given MIME types (plus {@code text/plain}), e.g. {@code "image/svg+xml"}. */
    public static DisplayData render(Object o, String... mimeTypes) {
        return Notebook.current().render(o, mimeTypes);
    }

    /** Shows {@code o} below the cell now and returns the id that {@link #updateDisplay} takes. */
    public static String display(Object o) {
        return show(render(o));
    }

    /** Shows {@code o} as the given MIME types and returns its display id. */
    public static String display(Object o, String... mimeTypes) {
        return show(render(o, mimeTypes));
    }

    /** Replaces the output shown under {@code id} by {@code o}. */
    public static void updateDisplay(String id, Object o) {
        DisplayData data = render(o);
        publish(() -> update(id, data));
    }

    /** Replaces the output shown under {@code id} by {@code o} rendered as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        DisplayData data = render(o, mimeTypes);
        publish(() -> update(id, data));
    }

    /** Clears this cell's outputs so far, now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears this cell's outputs so far; with {@code wait}, just before the next output appears (no flicker when a
     * loop redraws its output).
     */
    public static void clearOutput(boolean wait) {
        Notebook session = Notebook.current();
        publish(() -> session.clearOutput(wait));
    }

    /** Markdown text, shown formatted when displayed or when it is a cell's value. */
    public static Markdown md(String markdown) {
        return new Markdown(markdown);
    }

    /** LaTeX (with its {@code $...$} or {@code $$...$$} delimiters), typeset by the notebook. */
    public static Latex latex(String latex) {
        return new Latex(latex);
    }

    private static String show(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        Notebook session = Notebook.current();
        publish(() -> session.display(data));
        return data.getDisplayId();
    }

    private static void update(String id, DisplayData data) {
        data.setDisplayId(id);
        Notebook.current().updateDisplay(data);
    }

    /**
     * Runs {@code send} on the publisher thread and waits for it, also through interrupts (the caller's interrupt
     * status is kept for it to see afterwards), so messages keep their order.
     */
    private static void publish(Runnable send) {
        Future<?> sent = PUBLISHER.submit(send);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    sent.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException("display failed: " + cause, cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
