package org.spectraledge.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectraledge.train.StepContext;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainRun;
import org.spectraledge.train.TrainingListener;

/**
 * Native-memory soak, which checks that native memory does not grow over 10⁵ steps: a real {@link TrainRun} of the
 * fast MLP with update capture at stride 1 (W = 10, group all), evaluations, window log and checkpoints, printing the
 * process's resident memory (VmRSS) every {@code --every} steps. Not a unit test: it runs for tens of minutes.
 *
 * <p>Run (after {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -Dai.djl.offline=true -Xms256m -Xmx256m -XX:+AlwaysPreTouch \
 *      -cp benchmarks/target/benchmarks.jar org.spectraledge.bench.NativeMemorySoak \
 *      [--steps 100000] [--every 10000] [--threads 1] [--out DIR]
 * </pre>
 * Each line: step, VmRSS, the Java heap committed and in use, direct-buffer memory, and the steps per second of the
 * interval. A fixed, pre-touched Java heap ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}) keeps the heap's share of
 * VmRSS constant, so any growth of VmRSS after the first interval (allocator and JIT warm-up) is native. Figures:
 * docs/benchmarks.md#native-memory-over-a-long-run.
 */
public final class NativeMemorySoak {
    private NativeMemorySoak() {}

    public static void main(String[] args) throws Exception {
        long steps = 100_000;
        int every = 10_000, threads = 1;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--steps" -> steps = Long.parseLong(args[i + 1]);
                case "--every" -> every = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --steps, --every, --threads, --out");
            }
        }
        if (args.length % 2 != 0) throw new IllegalArgumentException("every option needs a value: " + String.join(" ", args));
        Path dir = out != null ? out : Files.createTempDirectory("soak");
        Map<String, String> o = new LinkedHashMap<>(BenchModel.MLP.options(threads, steps));
        o.put("eval-every", "100");
        o.put("checkpoint-every", "500");
        TrainConfig config = TrainConfig.of(o);
        int interval = every;
        System.out.printf(Locale.ROOT, "soak: %s, %d steps, threads %d, run folder %s; load average %s%n", BenchModel.MLP.name(),
                steps, threads, dir, Machine.loadAverage());
        System.out.println("| step | VmRSS MiB | Java heap committed MiB | Java heap used MiB | direct buffers MiB | steps/s |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        TrainingListener probe = new TrainingListener() {
            long last = System.nanoTime();
            @Override public void afterStep(StepContext context) {
                long step = context.step();
                if (step != 1 && step % interval != 0) return;
                long now = System.nanoTime();
                double rate = step == 1 ? Double.NaN : interval / ((now - last) / 1e9);
                last = now;
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f | %.1f | %.1f |%n", step, ProcStatus.residentMiB(),
                        rt.totalMemory() / 1048576.0, (rt.totalMemory() - rt.freeMemory()) / 1048576.0, directMiB(), rate);
            }
        };
        TrainRun.Result r = TrainRun.start(config, dir, List.of(probe));
        System.out.printf(Locale.ROOT, "done: %s; capture %.1f s of %.1f s; load average %s%n", r.outcome().message(),
                r.captureSeconds(), r.outcome().seconds(), Machine.loadAverage());
    }

    private static double directMiB() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream().filter(b -> b.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum() / 1048576.0;
    }
}
