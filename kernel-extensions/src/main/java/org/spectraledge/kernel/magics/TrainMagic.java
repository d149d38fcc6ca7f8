package org.spectraledge.kernel.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.spectraledge.options.OptionParsing;
import org.spectraledge.options.TrainArguments;
import org.spectraledge.options.TrainOptionSpecs;
import org.spectraledge.options.UsageException;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellInterruptedException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.UserCodeException;
import org.spectraledge.kernel.runtime.LiveFigure;
import org.spectraledge.kernel.runtime.OutputSink;
import org.spectraledge.kernel.runtime.Progress;
import org.spectraledge.kernel.runtime.Runs;
import org.spectraledge.plot.RunSeries;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.train.StepContext;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainRun;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingOutcome;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code %train ARGS}: a training run from a notebook, with the arguments of {@code spectral-edge train}. It shows a
 * progress bar and a live figure (σ_j(t) beside accuracy, redrawn every {@code --live-every} windows), and its
 * {@link TrainRun.Result} becomes the cell's value and {@link Runs#lastRun()}. Training runs on a cell thread, so the
 * interrupt button stops it cleanly: the run ends with status {@code interrupted}, its log and a checkpoint are kept,
 * and the cell reports the interruption as its error.
 */
final class TrainMagic {

    static final String USAGE = "%train [options of spectral-edge train] [--out DIR] [--live-every N]";

    /** Default windows between two redraws of the live figure. */
    static final int DEFAULT_LIVE_EVERY = 25;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final CellEvaluator evaluator;
    private final OutputSink sink;
    private final Path runsDir;
    private final Supplier<LocalDateTime> now;

    /**
     * @param runsDir where runs without {@code --out} go, each in a fresh timestamped folder
     * @param now     the clock that names those folders
     */
    TrainMagic(CellEvaluator evaluator, OutputSink sink, Path runsDir, Supplier<LocalDateTime> now) {
        this.evaluator = evaluator;
        this.sink = sink;
        this.runsDir = runsDir;
        this.now = now;
    }

    /**
     * The magic's options: those of {@code spectral-edge train}, from the same {@link TrainOptionSpecs}, and
     * {@code --live-every}. A fresh spec per call: picocli keeps the values of the last parse in it.
     */
    static CommandSpec spec() {
        CommandSpec spec = OptionParsing.magic(CommandSpec.create().name("train"), USAGE);
        spec.usageMessage().description(
                "Trains like bin/spectral-edge train with a progress bar and a live figure; the cell's value (and"
                        + " lastRun() afterwards) is the TrainRun.Result. Without --out the run goes to runs/train-DATE-TIME."
                        + " --resume --out DIR continues a stopped run. The interrupt button stops training cleanly.");
        spec.addOption(OptionSpec.builder("--live-every").paramLabel("N").type(String.class)
                .description("redraw the live figure every N windows (default: " + DEFAULT_LIVE_EVERY + "; 0 = no live figure)").build());
        return TrainOptionSpecs.addTo(spec);
    }

    /** The full usage text: the magic's line, its own option, then the training options by section. */
    static String usage() {
        return OptionParsing.usage(spec());
    }

    CellResult run(MagicCall call) throws CellException {
        TrainArguments args;
        TrainConfig config;
        Path out;
        int liveEvery;
        try {
            ParseResult parsed = OptionParsing.parse(spec(), call.arguments());
            args = TrainOptionSpecs.arguments(parsed);
            liveEvery = liveEvery(parsed.matchedOptionValue("--live-every", null));
            if (args.resume()) {
                out = args.out().orElseThrow(() -> new UsageException("--resume needs --out DIR, the run folder to continue"));
                config = org.spectraledge.run.RunFolder.readConfig(out);
            } else {
                config = args.config();
                out = args.out().orElseGet(this::freshFolder);
            }
        } catch (UsageException e) {
            throw new MagicException(call, e.getMessage() + "\n" + usage());
        } catch (RuntimeException e) { // a --resume folder without a readable summary
            throw new MagicException(call, e.getMessage());
        }
        LiveTraining live = new LiveTraining(config, liveEvery);
        boolean resume = args.resume();
        TrainRun.Result result;
        try {
            Path folder = out;
            TrainConfig c = config;
            result = evaluator.runAsCell(() -> resume ? TrainRun.resume(folder, List.of(live)) : TrainRun.start(c, folder, List.of(live)));
        } catch (CellInterruptedException e) { // the thread had to be stopped: the run folder may be incomplete
            live.progress.finish("stopped");
            throw new UserCodeException(CellInterruptedException.class.getName(), e.getMessage() + " The run folder "
                    + out + " may lack its last rows and summary.", List.of(CellInterruptedException.class.getName() + ": " + e.getMessage()));
        } catch (IllegalArgumentException e) { // e.g. the folder already holds a run, or task and model do not fit
            live.progress.finish("not started");
            throw new MagicException(call, e.getMessage());
        } catch (Exception e) {
            live.progress.finish("failed");
            throw new UserCodeException(e.getClass().getName(), String.valueOf(e.getMessage()), traceback(e));
        }
        Runs.remember(result);
        live.finish(result);
        TrainingOutcome o = result.outcome();
        result.notes().forEach(n -> System.out.println("note: " + n));
        System.out.println(summary(result));
        if (o.status() == TrainingOutcome.Status.INTERRUPTED) {
            String message = "Training was interrupted after step " + o.steps() + "; the log up to there and a checkpoint are kept in "
                    + result.folder() + ". The run is lastRun(); continue it with %train --resume --out " + result.folder();
            throw new UserCodeException(CellInterruptedException.class.getName(), message,
                    List.of(CellInterruptedException.class.getName() + ": " + message));
        }
        return CellResult.of(result);
    }

    /** One line per fact, like the command line's report. */
    static String summary(TrainRun.Result r) {
        TrainingOutcome o = r.outcome();
        return String.format(Locale.ROOT, "%s: %d parameters, %d steps in %.1f s (%s)%nmemorization step: %s, grok step: %s%nrun folder: %s",
                r.config().task().cliName(), r.parameters(), o.steps(), o.seconds(), o.message().isEmpty() ? o.status().name().toLowerCase(Locale.ROOT) : o.message(),
                r.memorizedStep().isPresent() ? r.memorizedStep().getAsLong() : "not reached",
                r.grokkedStep().isPresent() ? r.grokkedStep().getAsLong() : "did not grok", r.folder());
    }

    /** Completes the names a choice takes after its option (e.g. tasks after {@code --task}) and option names after {@code -}. */
    static List<String> complete(List<String> before, String word) {
        return OptionParsing.complete(spec(), before, word);
    }

    private static int liveEvery(String v) {
        if (v == null) return DEFAULT_LIVE_EVERY;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) throw new UsageException("--live-every must be ≥ 0 windows (0 = no live figure), got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--live-every must be a whole number of windows, got '" + v + "'");
        }
    }

    /** {@code runs/train-20260101-120000}, with {@code -2}, {@code -3}, … if that exists already. */
    private Path freshFolder() {
        String base = "train-" + STAMP.format(now.get());
        Path p = runsDir.resolve(base);
        for (int i = 2; Files.exists(p); i++) p = runsDir.resolve(base + "-" + i);
        return p;
    }

    private static List<String> traceback(Throwable e) {
        List<String> lines = new ArrayList<>();
        lines.add(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        for (StackTraceElement f : e.getStackTrace()) lines.add("    at " + f);
        return lines;
    }

    /** The progress bar and the live figure, fed by the training thread. */
    private final class LiveTraining implements TrainingListener {
        final Progress progress;
        private final LiveFigure figure;
        private final String group;
        private final List<WindowResult> windows = new ArrayList<>();
        private final List<EvalRecord> evals = new ArrayList<>();
        private String accuracies = "";

        LiveTraining(TrainConfig config, int every) {
            this.progress = Progress.start("train " + config.task().cliName(), config.steps(), sink);
            this.figure = every == 0 ? null : LiveFigure.every(every, sink);
            this.group = config.groups().get(0);
        }

        @Override public void afterStep(StepContext c) {
            progress.update(c.step(), String.format(Locale.ROOT, "loss %.4f%s", c.trainLoss(), accuracies));
        }

        @Override public void afterWindow(String g, WindowResult w) {
            if (!g.equals(group)) return;
            windows.add(w);
            if (figure != null) figure.tick(() -> RunFigures.live(RunSeries.of(windows), evals));
        }

        @Override public void afterEval(EvalRecord e) {
            evals.add(e);
            accuracies = String.format(Locale.ROOT, "  train %.3f  test %.3f", e.trainAcc(), e.testAcc());
        }

        /** The last progress frame and the final figure (of the whole run, also a resumed one). */
        void finish(TrainRun.Result r) {
            TrainingOutcome o = r.outcome();
            progress.update(o.steps());
            progress.finish(o.status().name().toLowerCase(Locale.ROOT) + accuracies);
            List<WindowResult> all = r.windows().getOrDefault(group, List.of());
            if (figure != null && !all.isEmpty()) figure.show(RunFigures.live(RunSeries.of(all), o.evals()));
        }
    }
}
