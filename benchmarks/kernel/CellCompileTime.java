import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.session.CompilerWarmup;
import org.spectraledge.kernel.session.NotebookSession;

/**
 * Measures a cell's compile time in the kernel's cell evaluator in this JVM, without the protocol: a session's JShell,
 * optionally the kernel's compiler warm-up of W snippets run to its end, then N evaluations of one cell, printing the
 * median CPU time of the evaluating thread (JShell's javac runs there) and the wall time per block of 100. Figures:
 * docs/benchmarks.md#cell-compile-time and docs/benchmarks.md#compiler-warm-up. Run from the repository root after
 * building the kernel:
 *
 * <pre>
 * java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -Djava.security.manager=allow \
 *      -cp "kernel-extensions/target/spectral-edge.jar:kernel-extensions/target/lib/*" \
 *      benchmarks/kernel/CellCompileTime.java 600 '1+1' [W]
 * </pre>
 *
 * Without the {@code --add-opens} the evaluator cannot prune JShell's compiled snippets nor pause its class-path
 * indexing (it warns), which is how the peer of those two changes is measured. W = 0 (the default) is the peer of
 * the warm-up; add the kernelspec's {@code -XX:Tier4…} flags to measure it as the kernel runs it.
 */
public class CellCompileTime {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String cell = args.length > 1 ? args[1] : "1+1";
        int warmupSnippets = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CellEvaluator evaluator = NotebookSession.startEvaluator();   // a session's JShell, startup script included
        if (warmupSnippets > 0) {
            long start = System.nanoTime();
            try (CompilerWarmup warmup = new CompilerWarmup(NotebookSession::startEvaluator, warmupSnippets)) {
                warmup.start();
                warmup.awaitEnd(600_000);
                System.out.printf("warm-up: %d snippets, %d failed, %.1f s with its quiet second%n", warmup.evaluated(),
                        warmup.failed(), (System.nanoTime() - start) / 1e9);
            }
        }
        long[] cpu = new long[n];
        long[] wall = new long[n];
        for (int i = 0; i < n; i++) {
            long w = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            evaluator.beginCell();
            evaluator.eval(cell, "In [" + (i + 1) + "]");
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - w;
        }
        for (int k = 0; k + 100 <= n; k += 100) {
            System.out.printf("cells %d-%d: median CPU %.1f ms, wall %.1f ms%n", k + 1, k + 100,
                    median(cpu, k) / 1e6, median(wall, k) / 1e6);
        }
        System.exit(0);
    }

    private static long median(long[] values, int from) {
        long[] block = Arrays.copyOfRange(values, from, from + 100);
        Arrays.sort(block);
        return block[50];
    }
}
