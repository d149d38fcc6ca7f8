package org.spectraledge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.TrainConfig;
import org.spectraledge.train.TrainRun;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingOutcome;

/** {@code spectral-edge train}: a training run with update capture, logged to a run folder. */
final class TrainCommand implements Command {

    @Override public String name() { return "train"; }

    @Override public String summary() { return "train a model with update capture; writes metrics, windows and checkpoints to a run folder"; }

    @Override public String usage() {
        StringBuilder b = new StringBuilder(String.join("\n",
                "usage: spectral-edge train [options] --out DIR",
                "       spectral-edge train --resume --out DIR",
                "",
                "Trains, captures every parameter update of the chosen groups, and writes DIR/metrics.csv (one row per",
                "eval), DIR/windows.csv (one row per spectral window; windows-GROUP.csv for several groups),",
                "DIR/summary.json and DIR/checkpoints/. --resume continues a stopped or killed run from its newest",
                "checkpoint, giving the same logs as an uninterrupted run.",
                "",
                "options (default):"));
        TrainConfig.DEFAULTS.forEach((k, v) -> b.append(String.format("%n  --%-18s %s", k + " X", v)));
        b.append(String.join("\n", "",
                "",
                "  task: add sub mul div sq_sum quad cube (and the other modular ops), dyck, scan, parity",
                "  model: mlp (fast grokking MLP), nanda (1 layer, no LayerNorm), transformer (2 layers; dyck and scan use it); 0 = preset size",
                "  optimizer: adamw, sgd, muon    group: all, trunk, attention, layer:N or globs; repeat --group for several",
                "  batch 0 = full batch; clip/target 0 = off; stride 0 = 1 below 10^6 parameters, else 100",
                "",
                "example: spectral-edge train --task add --p 59 --frac 0.5 --model mlp --optimizer adamw --lr 3e-3 \\",
                "           --wd 1.0 --steps 3000 --window 10 --group all --out runs/x"));
        return b.toString();
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(TrainConfig.DEFAULTS.keySet());
        valued.add("out");
        Arguments args = new Arguments(rawArgs, valued, Set.of("resume"), Map.of("o", "out"));
        if (!args.positional().isEmpty()) throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        if (!args.has("out")) throw new UsageException("--out DIR is required (the run folder)");
        Path dir = Path.of(args.string("out", null));
        Map<String, List<String>> options = new LinkedHashMap<>(args.valueOptions());
        options.remove("out");
        TrainRun.Result result;
        ProgressListener progress = new ProgressListener(err);
        if (args.flag("resume")) {
            if (!options.isEmpty()) throw new UsageException("--resume takes the configuration from the run folder; give only --out");
            result = TrainRun.resume(dir, List.of(progress));
        } else {
            TrainConfig config;
            try {
                config = TrainConfig.parse(options);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            progress.total = config.steps();
            result = TrainRun.start(config, dir, List.of(progress));
        }
        progress.line.finish();
        result.notes().forEach(n -> err.println("note: " + n));
        TrainingOutcome o = result.outcome();
        out.printf("%s: %d parameters, %d steps in %.1f s (%s)%n", result.config().task(), result.parameters(), o.steps(),
                o.seconds(), o.message());
        out.println("memorization step: " + (result.memorizedStep().isPresent() ? result.memorizedStep().getAsLong() : "not reached"));
        out.println("grok step: " + (result.grokkedStep().isPresent() ? result.grokkedStep().getAsLong() : "did not grok"));
        out.printf("update capture: %.1f s (%.1f %% of the run)%n", result.captureSeconds(),
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
