package org.spectraledge.capture;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One background thread that runs capture jobs in the order they were submitted, so that the Gram update and the
 * window's analysis overlap the next training step instead of lengthening the current one (issue 3: capture must
 * cost at most 5 % of a step; the training thread now only takes the snapshot).
 *
 * <p>At most {@link #CAPACITY} jobs wait; a full queue makes {@link #submit} wait, which bounds the memory held by
 * pending snapshots. Waits are uninterruptible on purpose: a job takes about a millisecond, and an interrupt of the
 * training thread (a notebook's stop button) must stay set for the training loop to see, not cut a hand-over in half.
 * The first job that throws ends the worker's usefulness: later jobs are skipped (only closed, so their native memory
 * is freed) and {@link #takeFailure()} returns what it threw, once, for the submitting thread to rethrow.
 *
 * <p>The thread runs PyTorch operations with grad mode off (nothing it computes needs gradients). It keeps PyTorch's
 * intra-op thread count, which is the training's: setting it here would set it for the whole process (PyTorch passes it
 * on to MKL globally), slowing the training's own matrix products.
 */
final class CaptureWorker implements AutoCloseable {

    /** A unit of work; {@link #close()} runs after {@link #run()}, and alone when the job is skipped. */
    interface Job extends AutoCloseable {
        void run();

        @Override
        void close();
    }

    /** Jobs that may wait at once: one running while the next snapshot is taken is all the overlap needed. */
    static final int CAPACITY = 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Queue<Job> jobs = new ArrayDeque<>();
    private final Thread thread;
    private boolean running;   // a job is being run
    private boolean closed;
    private RuntimeException failure;
    private boolean failureTaken;
    private long busyNanos;

    CaptureWorker(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code job}, waiting while {@link #CAPACITY} jobs are queued already. After a failure the job is still
     * queued, to be skipped (closed) in order.
     */
    void submit(Job job) {
        lock.lock();
        try {
            if (closed) {
                job.close();
                throw new IllegalStateException("the update capture is closed");
            }
            while (jobs.size() >= CAPACITY) changed.awaitUninterruptibly();
            jobs.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every submitted job has run (or been skipped after a failure). */
    void awaitIdle() {
        lock.lock();
        try {
            while (!jobs.isEmpty() || running) changed.awaitUninterruptibly();
        } finally {
            lock.unlock();
        }
    }

    /** What the first failed job threw, the first time this is asked; else {@code null}. */
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

    /** Seconds this thread spent running jobs. */
    double busySeconds() {
        lock.lock();
        try {
            return busyNanos / 1e9;
        } finally {
            lock.unlock();
        }
    }

    /** Skips the jobs still queued (closing them) and ends the thread once the running job is done. */
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
        JniUtils.setGradMode(false);
        while (true) {
            Job job;
            boolean skip;
            lock.lock();
            try {
                while (jobs.isEmpty() && !closed) changed.awaitUninterruptibly();
                if (jobs.isEmpty()) return;
                job = jobs.poll();
                skip = failure != null || closed;
                running = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            long t0 = System.nanoTime();
            RuntimeException thrown = null;
            try (job) {
                if (!skip) job.run();
            } catch (RuntimeException e) {
                thrown = e;
            } catch (Error e) {
                thrown = new IllegalStateException("update capture failed: " + e, e);
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
