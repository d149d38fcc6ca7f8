package org.spectraledge.options;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments of {@code spectral-edge sweep} and of the {@code %sweep} magic (a picocli mixin of both, which also
 * gives them the footer of their usage texts): {@code FILE.json [--engine local|local:N|spark[:MASTER]] --out DIR}.
 * The accessors say what is missing.
 */
@Command(footer = {"The sweep file names spectral-edge train options (without dashes) under \"base\", and either a \"grid\""
        + " (cartesian product, the last key varying fastest) or a list of \"runs\":",
        "  {\"base\": {\"task\": \"add\", \"steps\": 3000, \"threads\": 1}, \"grid\": {\"wd\": [0, 1], \"seed\": [1, 2, 3]}}",
        "  {\"base\": {\"task\": \"add\"}, \"runs\": [{\"wd\": 0}, {\"wd\": 1, \"optimizer\": \"muon\"}]}",
        "",
        "Writes DIR/runs/RUN_ID/ (a run folder per run) and DIR/results.csv, one row per finished run: run_id, the"
                + " configuration keys, grokked, memorized_step, grokked_step, gap_event_step, lead_time, kstar_plain,"
                + " kstar_weighted, final_test_acc, seconds, status. Running the same command again continues a stopped"
                + " sweep: finished runs are kept, cut-off runs resume from their checkpoints."})
public final class SweepOptions {

    /** The argument line of the usage texts. */
    public static final String SYNOPSIS = "FILE.json [--engine local|local:N|spark[:MASTER]] --out DIR";

    /** The engines completion offers. */
    static final class Engines implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() {
            return List.of("local", "local:2", "spark", "spark:local[2]").iterator();
        }
    }

    @Parameters(paramLabel = "FILE.json", arity = "0..1", description = "the sweep file")
    private Path file;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local", completionCandidates = Engines.class,
            description = {"local (default): in this JVM, cores / threads-per-run runs at a time",
                    "local:N: in this JVM, N runs at a time",
                    "spark[:MASTER]: on Apache Spark, master MASTER (default local[*]),",
                    "  e.g. spark:local[2] or spark:spark://host:7077; needs the optional module:",
                    "  ./mvnw -pl spark -am package -DskipTests"})
    private String engine;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "the sweep's folder (required): results.csv and runs/")
    private Path out;

    /**
     * The sweep file.
     *
     * @throws UsageException if none was given
     */
    public Path file() {
        if (file == null) throw new UsageException("FILE.json (the sweep file) is missing");
        return file;
    }

    /** The engine, {@code local} unless given. */
    public String engine() {
        return engine;
    }

    /**
     * The sweep's folder.
     *
     * @throws UsageException if none was given
     */
    public Path out() {
        if (out == null) throw new UsageException("--out DIR is required (the sweep's folder: results.csv and runs/)");
        return out;
    }
}
