package org.spectraledge.kernel.execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads that cells start. Each cell's code runs in a thread group of its own, and a thread inherits the group of
 * the thread that creates it, so every thread a cell starts (directly, through an executor, or through a thread it
 * started) is found in that cell's group. An interrupt stops only the cell's own thread; the others keep running,
 * and the interrupt's message names them ({@link #stillRunning}) and offers {@code %threads stop} ({@link #stop}).
 */
public final class CellThreads {
    /** How long {@link #stop} waits for interrupted threads to end. */
    public static final long STOP_WAIT_MILLIS = 2_000;

    /** The groups of cells whose threads may still run, oldest first; emptied of finished groups as it goes. */
    private final List<Group> groups = new ArrayList<>();

    /** A cell's group and the thread that ran the cell's code (not counted as started by it). */
    private record Group(String label, ThreadGroup group, List<Thread> runners) {}

    /** A thread a cell started, alive now. */
    public record Started(String cell, Thread thread) {
        /** {@code 'name' (STATE, from In [3])}. */
        public String describe() {
            return "'" + thread.getName() + "' (" + thread.getState().name().toLowerCase(java.util.Locale.ROOT) + ", from " + cell + ")";
        }
    }

    /** A new group for the cell labelled {@code label}; its code's threads are made with {@link #runnerIn}. */
    synchronized ThreadGroup newCell(String label) {
        groups.removeIf(g -> alive(g).isEmpty() && g.runners().stream().noneMatch(Thread::isAlive));
        Group g = new Group(label, new ThreadGroup("cell " + label), new ArrayList<>());
        groups.add(g);
        return g.group();
    }

    /** Records {@code runner} as the thread that runs the cell's code in {@code group}. */
    synchronized void runnerIn(ThreadGroup group, Thread runner) {
        for (Group g : groups) if (g.group() == group) g.runners().add(runner);
    }

    /** The threads started by the cell of {@code group} that are still alive. */
    public synchronized List<Started> stillRunning(ThreadGroup group) {
        for (Group g : groups) if (g.group() == group) return alive(g);
        return List.of();
    }

    /** Every thread started by any cell that is still alive, oldest cell first. */
    public synchronized List<Started> stillRunning() {
        List<Started> all = new ArrayList<>();
        for (Group g : groups) all.addAll(alive(g));
        return all;
    }

    /**
     * Interrupts every thread started by a cell and waits up to {@value #STOP_WAIT_MILLIS} ms for them to end.
     *
     * @return the threads that are still alive (they ignore interrupts; restarting the kernel ends them)
     */
    public List<Started> stop() throws InterruptedException {
        List<Started> running = stillRunning();
        running.forEach(s -> s.thread().interrupt());
        long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000;
        for (Started s : running) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) s.thread().join(left);
        }
        return running.stream().filter(s -> s.thread().isAlive()).toList();
    }

    private static List<Started> alive(Group g) {
        Thread[] threads = new Thread[g.group().activeCount() + 16];
        int n = g.group().enumerate(threads, true);
        List<Started> started = new ArrayList<>();
        for (Thread t : Arrays.asList(threads).subList(0, n)) {
            if (!t.isAlive() || g.runners().contains(t) || isSharedPoolWorker(t)) continue;
            started.add(new Started(g.label(), t));
        }
        return started;
    }

    /** The common fork-join pool's workers serve every cell (parallel streams) and end on their own when idle. */
    private static boolean isSharedPoolWorker(Thread t) {
        return t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
    }
}
