import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.NotebookClassPath;

/**
 * The kernel's cell evaluator in this JVM, without the protocol (issue 4, docs/benchmarks.md): the startup script,
 * then N evaluations of one cell, printing the median CPU time of the evaluating thread (JShell's javac runs there)
 * and the wall time per block of 100. Run from the repository root after building the kernel:
 *
 * <pre>
 * java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -Djava.security.manager=allow \
 *      -cp "kernel-extensions/target/spectral-edge.jar:kernel-extensions/target/lib/*" \
 *      benchmarks/kernel/CellCompileTime.java 600 '1+1'
 * </pre>
 *
 * Without the {@code --add-opens} the evaluator cannot prune JShell's compiled snippets nor pause its class-path
 * indexing (it warns), which is how the peer of those two changes is measured.
 */
public class CellCompileTime {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String cell = args.length > 1 ? args[1] : "1+1";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CellEvaluator evaluator = CellEvaluator.start(NotebookClassPath.open());
        String startup = new String(CellCompileTime.class.getClassLoader()
                .getResourceAsStream("org/spectraledge/kernel/startup.jsh").readAllBytes());
        evaluator.eval(startup, "startup.jsh");
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
