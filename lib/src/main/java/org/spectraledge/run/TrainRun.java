package org.spectraledge.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.spectraledge.capture.UpdateCapture;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.io.IoErrors;
import org.spectraledge.io.OutputFolder;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.WindowResult;

import org.spectraledge.platform.Denormals;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingOutcome;
import org.spectraledge.train.TrainingLoop;
/**
 * A whole training run with update capture, logged to a {@link RunFolder}: what {@code spectral-edge train} and the
 * {@code %train} magic do. {@link #start} begins a new run; {@link #resume} continues a stopped or killed one from its
 * newest usable checkpoint so that its logs end up identical to an uninterrupted run's.
 */
public final class TrainRun {

    /**
     * The result of a run (or of the resumed part of one).
     *
     * @param config         the configuration
     * @param folder         the run folder
     * @param outcome        how the loop ended (its evals cover the whole run)
     * @param parameters     number of model parameters
     * @param captureSeconds time the training thread spent on update capture in this session (snapshots and results;
     *                       the Gram updates and analyses run beside training on the capture's background thread)
     * @param windows        each group's window results of this session
     * @param notes          things the user should know (e.g. a damaged checkpoint that was skipped)
     */
    public record Result(TrainConfig config, Path folder, TrainingOutcome outcome, long parameters, double captureSeconds,
                         Map<String, List<WindowResult>> windows, List<String> notes) {

        /** First eval with train accuracy ≥ 0.99. */
        public OptionalLong memorizedStep() { return outcome.memorizationStep(); }

        /** First eval with test accuracy ≥ 0.95; empty if the run did not grok. */
        public OptionalLong grokkedStep() { return outcome.grokStep(); }
    }

    private TrainRun() {}

    /**
     * Starts a new run in {@code out}.
     *
     * @param extra more listeners (progress, live figures), called after the logging ones
     * @throws IllegalArgumentException if {@code out} already holds a run, or holds files that are not a run's
     */
    public static Result start(TrainConfig config, Path out, List<TrainingListener> extra) {
        if (OutputFolder.check(out, RunFolder.SUMMARY, "run folder", "--out")) {
            throw new IllegalArgumentException("the run folder " + out + " already holds a run; resume it (--resume) or choose another --out");
        }
        return run(config, out, false, extra);
    }

    /** Continues the run in {@code out} from its newest usable checkpoint (from the start if it has none). */
    public static Result resume(Path out, List<TrainingListener> extra) {
        return run(RunFolder.readConfig(out), out, true, extra);
    }

    private static Result run(TrainConfig config, Path out, boolean resume, List<TrainingListener> extra) {
        List<String> notes = new ArrayList<>();
        try (Experiment exp = Experiment.create(config)) {
            Denormals.flushOnThisThread(true);
            long params = exp.parameterCount();
            int stride = config.stride() > 0 ? config.stride() : UpdateCapture.defaultStride(params);
            AnalysisConfig analysis = AnalysisConfig.builder().optWindow(config.window()).optLearningRate(config.lr()).build();
            try (UpdateCapture capture = new UpdateCapture(exp.parameters(), config.parameterGroups(), stride, analysis);
                 RunFolder folder = new RunFolder(out, capture.groups(), config.window())) {
                capture.addBackgroundSink(folder::append);
                capture.addSink((group, window) -> extra.forEach(l -> l.afterWindow(group, window)));
                long startStep = 0;
                List<EvalRecord> earlier = List.of();
                double earlierSeconds = 0;
                Checkpoint.Restored restored = resume ? restore(folder, exp, capture, notes) : null;
                if (restored != null) {
                    folder.truncateLog(folder.metrics(), restored.metricsRows());
                    restored.windowRows().forEach((g, rows) -> folder.truncateLog(folder.windows(g), rows));
                    startStep = restored.step();
                    earlier = folder.readMetrics();
                    earlierSeconds = previousSeconds(folder);
                } else {
                    if (resume) notes.add("no usable checkpoint in " + folder.checkpoints() + ": the run starts again from step 0");
                    folder.createLogs();
                    capture.start(exp.parameters(), 0);
                }
                folder.writeSummary(config, params, startStep, earlierSeconds, null, null, "running", "");

                TrainingLoop loop = exp.loop(startStep).withEarlierEvals(earlier);
                long[] done = {startStep};
                loop.addListener(capture);
                loop.addListener(new TrainingListener() {
                    @Override public void afterEval(EvalRecord e) { folder.append(e); }
                    @Override public void stepCompleted(long step) {
                        done[0] = step;
                        if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                            checkpoint(folder, step, exp, capture);
                        }
                    }
                });
                extra.forEach(loop::addListener);
                long started = System.nanoTime();
                TrainingOutcome outcome;
                try {
                    outcome = loop.run(exp.manager());
                    // a diverged run keeps its last good checkpoint; any other end is a clean place to resume from
                    if (outcome.status() != TrainingOutcome.Status.DIVERGED && outcome.steps() > startStep
                            && (config.checkpointEvery() == 0 || outcome.steps() % config.checkpointEvery() != 0)) {
                        checkpoint(folder, outcome.steps(), exp, capture);
                    }
                } catch (RuntimeException e) { // a failed write (full disk), a listener's bug: the summary says so
                    markFailed(folder, config, params, done[0], earlierSeconds + (System.nanoTime() - started) / 1e9, e);
                    throw e;
                }
                if (outcome.status() == TrainingOutcome.Status.DIVERGED) {
                    outcome = new TrainingOutcome(outcome.status(), outcome.steps(), outcome.evals(), outcome.seconds(),
                            outcome.message() + " " + lastCheckpoint(folder, config));
                }
                folder.writeSummary(config, params, outcome.steps(), earlierSeconds + outcome.seconds(),
                        box(outcome.memorizationStep()), box(outcome.grokStep()),
                        outcome.status().name().toLowerCase(java.util.Locale.ROOT), outcome.message());
                Map<String, List<WindowResult>> windows = new LinkedHashMap<>();
                for (String g : capture.groups()) windows.put(g, List.copyOf(capture.results(g)));
                return new Result(config, out, outcome, params, capture.seconds(), windows, notes);
            }
        }
    }

    /** Status {@code failed} with the reason, so that the folder does not claim a run that is still going. */
    private static void markFailed(RunFolder folder, TrainConfig config, long params, long steps, double seconds, RuntimeException e) {
        try {
            folder.writeSummary(config, params, steps, seconds, null, null, "failed",
                    "the run stopped after step " + steps + ": " + e.getMessage());
        } catch (RuntimeException summaryFailed) { // e.g. the same full disk
            e.addSuppressed(summaryFailed);
        }
    }

    /** Where a diverged run can be taken up again: its newest checkpoint, or precisely why there is none. */
    private static String lastCheckpoint(RunFolder folder, TrainConfig config) {
        List<Path> files;
        try {
            files = Checkpoint.list(folder);
        } catch (IOException e) {
            return IoErrors.cannot("list the checkpoints in", folder.checkpoints(), e) + ".";
        }
        if (!files.isEmpty()) {
            Path newest = files.get(files.size() - 1);
            return "The last good checkpoint is " + newest + ".";
        }
        return config.checkpointEvery() > 0
                ? "No checkpoint exists: the run diverged before its first one (due at step " + config.checkpointEvery()
                        + ", option checkpoint-every)."
                : "No checkpoint exists: checkpoint-every is 0, and a diverged run writes none at its end.";
    }

    private static Checkpoint.Restored restore(RunFolder folder, Experiment exp, UpdateCapture capture, List<String> notes) {
        try {
            for (Path tmp : Checkpoint.deleteUnfinished(folder)) {
                notes.add("deleted " + tmp + ", a checkpoint whose writing was cut off");
            }
            List<Path> files = new ArrayList<>(Checkpoint.list(folder));
            for (int i = files.size() - 1; i >= 0; i--) {
                try {
                    return Checkpoint.load(files.get(i), exp.parameters(), exp.optimizer(), capture);
                } catch (Checkpoint.CheckpointException e) {
                    notes.add(e.getMessage() + " It was skipped.");
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("resume from", folder.checkpoints(), e), e);
        }
    }

    private static void checkpoint(RunFolder folder, long step, Experiment exp, UpdateCapture capture) {
        try {
            Checkpoint.save(folder, step, exp.parameters(), exp.optimizer(), capture);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("write the checkpoint of step " + step + " in", folder.checkpoints(), e), e);
        }
    }

    private static double previousSeconds(RunFolder folder) {
        try {
            return com.google.gson.JsonParser.parseString(Files.readString(folder.summary())).getAsJsonObject()
                    .get("seconds").getAsDouble();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Long box(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
