package org.spectraledge.cli;

import java.io.PrintStream;
import java.util.List;
import org.spectraledge.sweep.RunResult;
import org.spectraledge.sweep.Sweep;
import org.spectraledge.sweep.SweepEngines;
import org.spectraledge.sweep.SweepExecutor;
import org.spectraledge.sweep.SweepListener;
import org.spectraledge.sweep.SweepSpec;
import tech.tablesaw.api.Table;

import org.spectraledge.options.SweepArguments;
import org.spectraledge.options.UsageException;
/** {@code spectral-edge sweep}: many training runs from a sweep file, one result row per run. */
final class SweepCommand implements Command {

    @Override public String name() { return "sweep"; }

    @Override public String summary() { return "train many runs from a sweep file (grid or list), in this JVM or on Spark; writes results.csv"; }

    @Override public String usage() {
        return "usage: spectral-edge sweep " + SweepArguments.SYNOPSIS + "\n\n" + SweepArguments.help();
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) {
        SweepArguments args = SweepArguments.parse(rawArgs);
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
            Table table = Sweep.builder().setSpec(spec).setOut(args.out()).optExecutor(executor).optListener(new Lines(out)).build().run();
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
