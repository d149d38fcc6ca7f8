package org.spectraledge.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spectraledge.sweep.SweepTest.withoutSeconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.sweep.LocalExecutor;
import org.spectraledge.sweep.RunSpec;
import org.spectraledge.sweep.Sweep;
import org.spectraledge.sweep.SweepSpec;
import tech.tablesaw.api.Table;

/** The same small sweep in this JVM and on Spark local[2] gives identical rows and identical run logs. */
class SparkExecutorTest {
    /** Seeds × ω of a modular-addition MLP that trains in seconds on one thread (ω = 1 groks near step 500). */
    static final String SWEEP = "{\"base\": {\"task\": \"add\", \"p\": 23, \"frac\": 0.7, \"d\": 16, \"width\": 32, \"steps\": 600, "
            + "\"eval-every\": 50, \"lr\": 3e-2, \"target\": 0.95, \"window\": 6, \"threads\": 1, \"checkpoint-every\": 100}, "
            + "\"grid\": {\"wd\": [0, 1], \"seed\": [1, 2]}}";

    @TempDir Path dir;

    @Test
    void sparkLocal2GivesTheRowsOfTheInProcessExecutor() throws Exception {
        SweepSpec spec = SweepSpec.parse(SWEEP);
        long t0 = System.nanoTime();
        Table local = Sweep.builder().setSpec(spec).setOut(dir.resolve("local")).optExecutor(new LocalExecutor(2)).build().run();
        long t1 = System.nanoTime();
        Table spark;
        Dataset<Row> frame;
        try (SparkExecutor executor = new SparkExecutor("local[2]")) {
            spark = Sweep.builder().setSpec(spec).setOut(dir.resolve("spark")).optExecutor(executor).build().run();
            frame = executor.results();
            assertEquals(4, frame.count(), "one DataFrame row per run");
            assertEquals(List.of(frame.columns()), spark.columnNames());
            Table fromFrame = SparkExecutor.toTable(frame.orderBy("run_id"));
            assertEquals(withoutSeconds(spark), withoutSeconds(fromFrame), "the DataFrame converts to the sweep's table");
        }
        long t2 = System.nanoTime();
        System.out.printf("4 runs: in-process %.1f s, Spark local[2] %.1f s (with session start)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        assertEquals(withoutSeconds(local), withoutSeconds(spark));
        assertTrue(local.booleanColumn("grokked").countTrue() > 0, "some run grokked, so k* at grok is compared too");
        for (RunSpec r : spec.runs()) {
            for (String log : List.of("metrics.csv", "windows.csv")) {
                assertEquals(Files.readString(dir.resolve("local/runs").resolve(r.runId()).resolve(log)),
                        Files.readString(dir.resolve("spark/runs").resolve(r.runId()).resolve(log)), r.runId() + " " + log);
            }
        }
    }

    @Test
    void localCoresAreReadFromTheMaster() {
        assertEquals(2, SparkExecutor.localCores("local[2]"));
        assertEquals(3, SparkExecutor.localCores("local[3,4]"));
        assertEquals(1, SparkExecutor.localCores("local"));
        assertEquals(Runtime.getRuntime().availableProcessors(), SparkExecutor.localCores("local[*]"));
        assertEquals(Integer.MAX_VALUE, SparkExecutor.localCores("spark://host:7077"));
    }
}
