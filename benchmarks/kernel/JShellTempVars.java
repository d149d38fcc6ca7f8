import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Measures what JShell's {@code $N} variables cost each later compile, the reason the kernel drops them: a plain
 * JShell with the kernel's class path and startup imports evaluates {@code 1+1} N times, keeping ({@code keep}) or
 * dropping ({@code drop}) the {@code $N} variable of each value, and prints the median javac CPU time per eval for
 * each block of 100. Figures: docs/benchmarks.md#cell-compile-time. Run from the repository root after building the
 * kernel:
 *
 * <pre>
 * java -cp "kernel-extensions/target/spectral-edge.jar:kernel-extensions/target/lib/*" benchmarks/kernel/JShellTempVars.java keep 500
 * java -cp "kernel-extensions/target/spectral-edge.jar:kernel-extensions/target/lib/*" benchmarks/kernel/JShellTempVars.java drop 500
 * </pre>
 */
public class JShellTempVars {
    public static void main(String[] args) throws Exception {
        boolean drop = args[0].equals("drop");
        int n = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JShell shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        String startup = new String(JShellTempVars.class.getClassLoader()
                .getResourceAsStream("org/spectraledge/kernel/startup.jsh").readAllBytes());
        for (String line : startup.split("\n")) {
            if (line.startsWith("import")) {
                shell.eval(line);
            }
        }
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            long start = threads.getCurrentThreadCpuTime(); // javac runs on this thread
            for (SnippetEvent e : shell.eval("1+1")) {
                if (drop && e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    shell.drop(e.snippet());
                }
            }
            cpu[i] = threads.getCurrentThreadCpuTime() - start;
        }
        for (int k = 0; k + 100 <= n; k += 100) {
            long[] block = Arrays.copyOfRange(cpu, k, k + 100);
            Arrays.sort(block);
            System.out.printf("%s: evals %d-%d, median CPU %.1f ms%n", args[0], k + 1, k + 100, block[50] / 1e6);
        }
        System.exit(0);
    }
}
