package org.spectraledge.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.spectraledge.capture.UpdateCapture;
import org.spectraledge.datasets.TaskName;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.WindowResult;

import org.spectraledge.platform.Denormals;
import org.spectraledge.train.TensorSplit;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.LoopSettings;
import org.spectraledge.train.TrainingOutcome;
import org.spectraledge.train.TrainingLoop;
/**
 * A training run kept open in memory: the {@link Experiment} (model, optimizer state, data) and its
 * {@link UpdateCapture} live until {@link #close()}, so a notebook can
 * <ul>
 *   <li>train in phases ({@link #train(long)} continues where the last call stopped; two calls of 500 steps give
 *       exactly the evaluations and windows of one call of 1,000),</li>
 *   <li>switch the task between phases ({@link #switchTask}: same inputs, new labels, same model and optimizer
 *       state — the forgetting experiment of framework §5), and</li>
 *   <li>probe the trained model with the window's directions v_j (framework §6: {@link #experiment()} gives the model
 *       and objective, {@link #capture()} the directions and the group's {@code selection}).</li>
 * </ul>
 * The capture window runs on across phase boundaries, so the windows right after a switch mix updates of both tasks,
 * as they would in any run whose task changes. Nothing is written to disk: for a logged, resumable run use
 * {@link TrainRun}.
 *
 * <pre>{@code
 * try (TrainSession s = TrainSession.open(TrainConfig.of(Map.of("p", "31")))) {
 *     s.train(1500);          // a + b
 *     s.switchTask("sub");    // the same pairs, now labelled a − b
 *     s.train(1500);
 *     GapSeries.of(s.windows("all"));
 * }
 * }</pre>
 */
public final class TrainSession implements AutoCloseable {

    /**
     * A stretch of training on one task.
     *
     * @param task      the task trained on
     * @param startStep steps taken before the phase (the phase trains steps startStep + 1 … endStep)
     * @param endStep   the last step of the phase
     */
    public record Phase(String task, long startStep, long endStep) {}

    private final Experiment experiment;
    private final UpdateCapture capture;
    private final List<EvalRecord> evals = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private List<TrainingListener> extra = List.of();
    private TensorSplit train;
    private TensorSplit test;
    private String task;
    private long step;
    private double seconds;
    private TrainingOutcome.Status lastStatus = TrainingOutcome.Status.COMPLETED;

    private TrainSession(Experiment experiment, AnalysisConfig analysis) {
        this.experiment = experiment;
        TrainConfig c = experiment.config();
        int stride = c.stride() > 0 ? c.stride() : UpdateCapture.defaultStride(experiment.parameterCount());
        this.capture = new UpdateCapture(experiment.parameters(), c.parameterGroups(), stride, analysis);
        capture.addSink((group, window) -> extra.forEach(l -> l.afterWindow(group, window)));
        capture.start(experiment.parameters(), 0);
        this.train = experiment.train();
        this.test = experiment.test();
        this.task = c.task().cliName();
    }

    /** Opens a session with the configuration's window W and learning rate η (for 𝒜) and framework defaults (§1–§5) otherwise. */
    public static TrainSession open(TrainConfig config) {
        return open(config, AnalysisConfig.builder().optWindow(config.window()).optLearningRate(config.lr()).build());
    }

    /**
     * Opens a session with explicit analysis settings (e.g. other 𝒜 regime thresholds). The configuration's
     * {@code steps} is not used: each {@link #train(long)} call says how many steps to take.
     */
    public static TrainSession open(TrainConfig config, AnalysisConfig analysis) {
        if (analysis.window() != config.window()) {
            throw new IllegalArgumentException("the analysis window W = " + analysis.window() + " differs from the run's --window "
                    + config.window() + "; set the same W in both");
        }
        Experiment experiment = Experiment.create(config);
        try {
            return new TrainSession(experiment, analysis);
        } catch (RuntimeException e) {
            experiment.close();
            throw e;
        }
    }

    /** {@link #train(long, List)} without extra listeners. */
    public TrainingOutcome train(long steps) {
        return train(steps, List.of());
    }

    /**
     * Trains {@code steps} more optimizer steps on the current task, evaluating every {@code eval-every} steps and at
     * the last one. Stops early at the configuration's target accuracy (if set), on divergence or on interrupt.
     *
     * @param extra more listeners (progress, live figures), called after the capture
     * @return how this phase ended; its evaluations cover the whole session
     * @throws IllegalStateException if an earlier call diverged (the parameters hold no trustworthy state to continue)
     */
    public TrainingOutcome train(long steps, List<TrainingListener> extra) {
        return train(steps, null, extra);
    }

    /**
     * {@link #train(long, List)} with an intervention: a listener that rewrites each step's parameter update before the
     * capture (and every other listener) sees it, such as the gap collapse of framework §6. The capture then windows
     * the updates as modified.
     *
     * @param intervention runs first after every optimizer step and may write the parameters; {@code null} for none
     */
    public TrainingOutcome train(long steps, TrainingListener intervention, List<TrainingListener> extra) {
        if (steps < 1) throw new IllegalArgumentException("train at least 1 step, got " + steps);
        if (lastStatus == TrainingOutcome.Status.DIVERGED) {
            throw new IllegalStateException("this session diverged at step " + (step + 1) + "; open a new session "
                    + "(e.g. with a smaller learning rate, option lr)");
        }
        TrainingLoop loop = loopUntil(step + steps).withEarlierEvals(evals);
        if (intervention != null) loop.addListener(intervention);
        loop.addListener(capture);
        extra.forEach(loop::addListener);
        this.extra = List.copyOf(extra);
        Denormals.flushOnThisThread(true);
        TrainingOutcome outcome;
        try {
            outcome = loop.run(experiment.manager());
        } finally {
            this.extra = List.of();
        }
        evals.clear();
        evals.addAll(outcome.evals());
        if (outcome.steps() > step) extendPhase(outcome.steps());
        step = outcome.steps();
        seconds += outcome.seconds();
        lastStatus = outcome.status();
        return outcome;
    }

    private void extendPhase(long end) {
        Phase last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
        if (last != null && last.task().equals(task) && last.endStep() == step) {
            phases.set(phases.size() - 1, new Phase(task, last.startStep(), end));
        } else {
            phases.add(new Phase(task, step, end));
        }
    }

    /**
     * From the next step on, trains and evaluates on another modular task over the same inputs (same p, fraction,
     * seed: the same pairs in the same split), keeping the model, the optimizer state and the capture window.
     *
     * @see Experiment#relabeled(String)
     */
    public void switchTask(String newTask) {
        Experiment.TaskTensors t = experiment.relabeled(newTask);
        train = t.train();
        test = t.test();
        task = TaskName.parse(newTask).cliName();
    }

    /**
     * Loss and accuracy of the model as it is now on the current task's train and test data, labelled with the current
     * step; not added to {@link #evals()}. After {@link #switchTask} this measures what the model knows of the new task
     * before any step on it (or, switching back, how much of the old task it has forgotten).
     */
    public EvalRecord evaluate() {
        return loopUntil(Math.max(step, 1)).evaluate(experiment.manager(), step);
    }

    /** A loop over the current task's data from the current step to {@code lastStep}, with the configuration's settings. */
    private TrainingLoop loopUntil(long lastStep) {
        TrainConfig c = experiment.config();
        LoopSettings settings = new LoopSettings(lastStep, step, c.batch(), c.clip(), c.lr(), c.warmup(), c.evalEvery(),
                c.target(), c.seed());
        return new TrainingLoop(experiment.model(), experiment.parameters(), experiment.optimizer(), experiment.objective(),
                train, test, settings);
    }

    /**
     * A point this session can return to: its step, task, evaluations and phases, the weights, the optimizer state and
     * the capture windows, held in memory. Training on from the same branch point twice sees the same minibatches
     * (they are a function of seed and step), so two branches differ only by what was done to them.
     */
    public static final class BranchPoint {
        private final TrainSession owner;
        private final long step;
        private final String task;
        private final TensorSplit train;
        private final TensorSplit test;
        private final List<EvalRecord> evals;
        private final List<Phase> phases;
        private final byte[] model;
        private final UpdateCapture.Mark capture;

        private BranchPoint(TrainSession owner, byte[] model) {
            this.owner = owner;
            this.step = owner.step;
            this.task = owner.task;
            this.train = owner.train;
            this.test = owner.test;
            this.evals = List.copyOf(owner.evals);
            this.phases = List.copyOf(owner.phases);
            this.model = model;
            this.capture = owner.capture.mark();
        }

        /** Optimizer steps taken at the branch point. */
        public long step() { return step; }
    }

    /** Marks this session's state now, to {@link #restore} later (e.g. to train one checkpoint two ways). */
    public BranchPoint mark() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Checkpoint.writeModel(out, experiment.parameters(), experiment.optimizer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        return new BranchPoint(this, bytes.toByteArray());
    }

    /** Returns to a {@link #mark()} of this session: everything trained since is undone. */
    public void restore(BranchPoint point) {
        if (point.owner != this) throw new IllegalArgumentException("the branch point belongs to another session");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(point.model))) {
            Checkpoint.readModel(in, experiment.parameters(), experiment.optimizer(), IOException::new);
        } catch (IOException e) {
            throw new UncheckedIOException("a branch point of this session could not be read back", e);
        }
        capture.reset(point.capture);
        step = point.step;
        task = point.task;
        train = point.train;
        test = point.test;
        evals.clear();
        evals.addAll(point.evals);
        phases.clear();
        phases.addAll(point.phases);
        lastStatus = TrainingOutcome.Status.COMPLETED;
    }

    /** Optimizer steps taken so far. */
    public long step() { return step; }

    /** The task trained on now. */
    public String task() { return task; }

    /** The phases so far, in order (consecutive calls on one task form one phase). */
    public List<Phase> phases() { return List.copyOf(phases); }

    /** Every evaluation so far (each on the task of its time). */
    public List<EvalRecord> evals() { return List.copyOf(evals); }

    /** The evaluations as an eval log (memorization and grok steps). */
    public EvalLog evalLog() {
        if (evals.isEmpty()) throw new IllegalStateException("no evaluation yet: call train(steps) first");
        return new EvalLog(evals);
    }

    /** Every window result of a captured group so far, labelled by optimizer step. */
    public List<WindowResult> windows(String group) { return List.copyOf(capture.results(group)); }

    /** The live experiment: model, parameters, objective, optimizer (valid until {@link #close()}). */
    public Experiment experiment() { return experiment; }

    /** The live capture: each group's window (directions v_j) and parameter selection. */
    public UpdateCapture capture() { return capture; }

    /** The training examples of the current task. */
    public TensorSplit trainData() { return train; }

    /** The held-out examples of the current task. */
    public TensorSplit testData() { return test; }

    /** Wall-clock seconds spent training so far. */
    public double seconds() { return seconds; }

    @Override
    public void close() {
        try {
            capture.close();
        } finally {
            experiment.close();
        }
    }
}
