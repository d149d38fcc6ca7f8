package org.spectraledge.kernel.session;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.platform.IdlePriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the JIT on JShell's compiler while the kernel is idle, so that cells compile at their steady-state speed
 * early in a session.
 *
 * <p>Every cell runs javac: JShell compiles each snippet. javac is a large program, and HotSpot compiles its hot paths
 * with its optimizing compiler (C2) only after many thousands of calls (the kernel raises those thresholds so that the
 * first result comes sooner, {@code KernelSpec.LATE_C2_FLAGS}). Until then every cell runs javac in slower,
 * profiling code, and the JIT's compilations compete with the cells for the cores, so a kernel's first few hundred
 * cells compile markedly slower than later ones. Figures: docs/benchmarks.md#compiler-warm-up.
 *
 * <p>The warm-up evaluates a fixed mix of throwaway snippets (values, declarations, statements, methods, records,
 * lambdas: the paths of javac that cells take) in a JShell of its own, with the startup imports, on a thread that runs
 * only on cores nothing else wants ({@link IdlePriority}). It waits for a quiet moment: no cell running and none for
 * {@link #QUIET_MILLIS} ms before each snippet, so cells run back to back (a notebook's "run all") never meet it. Its
 * snippets print nothing and are invisible to cells. It ends after a given number of snippets and closes its JShell.
 */
public final class CompilerWarmup implements AutoCloseable {

    /** Environment variable for the number of warm-up snippets; 0 turns the warm-up off. */
    public static final String SNIPPETS_VARIABLE = "SPECTRAL_EDGE_WARMUP";
    /**
     * Snippets by default: enough for cells to reach javac's steady-state compile speed, at a one-off cost per kernel
     * of otherwise idle CPU (the snippets and the JIT's compilations of javac), spent soon after the kernel starts.
     * Figures: docs/benchmarks.md#compiler-warm-up.
     */
    public static final int DEFAULT_SNIPPETS = 500;
    /** How long no cell must have run before the next snippet. */
    public static final long QUIET_MILLIS = 1000;

    /** What cells do, in miniature; the names start with {@code warm} and live only in the warm-up's JShell. */
    static final List<String> MIX = List.of(
            "1+1",
            "int warmA = 3;",
            "warmA * 2 + 1",
            "String warmS = \"spectral\" + warmA;",
            "warmS.length()",
            "for (int i = 0; i < 3; i++) { warmA += i; }",
            "List.of(1, 2, 3).stream().mapToInt(i -> i).sum()",
            "double warmF(double x) { return Math.sqrt(x) + 1; }",
            "warmF(4.0)",
            "record WarmR(int a, String b) {}",
            "new WarmR(1, \"x\")",
            "var warmM = new HashMap<String, Integer>();",
            "warmM.put(\"a\", 1);",
            "Math.max(warmA, 7)",
            "if (warmA > 2) { warmA--; }");

    private static final Logger LOG = LoggerFactory.getLogger(CompilerWarmup.class);

    private final Supplier<CellEvaluator> evaluators;
    private final int snippets;
    private final Thread thread;
    private int pauses;            // cells running
    private long lastCellEnded;    // System.nanoTime() of the latest resume(), or of the start
    private boolean closed;
    private volatile int evaluated;
    private volatile int failed;

    /**
     * A warm-up of {@code snippets} snippets (none if 0) in a JShell from {@code evaluators}, which must hold the
     * startup imports; it begins at {@link #start()}.
     */
    public CompilerWarmup(Supplier<CellEvaluator> evaluators, int snippets) {
        if (snippets < 0) {
            throw new IllegalArgumentException("the number of warm-up snippets must be ≥ 0, got " + snippets);
        }
        this.evaluators = evaluators;
        this.snippets = snippets;
        this.lastCellEnded = System.nanoTime();
        this.thread = new Thread(this::run, "compiler-warmup");
        thread.setDaemon(true);
    }

    /** Begins the warm-up: its first snippet comes after {@link #QUIET_MILLIS} ms without cells from now. */
    public synchronized void start() {
        if (snippets > 0 && !closed && thread.getState() == Thread.State.NEW) {
            lastCellEnded = System.nanoTime();
            thread.start();
        }
    }

    /**
     * The number of snippets from {@value #SNIPPETS_VARIABLE}, else {@value #DEFAULT_SNIPPETS}.
     *
     * @throws IllegalArgumentException naming the variable if its value is not a number ≥ 0
     */
    public static int snippetsFromEnvironment() {
        return parseSnippets(System.getenv(SNIPPETS_VARIABLE));
    }

    static int parseSnippets(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SNIPPETS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(SNIPPETS_VARIABLE + "=" + value + " is not a number of snippets ≥ 0; "
                + "set it to 0 to turn the kernel's compiler warm-up off, or unset it for " + DEFAULT_SNIPPETS);
    }

    /** A cell starts: the warm-up stops before its next snippet. Pauses nest. */
    public synchronized void pause() {
        pauses++;
    }

    /** A cell ended: the warm-up goes on after {@link #QUIET_MILLIS} ms without cells. */
    public synchronized void resume() {
        pauses--;
        lastCellEnded = System.nanoTime();
        notifyAll();
    }

    /** Snippets evaluated so far (compile errors included, see {@link #failed()}). */
    public int evaluated() {
        return evaluated;
    }

    /** Snippets that did not evaluate cleanly: 0 unless {@link #MIX} no longer fits the startup imports. */
    public int failed() {
        return failed;
    }

    /** Waits up to {@code timeoutMillis} for the warm-up to end; true if it has (or never started). */
    public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        thread.join(Math.max(1, timeoutMillis));
        return !thread.isAlive();
    }

    /** Stops the warm-up after its current snippet, at the latest. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void run() {
        IdlePriority.lowerCurrentThread();
        if (!awaitQuiet()) {
            return;
        }
        try (CellEvaluator evaluator = evaluators.get()) {
            for (int i = 0; i < snippets && awaitQuiet(); i++) {
                try {
                    evaluator.beginCell();
                    evaluator.eval(MIX.get(i % MIX.size()), "warm-up");
                } catch (Exception e) {
                    failed++;
                    LOG.debug("warm-up snippet failed", e);
                }
                evaluated++;
            }
        } catch (RuntimeException e) {
            LOG.warn("The compiler warm-up stopped: {}", e.toString());
        }
    }

    /** Waits until no cell has run for {@link #QUIET_MILLIS} ms; false once closed. */
    private synchronized boolean awaitQuiet() {
        try {
            while (!closed) {
                long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastCellEnded);
                if (pauses == 0 && quietFor >= QUIET_MILLIS) {
                    return true;
                }
                wait(pauses > 0 ? 0 : QUIET_MILLIS - quietFor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
