package org.spectraledge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spectraledge.evidence.PrecursorEvaluation;
import org.spectraledge.evidence.PrecursorEvaluator;
import org.spectraledge.options.EvidenceOptions;
import org.spectraledge.options.UsageException;
import org.spectraledge.sweep.EvidenceFolder;
import org.spectraledge.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectral-edge evidence DIR}: judges the gap event as a precursor of grokking over a sweep's runs (framework
 * §7b) and prints the alarm table, the lead times, the scores' ROC and AUC with intervals, and how the result moves
 * with the search start; {@code evidence pack} turns a finished sweep into a committed evidence folder.
 */
@Command(name = "evidence",
        description = "judge the gap event as a precursor over a sweep's runs: alarm table, lead times, ROC/AUC with intervals")
final class EvidenceCommand implements Callable<Integer> {

    @Mixin private HelpOption help;
    @Mixin private EvidenceOptions args;
    private final Main.Streams io;

    EvidenceCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Path folder = args.folder();
        PrecursorEvaluation evaluation;
        try {
            evaluation = PrecursorEvaluator.evaluate(folder, args.settings());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        io.out().println(evaluation.report());
        args.csv().ifPresent(dir -> {
            evaluation.writeCsv(dir);
            io.out().println("wrote the tables to " + dir);
        });
        return 0;
    }

    /** {@code spectral-edge evidence pack SWEEP --experiment FILE --to DIR}. */
    @Command(name = "pack", description = "copy a finished sweep, without checkpoints, into a new evidence folder and check"
            + " it against its experiment file")
    static final class Pack implements Callable<Integer> {
        @Mixin private HelpOption help;
        private final Main.Streams io;

        Pack(Main.Streams io) {
            this.io = io;
        }

        @Parameters(paramLabel = "SWEEP", arity = "0..1", description = "the finished sweep folder (with manifest.json)")
        private Path sweep;

        @Option(names = "--experiment", paramLabel = "FILE", description = "the experiment's sweep file (required)")
        private Path experiment;

        @Option(names = "--to", paramLabel = "DIR", description = "the evidence folder to create (required; must not exist)")
        private Path to;

        @Override
        public Integer call() {
            if (sweep == null) throw new UsageException("SWEEP (the finished sweep folder) is missing");
            if (experiment == null) throw new UsageException("--experiment FILE is required (the sweep file the sweep ran)");
            if (to == null) throw new UsageException("--to DIR is required (the evidence folder to create)");
            SweepSpec spec;
            try {
                spec = SweepSpec.read(experiment);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            EvidenceFolder.pack(sweep, spec, to);
            io.out().println("packed " + sweep + " into " + to + " (" + spec.runs().size() + " runs, definition "
                    + spec.definitionHash().substring(0, 12) + "…)");
            return 0;
        }
    }
}
