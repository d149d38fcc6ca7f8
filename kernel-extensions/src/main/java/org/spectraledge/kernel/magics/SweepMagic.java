package org.spectraledge.kernel.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.spectraledge.options.OptionParsing;
import org.spectraledge.options.SweepOptions;
import org.spectraledge.options.UsageException;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellInterruptedException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.UserCodeException;
import org.spectraledge.kernel.runtime.OutputSink;
import org.spectraledge.kernel.runtime.Progress;
import org.spectraledge.sweep.ResultsTable;
import org.spectraledge.sweep.RunResult;
import org.spectraledge.sweep.Sweep;
import org.spectraledge.sweep.SweepEngines;
import org.spectraledge.sweep.SweepExecutor;
import org.spectraledge.sweep.SweepListener;
import org.spectraledge.sweep.SweepSpec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

/**
 * {@code %sweep FILE.json [--engine …] --out DIR}: a sweep from a notebook, with the arguments of
 * {@code spectral-edge sweep}. It shows a progress bar and a live table of the finished runs, replaced in place as
 * each run ends; the cell's value is the results table. The interrupt button stops the sweep: finished rows stay in
 * {@code results.csv}, runs in progress keep their checkpoints, and the same {@code %sweep} line continues it.
 */
final class SweepMagic {

    static final String USAGE = "%sweep " + SweepOptions.SYNOPSIS;

    private final CellEvaluator evaluator;
    private final OutputSink sink;

    SweepMagic(CellEvaluator evaluator, OutputSink sink) {
        this.evaluator = evaluator;
        this.sink = sink;
    }

    /** The magic's options, those of {@code spectral-edge sweep}: a fresh spec (and options object) per call. */
    private static CommandSpec spec(SweepOptions options) {
        return OptionParsing.magic("sweep", USAGE, "Trains like bin/spectral-edge sweep with a live table of finished"
                + " runs; the cell's value is the results table.", options);
    }

    static String usage() {
        return OptionParsing.usage(spec(new SweepOptions()));
    }

    CellResult run(MagicCall call) throws CellException {
        SweepOptions args = new SweepOptions();
        SweepSpec spec;
        SweepExecutor executor;
        try {
            OptionParsing.parse(spec(args), call.arguments());
            args.file();
            args.out(); // both are required: say so before reading the file
            spec = SweepSpec.read(args.file());
            executor = SweepEngines.open(args.engine());
        } catch (UsageException e) {
            throw new MagicException(call, e.getMessage() + "\n" + usage());
        } catch (RuntimeException e) { // an unreadable or invalid sweep file, an unknown engine, Spark not built
            throw new MagicException(call, e.getMessage());
        }
        LiveTable live = new LiveTable(args.out().getFileName().toString(), spec);
        try (executor) {
            Sweep sweep = Sweep.builder().setSpec(spec).setOut(args.out()).optExecutor(executor).optListener(live).build();
            Table table = evaluator.runAsCell(sweep::run);
            live.progress.finish("done: " + table.rowCount() + " runs, " + executor.describe());
            return CellResult.of(table);
        } catch (CancellationException e) { // the interrupt button: the sweep stopped cleanly
            live.finish("stopped");
            throw new UserCodeException(CellInterruptedException.class.getName(), e.getMessage(),
                    List.of(CellInterruptedException.class.getName() + ": " + e.getMessage()));
        } catch (CellInterruptedException e) {
            live.finish("stopped");
            throw new UserCodeException(CellInterruptedException.class.getName(), e.getMessage() + " Run the same %sweep to continue.",
                    List.of(CellInterruptedException.class.getName() + ": " + e.getMessage()));
        } catch (Exception e) {
            live.finish("failed");
            throw new UserCodeException(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.getClass().getName() + ": " + e.getMessage()));
        }
    }

    /** Completes engines after {@code --engine} and option names after {@code -}. */
    static List<String> complete(List<String> before, String word) {
        return OptionParsing.complete(spec(new SweepOptions()), before, word);
    }

    /** The progress bar and the table of finished runs, shown under the cell and replaced in place. */
    private final class LiveTable implements SweepListener {
        final Progress progress;
        private final String name;
        private final SweepSpec spec;
        private String tableId;

        LiveTable(String name, SweepSpec spec) {
            this.name = name;
            this.spec = spec;
            this.progress = Progress.start("sweep " + name, spec.runs().size(), sink);
        }

        @Override public void sweepStarted(List<RunResult> kept, int total) {
            progress.update(kept.size(), kept.isEmpty() ? "" : kept.size() + " finished earlier (kept)");
            tableId = sink.display(table(kept));
        }

        @Override public void runFinished(RunResult result, List<RunResult> finished, int total) {
            progress.update(finished.size(), result.describe());
            sink.update(tableId, table(finished));
        }

        void finish(String status) {
            progress.finish(status);
        }

        private Table table(List<RunResult> rows) {
            return ResultsTable.of("sweep " + name, spec.keys(), new ArrayList<>(rows));
        }
    }
}
