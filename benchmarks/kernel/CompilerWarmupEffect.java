import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.session.CompilerWarmup;
import org.spectraledge.kernel.session.NotebookSession;

/**
 * What the kernel's compiler warm-up buys, in process (issue 4, docs/benchmarks.md): a session's JShell evaluates its
 * first cell, then a warm-up of N snippets runs to its end (N = 0: none), then 300 cells of {@code 1+1} are timed on
 * the session's JShell: median CPU time of the evaluating thread (JShell's javac runs there) and wall time per block of
 * 100. Run from the repository root after building the kernel, with the kernelspec's JVM flags:
 *
 * <pre>
 * java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -Djava.security.manager=allow -XX:Tier4InvocationThreshold=50000 \
 *      -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000 \
 *      -cp "kernel-extensions/target/spectral-edge.jar:kernel-extensions/target/lib/*" \
 *      benchmarks/kernel/CompilerWarmupEffect.java 500
 * </pre>
 */
public class CompilerWarmupEffect {
    public static void main(String[] args) throws Exception {
        int snippets = Integer.parseInt(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CellEvaluator session = NotebookSession.startEvaluator();
        session.beginCell();
        session.eval("1+1", "first");
        long wallStart = System.nanoTime();
        try (CompilerWarmup warmup = new CompilerWarmup(NotebookSession::startEvaluator, snippets)) {
            warmup.start();
            warmup.awaitEnd(600_000);
            System.out.printf("warm-up: %d snippets, %d failed, %.1f s including its quiet second%n", warmup.evaluated(),
                    warmup.failed(), (System.nanoTime() - wallStart) / 1e9);
        }
        int n = 300;
        long[] cpu = new long[n];
        long[] wall = new long[n];
        for (int i = 0; i < n; i++) {
            long w = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            session.beginCell();
            session.eval("1+1", "In [" + (i + 1) + "]");
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
