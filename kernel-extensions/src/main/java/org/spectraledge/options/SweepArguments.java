package org.spectraledge.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code spectral-edge sweep}, parsed in one place for the command and the notebook's {@code %sweep}
 * magic: {@code FILE.json [--engine local|local:N|spark[:MASTER]] --out DIR} ({@code -o}).
 *
 * @param file   the sweep file
 * @param engine the engine, {@code local} by default
 * @param out    the sweep's output folder
 */
public record SweepArguments(Path file, String engine, Path out) {

    /** The argument line of the usage texts. */
    public static final String SYNOPSIS = "FILE.json [--engine local|local:N|spark[:MASTER]] --out DIR";

    /**
     * Parses {@code args}.
     *
     * @throws UsageException naming the bad or missing argument
     */
    public static SweepArguments parse(List<String> args) {
        Arguments parsed = new Arguments(args, Set.of("engine", "out"), Set.of(), Map.of("o", "out"));
        List<String> positional = parsed.positional();
        if (positional.isEmpty()) throw new UsageException("FILE.json (the sweep file) is missing");
        if (positional.size() > 1) throw new UsageException("unexpected argument '" + positional.get(1) + "'; give one sweep file");
        if (!parsed.has("out")) throw new UsageException("--out DIR is required (the sweep's folder: results.csv and runs/)");
        return new SweepArguments(Path.of(positional.get(0)), parsed.string("engine", "local"), Path.of(parsed.string("out", null)));
    }

    /** What the options mean, for the usage texts. */
    public static String help() {
        return String.join("\n",
                "The sweep file names spectral-edge train options (without dashes) under \"base\", and either a \"grid\"",
                "(cartesian product, the last key varying fastest) or a list of \"runs\":",
                "  {\"base\": {\"task\": \"add\", \"steps\": 3000, \"threads\": 1}, \"grid\": {\"wd\": [0, 1], \"seed\": [1, 2, 3]}}",
                "  {\"base\": {\"task\": \"add\"}, \"runs\": [{\"wd\": 0}, {\"wd\": 1, \"optimizer\": \"muon\"}]}",
                "",
                "Writes DIR/runs/RUN_ID/ (a run folder per run) and DIR/results.csv, one row per finished run: run_id, the",
                "configuration keys, grokked, memorized_step, grokked_step, gap_event_step, lead_time, kstar_plain,",
                "kstar_weighted, final_test_acc, seconds, status. Running the same command again continues a stopped sweep:",
                "finished runs are kept, cut-off runs resume from their checkpoints.",
                "",
                "  --engine local       in this JVM, cores / threads-per-run runs at a time (default); local:N for N at a time",
                "  --engine spark[:M]   on Apache Spark, master M (default local[*]; e.g. spark:local[2], spark:spark://host:7077);",
                "                       needs the optional module: ./mvnw -pl spark -am package -DskipTests",
                "  -o, --out DIR        the sweep's folder");
    }
}
