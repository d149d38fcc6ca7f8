package org.spectraledge.kernel.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs JShell snippets inside the kernel's own JVM and keeps their values as real objects.
 *
 * <p>JShell's stock local engine turns every value into a string and installs a JVM-wide
 * uncaught-exception handler. This control instead stores each value under a fresh key, hands JShell
 * the key as the snippet's "value", and lets the evaluator {@link #takeValue take} the object back.
 *
 * <p>Each snippet runs on its own thread so that {@link #interrupt()} can stop a runaway cell: first
 * {@link Thread#interrupt()}, then, after a short grace period, a {@link LoopCheck stop at its next loop iteration},
 * and last {@link Thread#stop()} (still supported on JDK 17). A cell that fills the heap is stopped the same way and
 * fails with an {@link OutOfMemoryError} that says what to do ({@link HeapReserve}). The thread's context class loader is the cells' loader ({@link CellClassLoader}), so
 * {@code ServiceLoader} inside a cell sees jars added at run time.
 */
public final class CellExecutionControl extends DirectExecutionControl {

    /**
     * How long a cell gets to react to {@link Thread#interrupt()} before its thread is stopped. Long
     * enough for a training run to finish its step and write its checkpoint on a loaded machine:
     * stopping it mid-write would leave a half-written file.
     */
    public static final long INTERRUPT_GRACE_MILLIS = 2_000;

    /** The message of a snippet that an interrupt kept from starting. */
    static final String BEFORE_IT_RAN = "The cell was interrupted before it ran.";

    /** How long to wait for a stopped thread to unwind. */
    private static final long STOP_WAIT_MILLIS = 1_000;

    /** What {@link #interrupt()} did. */
    public enum InterruptOutcome {
        /** No cell was running. */
        NOTHING_RUNNING,
        /** The cell ended within the grace period after {@link Thread#interrupt()}. */
        INTERRUPTED,
        /** The cell ignored the interrupt and its thread was stopped. */
        STOPPED,
        /**
         * The thread survived the loop stop and {@link Thread#stop()} (stuck in native code or in a library's loop,
         * on a JDK newer than 19 where {@code Thread.stop} no longer works).
         */
        STILL_RUNNING
    }

    /** A kept value; a wrapper because values may be {@code null}. */
    private record Kept(Object value) {}

    private final Map<String, Kept> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private final AtomicLong nextThread = new AtomicLong();

    private final CellLoaderDelegate loaderDelegate;

    /** The threads cells start, by cell. */
    private final CellThreads threads = new CellThreads();
    /** The current cell's thread group ({@link CellThreads}); made when its first snippet or task runs. */
    private volatile ThreadGroup cellGroup;
    /** How errors name the current cell, e.g. {@code In [4]}. */
    private volatile String cellLabel = "this cell";

    /** The thread running the current snippet, or {@code null}. */
    private volatile Thread running;
    /** An interrupt arrived for the current cell; snippets not yet started must not start. */
    private volatile boolean interruptPending;

    CellExecutionControl(CellLoaderDelegate loaderDelegate) {
        super(loaderDelegate);
        this.loaderDelegate = loaderDelegate;
        HeapReserve.whenLow(this::stopForMemory);
    }

    /** What a cell stopped for memory throws; linked once here, so that the stop itself allocates nothing. */
    private static final Supplier<OutOfMemoryError> OUT_OF_MEMORY = () -> new OutOfMemoryError(HeapReserve.advice());

    /** The heap ran out: the running cell stops at its next loop iteration with advice on what to do. */
    private void stopForMemory() {
        Thread thread = running;
        if (thread != null) {
            LoopCheck.stop(thread, OUT_OF_MEMORY);
        }
    }

    /**
     * Runs {@code doitMethod} on a fresh thread and waits for it.
     *
     * @return the key under which the snippet's value is kept
     * @throws InvocationTargetException wrapping what the snippet threw, or a
     *     {@link CellInterruptedException} when the cell was stopped
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = runOnCellThread(() -> doitMethod.invoke(null));
        String key = "value#" + nextKey.incrementAndGet();
        values.put(key, new Kept(value));
        return key;
    }

    /**
     * Runs {@code task} the way a snippet runs: on a fresh cell thread that {@link #interrupt()} interrupts and, if
     * it does not end within the grace period, stops. Magics that do long work (training) use this so the notebook's
     * interrupt button reaches them.
     *
     * @return what {@code task} returned
     * @throws CellInterruptedException if an interrupt came before the task started or its thread had to be stopped
     * @throws Exception                what {@code task} threw, unchanged
     */
    public <T> T runAsCell(Callable<T> task) throws Exception {
        try {
            return runOnCellThread(task);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) throw (Exception) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw e;
        }
    }

    /** Starts {@code task} on a new cell thread and waits; what it throws comes back wrapped. */
    @SuppressWarnings("unchecked")
    private <T> T runOnCellThread(Callable<?> task) throws InvocationTargetException, InterruptedException {
        if (interruptPending) { // the interrupt came while JShell was still compiling
            throw new InvocationTargetException(new CellInterruptedException(BEFORE_IT_RAN));
        }
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        ThreadGroup group = cellGroup;
        if (group == null) {
            group = threads.newCell(cellLabel);
            cellGroup = group;
        }
        Thread thread = new Thread(group, () -> {
            try {
                result[0] = task.call();
            } catch (Throwable t) { // ThreadDeath lands here when stopped outside the snippet body
                Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
                if (cause instanceof OutOfMemoryError) {
                    HeapReserve.release(); // first, before anything else here allocates
                }
                thrown[0] = cause;
            }
        }, "cell-" + nextThread.incrementAndGet());
        threads.runnerIn(group, thread);
        thread.setDaemon(true);
        thread.setContextClassLoader(loaderDelegate.loader());
        running = thread;
        try {
            thread.start();
            thread.join();
        } finally {
            running = null;
            LoopCheck.cancel(thread);
            HeapReserve.restore();
        }
        if (thrown[0] instanceof OutOfMemoryError oom) {
            throw new InvocationTargetException(HeapReserve.advised(oom));
        }
        if (thrown[0] instanceof ThreadDeath || thrown[0] instanceof LoopCheck.Stopped) { // from interrupt()
            CellInterruptedException stopped = new CellInterruptedException(
                    "The cell did not react to the interrupt within " + INTERRUPT_GRACE_MILLIS
                            + " ms, so its thread was stopped. Variables it was assigning may be incomplete.");
            stopped.initCause(thrown[0]); // its frames say where the cell was
            throw new InvocationTargetException(stopped);
        }
        if (thrown[0] != null) {
            throw new InvocationTargetException(thrown[0]);
        }
        return (T) result[0];
    }

    /**
     * Removes and returns the value kept under {@code key}.
     *
     * @throws IllegalArgumentException if nothing is kept under {@code key}
     */
    public Object takeValue(String key) {
        Kept kept = values.remove(key);
        if (kept == null) {
            throw new IllegalArgumentException("No snippet value is kept under '" + key + "'");
        }
        return kept.value();
    }

    /**
     * Forgets every kept value. JShell drops the keys of statements and declarations, so the
     * evaluator calls this after each snippet to keep nothing alive that nobody can reach.
     */
    public void clearValues() {
        values.clear();
    }

    /** Forgets an earlier interrupt; called when a new cell starts. */
    public void clearInterrupt() {
        interruptPending = false;
        cellGroup = null;
    }

    /** Names the current cell, for {@link CellThreads.Started#cell()}. */
    void nameCell(String label) {
        cellLabel = label;
    }

    /** The threads started by the current cell that are still alive. */
    public List<CellThreads.Started> threadsStartedByCell() {
        ThreadGroup group = cellGroup;
        return group == null ? List.of() : threads.stillRunning(group);
    }

    /** The threads of every cell. */
    public CellThreads threads() {
        return threads;
    }

    /** Whether an interrupt arrived since {@link #clearInterrupt()}. */
    public boolean isInterruptPending() {
        return interruptPending;
    }

    /** Whether a snippet is running right now. */
    public boolean isRunning() {
        return running != null;
    }

    /**
     * Stops the running snippet: {@link Thread#interrupt()}, wait {@link #INTERRUPT_GRACE_MILLIS}, then stop it at its
     * next loop iteration ({@link LoopCheck}), and if that does not end it, {@link Thread#stop()}. Snippets of the same cell that have not started yet will not start.
     * Safe to call from any thread; returns within about 3 s.
     */
    @SuppressWarnings({"deprecation", "removal"})
    public InterruptOutcome interrupt() throws InterruptedException {
        interruptPending = true;
        Thread thread = running;
        if (thread == null) {
            return InterruptOutcome.NOTHING_RUNNING;
        }
        thread.interrupt();
        thread.join(INTERRUPT_GRACE_MILLIS);
        if (!thread.isAlive()) {
            return InterruptOutcome.INTERRUPTED;
        }
        LoopCheck.stop(thread, LoopCheck.Stopped::new);
        thread.join(STOP_WAIT_MILLIS);
        if (!thread.isAlive()) {
            return InterruptOutcome.STOPPED;
        }
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) { // JDK 20 and later removed Thread.stop
            return InterruptOutcome.STILL_RUNNING;
        }
        thread.join(STOP_WAIT_MILLIS);
        return thread.isAlive() ? InterruptOutcome.STILL_RUNNING : InterruptOutcome.STOPPED;
    }

    /** Used by tests: how many values are still kept (should stay near zero). */
    int keptCount() {
        return values.size();
    }
}
