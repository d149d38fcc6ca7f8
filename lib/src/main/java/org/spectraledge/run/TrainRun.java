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
     * @throws IllegalArgumentException if {@code out} already holds a run
     */
    public static Result start(TrainConfig config, Path out, List<TrainingListener> extra) {
        if (Files.exists(out.resolve("summary.json"))) {
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
                loop.addListener(capture);
                loop.addListener(new TrainingListener() {
                    @Override public void afterEval(EvalRecord e) { folder.append(e); }
                    @Override public void stepCompleted(long step) {
                        if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                            checkpoint(folder, step, exp, capture);
                        }
                    }
                });
                extra.forEach(loop::addListener);
                TrainingOutcome outcome = loop.run(exp.manager());
                // a diverged run keeps its last good checkpoint; any other end is a clean place to resume from
                if (outcome.status() != TrainingOutcome.Status.DIVERGED && outcome.steps() > startStep
                        && (config.checkpointEvery() == 0 || outcome.steps() % config.checkpointEvery() != 0)) {
                    checkpoint(folder, outcome.steps(), exp, capture);
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

    private static Checkpoint.Restored restore(RunFolder folder, Experiment exp, UpdateCapture capture, List<String> notes) {
        try {
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
            throw new UncheckedIOException("cannot resume from " + folder.checkpoints() + ": " + e.getMessage(), e);
        }
    }

    private static void checkpoint(RunFolder folder, long step, Experiment exp, UpdateCapture capture) {
        try {
            Checkpoint.save(folder, step, exp.parameters(), exp.optimizer(), capture);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of step " + step + " in " + folder.checkpoints()
                    + ": " + e.getMessage(), e);
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
