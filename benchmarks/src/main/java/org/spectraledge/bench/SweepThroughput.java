package org.spectraledge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.spectraledge.sweep.LocalExecutor;
import org.spectraledge.sweep.Sweep;
import org.spectraledge.sweep.SweepEngines;
import org.spectraledge.sweep.SweepExecutor;
import org.spectraledge.sweep.SweepSpec;
import org.spectraledge.platform.EngineConfig;
import org.spectraledge.platform.Engines;

/**
 * Measures sweep throughput: the same runs one after another ({@code local:1}), in-process in parallel
 * ({@code local}, cores ÷ threads per run at a time) and on Spark {@code local[2]}, each timed by wall clock on a fresh
 * output folder. Reported as ratios (the machine is shared and noisy): the in-process speed-up over one-at-a-time, and
 * Spark's extra seconds per run over the in-process executor (session start included, as a user pays it).
 *
 * <p>Run (after {@code ./mvnw -q -B -pl benchmarks,spark -am package -DskipTests}), with Spark's JVM flags:
 * <pre>
 * java -Dai.djl.offline=true $(SPARK_FLAGS) -Dspectraledge.spark.lib=spark/target/lib \
 *      -cp benchmarks/target/benchmarks.jar org.spectraledge.bench.SweepThroughput [RUNS] [STEPS]
 * </pre>
 * Default 8 runs (seeds) of the fast MLP on (a+b) mod 23, 300 steps, threads 1, W = 10. Figures:
 * docs/benchmarks.md#sweep-throughput.
 */
public final class SweepThroughput {
    private SweepThroughput() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        StringBuilder seeds = new StringBuilder();
        for (int i = 1; i <= runs; i++) seeds.append(i > 1 ? ", " : "").append(i);
        SweepSpec spec = SweepSpec.parse("{\"base\": {\"task\": \"add\", \"p\": 23, \"frac\": 0.7, \"d\": 16, \"width\": 32, \"steps\": "
                + steps + ", \"eval-every\": 50, \"lr\": 3e-2, \"threads\": 1, \"checkpoint-every\": 100}, \"grid\": {\"seed\": [" + seeds + "]}}");
        Engines.start(EngineConfig.builder().optIntraOpThreads(1).optInterOpThreads(1).build()); // engine start not timed
        Path root = Files.createTempDirectory("sweep-bench");
        System.out.printf(Locale.ROOT, "%d runs x %d steps, %d cores, %s%n", runs, steps, Runtime.getRuntime().availableProcessors(), Machine.cpuModel() + ", load " + Machine.loadAverage());
        double sequential = time(spec, root.resolve("sequential"), new LocalExecutor(1));
        double parallel = time(spec, root.resolve("parallel"), new LocalExecutor());
        double spark = time(spec, root.resolve("spark"), SweepEngines.open("spark:local[2]"));
        System.out.printf(Locale.ROOT, "one at a time   %6.1f s  (%.2f s/run)%n", sequential, sequential / runs);
        System.out.printf(Locale.ROOT, "in-process      %6.1f s  (%.2f s/run)  speed-up %.2fx%n", parallel, parallel / runs, sequential / parallel);
        System.out.printf(Locale.ROOT, "spark local[2]  %6.1f s  (%.2f s/run)  %.2fx in-process time, +%.2f s/run%n", spark, spark / runs,
                spark / parallel, (spark - parallel) / runs);
    }

    private static double time(SweepSpec spec, Path out, SweepExecutor executor) {
        try (executor) {
            long t0 = System.nanoTime();
            Sweep.builder().setSpec(spec).setOut(out).optExecutor(executor).build().run();
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
