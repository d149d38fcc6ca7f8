package org.spectraledge.kernel.execution;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.Locale;

/**
 * Keeps the kernel answering when a cell fills the Java heap.
 *
 * <p>Without it, a cell that fills the heap takes the kernel with it: every thread's next allocation fails, the
 * heartbeat, control and shell threads and ZeroMQ's I/O threads die of {@link OutOfMemoryError}, and the process
 * lives on without answering. Two blocks of {@link #RESERVE_BYTES} each are set aside at start:
 * <ol>
 *   <li><b>The soft block</b> is held only through a {@link SoftReference}, which the JVM guarantees to clear before
 *       it throws an {@link OutOfMemoryError} anywhere. Its clearing frees room for every thread at the moment the heap
 *       runs out, and wakes a watcher that {@linkplain LoopCheck#stop stops} the running cell at its next loop
 *       iteration with an {@link OutOfMemoryError} saying what to do ({@link #advice()}). The watcher touches the
 *       reference every second, so that the JVM's policy of clearing soft references unused for a while (a second per
 *       free megabyte) clears it only when the heap is all but full.</li>
 *   <li><b>The hard block</b> is dropped ({@link #release()}, which allocates nothing) when an
 *       {@link OutOfMemoryError} reaches the cell thread or the shell thread anyway (a cell filling the heap inside a
 *       library's loop, which {@link LoopCheck} does not reach), so that the error reply, the heartbeat and the next
 *       cell have room even while the cell's data stays reachable.</li>
 * </ol>
 * The kernel sets used blocks aside again as soon as the heap has room for them ({@link #restore()}, after each cell
 * and every second).
 */
public final class HeapReserve {

    /** Each block: a sixteenth of the maximum heap, at least 8 MB and at most 64 MB. */
    static final int RESERVE_BYTES = (int) Math.max(8L << 20, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16));

    private static volatile byte[] hard = new byte[RESERVE_BYTES];
    private static final ReferenceQueue<byte[]> CLEARED = new ReferenceQueue<>();
    private static volatile SoftReference<byte[]> soft = new SoftReference<>(new byte[RESERVE_BYTES], CLEARED);
    /** What runs when the soft block was cleared: stops the session's running cell. */
    private static volatile Runnable onLow = () -> {};

    static {
        Thread watcher = new Thread(HeapReserve::watch, "heap-reserve");
        watcher.setDaemon(true);
        watcher.start();
    }

    private HeapReserve() {}

    /** Makes {@code action} what runs (on the watcher thread) when the heap runs out; replaces an earlier session's. */
    static void whenLow(Runnable action) {
        onLow = action;
    }

    private static void watch() {
        while (true) {
            try {
                Reference<? extends byte[]> cleared = CLEARED.remove(1_000);
                if (cleared == null) {
                    Reference.reachabilityFence(soft.get()); // touched: only a nearly full heap clears it
                    restore(); // blocks used up earlier come back once the cell's data is freed and collected
                } else {
                    onLow.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (OutOfMemoryError e) {
                release(); // and keep watching
            }
        }
    }

    /** Drops the hard block, so that what the kernel must still do finds room. Allocates nothing. */
    public static void release() {
        hard = null;
    }

    /** Sets the blocks aside again where they are gone and the heap has room for them and as much again. */
    static void restore() {
        Runtime rt = Runtime.getRuntime();
        try {
            if (hard == null && rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) > 3L * RESERVE_BYTES) {
                hard = new byte[RESERVE_BYTES];
            }
            if (soft.get() == null && rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) > 3L * RESERVE_BYTES) {
                soft = new SoftReference<>(new byte[RESERVE_BYTES], CLEARED);
            }
        } catch (OutOfMemoryError stillFull) {
            // the next cell runs without them; its error says so again if it runs out
        }
    }

    /**
     * {@code e} as the cell's error: with {@link #advice()} as its message when the heap was full, as it is when
     * something else ran out (an array longer than the JVM allows, direct buffers, metaspace, threads).
     */
    public static OutOfMemoryError advised(OutOfMemoryError e) {
        String m = e.getMessage();
        if (m == null || m.equals("Java heap space") || m.equals("GC overhead limit exceeded")) {
            OutOfMemoryError advised = new OutOfMemoryError(advice());
            advised.setStackTrace(e.getStackTrace());
            return advised;
        }
        return e;
    }

    /** What a cell that ran out of memory tells the user: what happened and what to do. */
    public static String advice() {
        Runtime rt = Runtime.getRuntime();
        long usedAfterCollection = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && after != null) {
                usedAfterCollection += after.getUsed();
            }
        }
        return String.format(Locale.ROOT, "The cell ran out of memory: the kernel's Java heap (at most %d MB) is full"
                        + " (%d MB still in use after the last collection). Free what you no longer need (e.g. data = null;),"
                        + " or give the kernel more memory: add \"env\": {\"JDK_JAVA_OPTIONS\": \"-Xmx8g\"} to the"
                        + " kernelspec's kernel.json (jupyter kernelspec list shows where it is) and restart the kernel."
                        + " Kernel > Restart also frees everything.",
                rt.maxMemory() >> 20, usedAfterCollection >> 20);
    }
}
