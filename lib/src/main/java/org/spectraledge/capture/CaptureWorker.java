package org.spectraledge.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.spectraledge.platform.IdlePriority;

/**
 * One background thread that processes capture items in the order they were submitted, in batches, so that the Gram
 * update and the window's analysis overlap training instead of lengthening its steps: capture must cost at most 5 % of
 * a step, so the training thread only takes the snapshot. Figures: docs/benchmarks.md#update-capture-cost.
 *
 * <p>Batches: the thread waits until {@code batch} items are queued (or {@link #awaitIdle()} asks for what is there),
 * so that a window's stored updates are read once per batch rather than once per step: the capture of a fast model
 * then moves a fraction of the memory it would move step by step, and that memory traffic, which evicts training's
 * data from the caches, slows training more than the capture's own time does. At most two batches wait; a full queue
 * makes {@link #submit} wait, which bounds the memory held by pending snapshots. Waits are uninterruptible on purpose:
 * an interrupt of the training thread (a notebook's stop button) must stay set for the training loop to see, not cut
 * a hand-over in half.
 *
 * <p>The thread runs at the lowest scheduling priority ({@link IdlePriority}: Linux {@code SCHED_IDLE}, else nice 19) where the C library
 * allows it, so it fills the gaps training leaves on the cores instead of taking a core from a training thread
 * mid-step: with both cores of a 2-core machine training, every millisecond it took there stalled the other training
 * thread too. The gaps are there because PyTorch's OpenMP threads sleep while they wait ({@code Engines} sets
 * {@code OMP_WAIT_POLICY=PASSIVE}).
 *
 * <p>The first batch that throws ends the worker's usefulness: later items are skipped (only released, e.g. their
 * arrays recycled) and {@link #takeFailure()} returns what it threw, once, for the submitting thread to rethrow.
 *
 * @param <T> the items, e.g. one step's snapshots
 */
final class CaptureWorker<T> implements AutoCloseable {

    /** What the thread does with the items. */
    interface Processor<T> {
        /** Processes consecutive items, oldest first. */
        void process(List<T> batch);

        /** Frees an item once it is processed or skipped. */
        void release(T item);
    }

    private final int batch;
    private final int capacity;
    private final Processor<T> processor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Queue<T> items = new ArrayDeque<>();
    private final Thread thread;
    private int flushing;      // threads waiting in awaitIdle: process partial batches
    private boolean running;   // a batch is being processed
    private boolean closed;
    private RuntimeException failure;
    private boolean failureTaken;
    private long busyNanos;

    /**
     * @param name      thread name
     * @param batch     items per batch (≥ 1)
     * @param processor runs on the worker thread only
     */
    CaptureWorker(String name, int batch, Processor<T> processor) {
        if (batch < 1) throw new IllegalArgumentException("a capture batch holds at least one step, got " + batch);
        this.batch = batch;
        this.capacity = 2 * batch;
        this.processor = processor;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code item}, waiting while two batches are queued already. After a failure the item is still queued, to
     * be skipped (released) in order.
     */
    void submit(T item) {
        lock.lock();
        try {
            if (closed) {
                processor.release(item);
                throw new IllegalStateException("the update capture is closed");
            }
            while (items.size() >= capacity) changed.awaitUninterruptibly();
            items.add(item);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every submitted item has been processed (or skipped after a failure), a partial batch included. */
    void awaitIdle() {
        lock.lock();
        try {
            flushing++;
            changed.signalAll();
            while (!items.isEmpty() || running) changed.awaitUninterruptibly();
        } finally {
            flushing--;
            lock.unlock();
        }
    }

    /** What the first failed batch threw, the first time this is asked; else {@code null}. */
    RuntimeException takeFailure() {
        lock.lock();
        try {
            if (failure == null || failureTaken) return null;
            failureTaken = true;
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** Seconds this thread spent processing (wall time, so it includes time other threads had its core). */
    double busySeconds() {
        lock.lock();
        try {
            return busyNanos / 1e9;
        } finally {
            lock.unlock();
        }
    }

    /** Skips the items still queued (releasing them) and ends the thread once the running batch is done. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        awaitIdle();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the daemon thread ends on its own
        }
    }

    private void loop() {
        IdlePriority.lowerCurrentThread();
        while (true) {
            List<T> taken = new ArrayList<>(batch);
            boolean skip;
            lock.lock();
            try {
                while (items.size() < batch && !closed && (flushing == 0 || items.isEmpty())) changed.awaitUninterruptibly();
                if (items.isEmpty()) return; // closed
                while (taken.size() < batch && !items.isEmpty()) taken.add(items.poll());
                skip = failure != null || closed;
                running = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            long t0 = System.nanoTime();
            RuntimeException thrown = null;
            try {
                if (!skip) processor.process(taken);
            } catch (RuntimeException e) {
                thrown = e;
            } catch (OutOfMemoryError e) {
                thrown = new IllegalStateException("update capture ran out of Java heap (" + e.getMessage() + "): its windows "
                        + "hold (W + batch) update vectors of P doubles per group, on the heap. Fix: give the JVM more heap "
                        + "(-Xmx; for bin/spectral-edge, SPECTRAL_EDGE_JAVA_OPTS=-Xmx16g), capture fewer parameters "
                        + "(a smaller --group, e.g. attention) or keep a shorter window (--window)", e);
            } catch (Error e) {
                thrown = new IllegalStateException("update capture failed: " + e, e);
            } finally {
                taken.forEach(processor::release);
            }
            lock.lock();
            try {
                busyNanos += System.nanoTime() - t0;
                if (thrown != null && failure == null) failure = thrown;
                running = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
