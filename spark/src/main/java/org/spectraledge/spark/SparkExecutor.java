package org.spectraledge.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.spectraledge.sweep.ResultsTable;
import org.spectraledge.sweep.RunExecution;
import org.spectraledge.sweep.RunResult;
import org.spectraledge.sweep.RunSpec;
import org.spectraledge.sweep.SweepEngines;
import org.spectraledge.sweep.SweepExecutor;
import tech.tablesaw.api.Table;

/**
 * Trains a sweep's runs on Apache Spark: each run is one Spark task (a job of one partition), doing the same
 * {@link RunExecution#run} as the in-process executor, so rows are identical. Results come back as rows of a
 * DataFrame ({@link #results()}, schema {@link #schema}) and convert to Tablesaw ({@link #toTable}).
 *
 * <p>Each run is its own job, submitted from a driver thread of its own, so a row reaches the sweep (and
 * {@code results.csv}) as soon as its run ends; Spark runs as many at once as it has task slots. A task takes
 * {@code spark.task.cpus} = the largest {@code threads} option of the runs (capped by the cores of a {@code local[N]}
 * master), so {@code local[2]} trains two single-threaded runs at a time, as the local executor does.
 *
 * <p>Local mode runs tasks as threads of this JVM: the library trains concurrent runs safely there (per-thread
 * gradient recording and thread counts, seeded initializers, one engine start). On a cluster ({@code spark://…},
 * {@code yarn}, {@code k8s://…}) the sweep folder must be on a file system every executor reaches, and this JVM's
 * class-path jars are shipped to the executors as {@code spark.jars} unless that is set. Other {@code spark.*}
 * settings come from {@code -Dspark.…=…} system properties, as Spark reads them.
 */
public final class SparkExecutor implements SweepExecutor {
    private final String master;
    private SparkSession session;
    private StructType lastSchema;
    private final List<Row> rows = new ArrayList<>();

    /** @param master a Spark master URL, e.g. {@code local[2]} or {@code spark://host:7077} */
    public SparkExecutor(String master) {
        if (master == null || master.isBlank()) throw new IllegalArgumentException("a Spark master URL is needed, e.g. local[2]");
        this.master = master;
    }

    /** The schema of the result rows for these configuration keys: the columns of {@code results.csv}, typed. */
    public static StructType schema(List<String> keys) {
        List<StructField> fields = new ArrayList<>();
        for (String name : RunResult.columns(keys)) fields.add(DataTypes.createStructField(name, type(name, keys), true));
        return DataTypes.createStructType(fields);
    }

    private static DataType type(String name, List<String> keys) {
        if (name.equals("run_id") || name.equals("status") || keys.contains(name)) return DataTypes.StringType;
        return switch (name) {
            case "grokked" -> DataTypes.BooleanType;
            case "kstar_plain", "kstar_weighted" -> DataTypes.IntegerType;
            case "final_test_acc", "seconds" -> DataTypes.DoubleType;
            default -> DataTypes.LongType;
        };
    }

    @Override
    public void execute(List<RunSpec> runs, RunExecution work, Consumer<RunResult> onFinished) throws InterruptedException {
        if (runs.isEmpty()) return;
        // Spark finds its classes (and the tasks' classes) through the context class loader: make it this module's
        // loader, which the caller's thread need not have (the module may live in a class loader of its own)
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SparkExecutor.class.getClassLoader());
        try {
            run(runs, work, onFinished);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void run(List<RunSpec> runs, RunExecution work, Consumer<RunResult> onFinished) throws InterruptedException {
        List<String> keys = new ArrayList<>(runs.get(0).columns().keySet());
        lastSchema = schema(keys);
        rows.clear();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(session(runs).sparkContext());
        String group = "sweep-" + UUID.randomUUID();
        ExecutorService drivers = Executors.newFixedThreadPool(Math.min(runs.size(), 64), r -> {
            Thread t = new Thread(r, "sweep-spark-driver");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Row> done = new ExecutorCompletionService<>(drivers);
        Map<Future<Row>, RunSpec> submitted = new HashMap<>();
        try {
            for (RunSpec run : runs) {
                submitted.put(done.submit(() -> {
                    sc.setJobGroup(group, "spectral-edge sweep", true); // interruptOnCancel: a cancel stops the training thread
                    sc.setJobDescription(run.runId());
                    return sc.parallelize(List.of(run), 1).map(r -> RowFactory.create(work.run(r).cells(keys).toArray())).collect().get(0);
                }), run);
            }
            for (int i = 0; i < runs.size(); i++) {
                Future<Row> f = done.take();
                Row row;
                try {
                    row = f.get();
                } catch (ExecutionException e) { // the task itself failed (an Error in the run, a lost executor)
                    Throwable cause = e.getCause();
                    row = RowFactory.create(RunResult.failed(submitted.get(f), "Spark: " + (cause.getMessage() == null ? cause : cause.getMessage()))
                            .cells(keys).toArray());
                }
                rows.add(row);
                onFinished.accept(fromRow(row, keys));
            }
        } catch (InterruptedException e) {
            sc.sc().cancelJobGroup(group);
            throw e;
        } finally {
            drivers.shutdownNow();
        }
    }

    /** The rows of the last {@link #execute}, in finishing order, as a DataFrame. */
    public Dataset<Row> results() {
        if (session == null || lastSchema == null) throw new IllegalStateException("no sweep has run on this executor yet");
        return session.createDataFrame(rows, lastSchema);
    }

    /** A results DataFrame as a Tablesaw table (the same columns and types as the sweep's own table). */
    public static Table toTable(Dataset<Row> frame) {
        List<String> names = List.of(frame.columns());
        List<String> keys = names.subList(1, names.size() - RunResult.RESULT_COLUMNS.size());
        List<RunResult> results = new ArrayList<>();
        for (Row r : frame.collectAsList()) results.add(fromRow(r, keys));
        return ResultsTable.of("spark results", keys, results);
    }

    private static RunResult fromRow(Row row, List<String> keys) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) cells.add(row.isNullAt(i) ? null : String.valueOf(row.get(i)));
        return RunResult.fromCells(keys, cells);
    }

    private synchronized SparkSession session(List<RunSpec> runs) {
        if (session != null) return session;
        int threads = runs.stream().mapToInt(r -> r.config().threads()).max().orElse(1);
        SparkSession.Builder b = SparkSession.builder().appName("spectral-edge sweep").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.task.cpus", Integer.toString(Math.min(threads, localCores(master))));
        if (master.startsWith("local")) { // one JVM: the driver listens on loopback only
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        } else if (System.getProperty("spark.jars") == null) {
            b.config("spark.jars", String.join(",", SweepEngines.classPathJars()));
        }
        session = b.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }

    /** N of {@code local[N]} / {@code local[N,F]}, the machine's cores for {@code local[*]}, large for a cluster. */
    static int localCores(String master) {
        if (!master.startsWith("local")) return Integer.MAX_VALUE;
        if (master.equals("local")) return 1;
        String inside = master.substring(master.indexOf('[') + 1, master.indexOf(']'));
        String n = inside.split(",")[0].strip();
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    @Override
    public String describe() {
        return "spark, master " + master;
    }

    @Override
    public synchronized void close() {
        if (session != null) session.stop();
        session = null;
    }
}
