package org.spectraledge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.options.TrainArguments;
import org.spectraledge.options.TrainOptionSpecs;
import org.spectraledge.options.UsageException;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainRun;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spectral-edge train}: a training run with update capture, logged to a run folder. Its training options are
 * built from the table {@link org.spectraledge.run.TrainOption} by {@link TrainOptionSpecs}, as {@code %train}'s are.
 */
@Command(name = "train",
        customSynopsis = {"spectral-edge train [OPTIONS] --out DIR", "       spectral-edge train --resume --out DIR"},
        description = {"train a model with update capture; writes metrics, windows and checkpoints to a run folder",
                "",
                "Trains, captures every parameter update of the chosen groups, and writes DIR/metrics.csv (one row per"
                        + " eval), DIR/windows.csv (one row per spectral window; windows-GROUP.csv for several groups),"
                        + " DIR/summary.json and DIR/checkpoints/. --resume continues a stopped or killed run from its newest"
                        + " checkpoint, giving the same logs as an uninterrupted run."},
        footer = {"Options take one value each, except --group: repeat it for several groups.",
                "",
                "example: spectral-edge train --task add --p 59 --frac 0.5 --model mlp --optimizer adamw --lr 3e-3 \\",
                "           --wd 1.0 --steps 3000 --window 10 --group all --out runs/x"})
final class TrainCommand implements Callable<Integer> {

    @Mixin private HelpOption help;
    @Spec private CommandSpec spec;
    private final Main.Streams io;

    private TrainCommand(Main.Streams io) {
        this.io = io;
    }

    /** The command with the training options of the table added. */
    static CommandLine commandLine(Main.Streams io) {
        CommandLine command = new CommandLine(new TrainCommand(io));
        TrainOptionSpecs.addTo(command.getCommandSpec());
        return command;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = io.out(), err = io.err();
        TrainArguments args = TrainOptionSpecs.arguments(spec.commandLine().getParseResult());
        Path dir = args.out().orElseThrow(() -> new UsageException("--out DIR is required (the run folder)"));
        TrainRun.Result result;
        ProgressListener progress = new ProgressListener(err);
        if (args.resume()) {
            result = TrainRun.resume(dir, List.of(progress));
        } else {
            TrainConfig config = args.config();
            progress.total = config.steps();
            result = TrainRun.start(config, dir, List.of(progress));
        }
        progress.line.finish();
        result.notes().forEach(n -> err.println("note: " + n));
        TrainingOutcome o = result.outcome();
        out.printf("%s: %d parameters, %d steps in %.1f s (%s)%n", result.config().task().cliName(), result.parameters(), o.steps(),
                o.seconds(), o.message());
        out.println("memorization step: " + (result.memorizedStep().isPresent() ? result.memorizedStep().getAsLong() : "not reached"));
        out.println("grok step: " + (result.grokkedStep().isPresent() ? result.grokkedStep().getAsLong() : "did not grok"));
        out.printf("update capture on the training thread: %.1f s (%.1f %% of the run)%n", result.captureSeconds(),
                o.seconds() > 0 ? 100 * result.captureSeconds() / o.seconds() : 0);
        out.println("wrote " + dir.resolve("metrics.csv") + ", " + dir.resolve("summary.json") + " and the window tables");
        return o.status() == TrainingOutcome.Status.DIVERGED ? 1 : 0;
    }

    /** The terminal progress line: step, loss and the latest accuracies. */
    private static final class ProgressListener implements TrainingListener {
        final ProgressLine line;
        long total;
        private String accuracies = "";

        ProgressListener(PrintStream err) {
            this.line = new ProgressLine(err, "train", 1);
        }

        @Override public void afterStep(StepContext c) {
            line.setTotal(total > 0 ? total : c.step());
            line.update(c.step(), String.format("loss %.4f%s", c.trainLoss(), accuracies));
        }

        @Override public void afterEval(EvalRecord e) {
            accuracies = String.format("  train %.3f  test %.3f", e.trainAcc(), e.testAcc());
        }
    }
}
