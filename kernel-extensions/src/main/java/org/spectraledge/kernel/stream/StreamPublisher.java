package org.spectraledge.kernel.stream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what cells print to the front end the way ipykernel does: buffered ({@link StreamBuffer}), flushed on a short
 * interval by a thread of its own and at once when the buffer fills, passed through an {@link OutputThrottle}, in the
 * order written, to the sink of the running cell (which publishes {@code stream} messages under that cell's request).
 *
 * <p>A cell printing faster than the flushing thread can take its text waits in its {@code println} until there is
 * room (bounded memory), unless its thread is interrupted.
 *
 * <p>Use: {@link #attach} when a cell starts, {@link #flush()} before anything else the cell shows (a display must
 * follow the text printed before it), {@link #endCell()} when it ends (the throttle's last markers), {@link #detach()}
 * when its request is done. Text printed while no cell is attached goes to the fallback sink.
 */
public final class StreamPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPublisher.class);

    /** How long printed text may wait before it is sent. ipykernel waits 200 ms; 50 ms feels immediate. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);
    /** Characters that may wait before a flush is forced. */
    public static final int DEFAULT_CAPACITY = 64 * 1024;
    /**
     * More runs than this in one flush (a cell alternating stdout and stderr line by line) become one message per
     * stream, as ipykernel always sends them, so that the number of messages stays small.
     */
    static final int MAX_RUNS_PER_FLUSH = 8;

    private final StreamBuffer buffer;
    private final OutputThrottle throttle;
    private final long intervalNanos;
    private final Consumer<StreamText> fallback;
    private volatile Consumer<StreamText> sink;

    /** Held while text is drained, throttled and sent, so that flushes from several threads stay in order. */
    private final ReentrantLock publishing = new ReentrantLock();
    /** Wakes the flushing thread (a full buffer) and the writers waiting for room (a drained buffer). */
    private final Object signal = new Object();
    private boolean flushRequested;
    private volatile boolean closed;
    private final Thread flusher;

    /**
     * Starts the flushing thread.
     *
     * @param interval the longest printed text waits before it is sent
     * @param capacity characters that may wait before a flush is forced
     * @param fallback where text goes while no cell is attached
     */
    public StreamPublisher(OutputThrottle throttle, Duration interval, int capacity, Consumer<StreamText> fallback) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive, got " + interval);
        }
        this.throttle = throttle;
        this.intervalNanos = interval.toNanos();
        this.fallback = fallback;
        this.sink = fallback;
        this.buffer = new StreamBuffer(capacity, this::awaitRoom);
        this.flusher = new Thread(this::flushPeriodically, "stream-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** A fallback that prints to {@code out} and {@code err} (e.g. the process's own streams, for its log). */
    public static Consumer<StreamText> printingTo(PrintStream out, PrintStream err) {
        return text -> {
            PrintStream target = text.stream() == StdStream.STDOUT ? out : err;
            target.print(text.text());
            target.flush();
        };
    }

    /** What a cell's {@code System.out} should be. */
    public PrintStream stdout() {
        return buffer.stdout();
    }

    /** What a cell's {@code System.err} should be. */
    public PrintStream stderr() {
        return buffer.stderr();
    }

    /** From now on text goes to {@code cellSink}; what was printed before goes where it belonged. */
    public void attach(Consumer<StreamText> cellSink) {
        publishing.lock();
        try {
            send(throttle.admit(buffer.drain()));
            sink = cellSink;
        } finally {
            publishing.unlock();
        }
    }

    /** Sends everything printed so far, through the throttle, before returning. */
    public void flush() {
        publishing.lock();
        try {
            List<StreamText> runs = buffer.drain();
            roomMade();
            if (!runs.isEmpty()) {
                send(throttle.admit(runs));
            }
        } finally {
            publishing.unlock();
        }
    }

    /** Sends everything printed so far and the markers for text the throttle still holds back. */
    public void endCell() {
        publishing.lock();
        try {
            flush();
            send(throttle.endCell());
        } finally {
            publishing.unlock();
        }
    }

    /** Sends what is left to the attached cell, then sends later text to the fallback. */
    public void detach() {
        publishing.lock();
        try {
            flush();
            sink = fallback;
        } finally {
            publishing.unlock();
        }
    }

    /** Stops the flushing thread after a last flush. */
    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            flushRequested = true;
            signal.notifyAll();
        }
        try {
            flusher.join(TimeUnit.NANOSECONDS.toMillis(intervalNanos) + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private void send(List<StreamText> runs) {
        Consumer<StreamText> target = sink;
        for (StreamText run : runs.size() > MAX_RUNS_PER_FLUSH ? byStream(runs) : runs) {
            target.accept(run);
        }
    }

    /** One run per stream, in the order each stream first appears. */
    private static List<StreamText> byStream(List<StreamText> runs) {
        Map<StdStream, StringBuilder> joined = new LinkedHashMap<>();
        for (StreamText run : runs) {
            joined.computeIfAbsent(run.stream(), s -> new StringBuilder()).append(run.text());
        }
        List<StreamText> grouped = new ArrayList<>();
        joined.forEach((stream, text) -> grouped.add(new StreamText(stream, text.toString())));
        return grouped;
    }

    private void flushPeriodically() {
        while (!closed) {
            synchronized (signal) {
                if (!flushRequested) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(signal, intervalNanos);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                flushRequested = false;
            }
            try {
                flush();
            } catch (RuntimeException e) { // a closed socket, say: the next flush tries again
                LOG.warn("Could not send a cell's printed text", e);
            } catch (OutOfMemoryError e) { // a cell filled the heap: this thread must live on, and the next flush tries again
                continue;
            }
        }
    }

    /**
     * Runs on a writing thread when the buffer is full: wakes the flushing thread and waits until it has taken the
     * text. An interrupted writer does not wait (its cell is being stopped); nor does the flushing thread itself.
     */
    private void awaitRoom() {
        if (Thread.currentThread() == flusher || publishing.isHeldByCurrentThread()) {
            return;
        }
        long deadline = System.nanoTime() + 20 * intervalNanos;
        synchronized (signal) {
            flushRequested = true;
            signal.notifyAll();
            while (buffer.isFull() && !closed && !Thread.currentThread().isInterrupted()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return; // the flusher is stuck sending; go on rather than hang the cell
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void roomMade() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
