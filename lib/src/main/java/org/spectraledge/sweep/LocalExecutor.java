package org.spectraledge.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Trains a sweep's runs in this JVM, several at a time on a fixed pool of threads.
 *
 * <p>How many at a time: by default parallel = max(1, min(runs, cores ÷ t)), with cores the processors available to
 * the JVM and t the largest {@code threads} option of the runs (PyTorch's intra-op threads per run). Each run then
 * keeps the thread count it asks for, so results do not depend on the executor, and the machine is not
 * oversubscribed: on 2 cores, runs with {@code threads 1} go two at a time, runs with {@code threads 2} one at a
 * time. {@link #LocalExecutor(int)} fixes the number instead.
 *
 * <p>Runs share the JVM's one PyTorch engine: the library starts it once (synchronized) and pins each training
 * thread's intra-op thread count; models draw their initial weights from their own seeded generators, never from the
 * engine's global one, so concurrent runs cannot disturb each other's randomness.
 */
public final class LocalExecutor implements SweepExecutor {
    private final int parallelism;
    private int lastParallelism;

    /** Parallelism from the machine and the runs' thread counts (see the class comment). */
    public LocalExecutor() {
        this.parallelism = 0;
    }

    /** A fixed number of runs at a time, ≥ 1. */
    public LocalExecutor(int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be ≥ 1 run at a time, got " + parallelism);
        this.parallelism = parallelism;
    }

    /** The default parallelism for {@code runs}: max(1, min(runs, cores ÷ largest threads option)). */
    public static int defaultParallelism(List<RunSpec> runs) {
        int threads = runs.stream().mapToInt(r -> r.config().threads()).max().orElse(1);
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(runs.size(), cores / threads));
    }

    @Override
    public void execute(List<RunSpec> runs, RunExecution work, Consumer<RunResult> onFinished) throws InterruptedException {
        if (runs.isEmpty()) return;
        int n = parallelism > 0 ? parallelism : defaultParallelism(runs);
        lastParallelism = n;
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "sweep-run-" + count.incrementAndGet());
            t.setDaemon(true); // a sweep stopped by an interrupt must not keep the JVM alive
            return t;
        });
        ExecutorCompletionService<RunResult> done = new ExecutorCompletionService<>(pool);
        Map<Future<RunResult>, RunSpec> submitted = new HashMap<>();
        try {
            for (RunSpec run : runs) submitted.put(done.submit(() -> work.run(run)), run);
            for (int i = 0; i < runs.size(); i++) {
                Future<RunResult> f = done.take();
                RunResult result;
                try {
                    result = f.get();
                } catch (ExecutionException e) { // an Error or a cancellation escaped the run: its row says so
                    Throwable cause = e.getCause();
                    result = RunResult.failed(submitted.get(f), cause.getMessage() == null ? cause.toString() : cause.getMessage());
                }
                onFinished.accept(result);
            }
        } finally {
            pool.shutdownNow(); // interrupts runs still training: they stop at their next step and keep a checkpoint
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    @Override
    public String describe() {
        int n = parallelism > 0 ? parallelism : lastParallelism;
        return n > 0 ? "local, " + n + " run" + (n == 1 ? "" : "s") + " at a time" : "local, cores ÷ threads per run at a time";
    }
}
