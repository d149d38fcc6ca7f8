package org.spectraledge.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectraledge.options.SweepOptions;
import org.spectraledge.options.UsageException;
import org.spectraledge.sweep.RunResult;
import org.spectraledge.sweep.Sweep;
import org.spectraledge.sweep.SweepEngines;
import org.spectraledge.sweep.SweepExecutor;
import org.spectraledge.sweep.SweepListener;
import org.spectraledge.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code spectral-edge sweep}: many training runs from a sweep file, one result row per run. */
@Command(name = "sweep", customSynopsis = "spectral-edge sweep " + SweepOptions.SYNOPSIS,
        description = "train many runs from a sweep file (grid or list), in this JVM or on Spark; writes results.csv")
final class SweepCommand implements Callable<Integer> {

    @Mixin private HelpOption help;
    @Mixin private SweepOptions args;
    @Spec private CommandSpec commandSpec;
    private final Main.Streams io;

    SweepCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PrintStream out = io.out();
        args.file();
        args.out(); // both are required: say so before reading the file
        SweepSpec spec;
        try {
            spec = SweepSpec.read(args.file());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SweepExecutor executor;
        try {
            executor = SweepEngines.open(args.engine());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine: " + e.getMessage());
        }
        try (executor) {
            Table table = Sweep.builder().setSpec(spec).setOut(args.out()).optExecutor(executor).optListener(new Lines(out))
                    .optCommand("spectral-edge " + String.join(" ", commandSpec.commandLine().getParseResult().originalArgs()))
                    .optCommit(Provenance.commit()).build().run();
            out.println();
            out.println(table.print(table.rowCount()));
            out.println("wrote " + args.out().resolve("results.csv") + " and a run folder per run in " + args.out().resolve("runs"));
            boolean failed = table.stringColumn("status").asList().stream().anyMatch(s -> s.startsWith(RunResult.FAILED));
            return failed ? 1 : 0; // a diverged run is a result; a failed one is not
        }
    }

    /** A line per finished run. */
    private static final class Lines implements SweepListener {
        private final PrintStream out;

        Lines(PrintStream out) { this.out = out; }

        @Override public void sweepStarted(List<RunResult> kept, int total) {
            out.println(kept.isEmpty() ? "sweep: " + total + " runs"
                    : "sweep: " + total + " runs, " + kept.size() + " finished earlier (kept, not trained again)");
        }

        @Override public void runFinished(RunResult result, List<RunResult> finished, int total) {
            out.printf("[%d/%d] %s%n", finished.size(), total, result.describe());
            out.flush();
        }
    }
}
