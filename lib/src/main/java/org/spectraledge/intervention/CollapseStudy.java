package org.spectraledge.intervention;

import java.util.ArrayList;
import java.util.List;
import org.spectraledge.capture.UpdateCapture;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainSession;
import org.spectraledge.spectral.Spectrum;
import org.spectraledge.spectral.WindowResult;

/**
 * The gap collapse intervention on one run (framework §6): train to each branch point t₀, then from the same weights,
 * optimizer state and minibatches train
 * <ol>
 *   <li>the control: K + L steps unmodified, and</li>
 *   <li>for each position j: K steps with every update's dominant block shrunk ({@link GapCollapseProjection}, from
 *       the window at t₀), then L steps unmodified;</li>
 * </ol>
 * each followed by the grok budget, and record losses at t₀ + K and t₀ + K + L, the window at t₀ + K and the grok step.
 * The run itself continues from t₀ unmodified to the next branch point. No early stop at the target accuracy: every
 * branch trains the same number of steps.
 *
 * <pre>{@code
 * List<CollapseTrial> trials = CollapseStudy.run(config, GapCollapse.builder().optContinued(500).build(),
 *         List.of(800L, 1200L), new CollapseListener() {});
 * CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_COLLAPSE, Bootstrap.withSeed(1));
 * }</pre>
 */
public final class CollapseStudy {
    private CollapseStudy() {}

    /**
     * Runs the protocol on the run of {@code config} (its seed) at each branch point.
     *
     * @param origins  t₀ values, ascending, each a multiple of the capture stride with a full window behind it
     * @param listener hears each branch and trial as it finishes
     * @return one trial per branch point, in order
     */
    public static List<CollapseTrial> run(TrainConfig config, GapCollapse collapse, List<Long> origins, CollapseListener listener) {
        validate(config, collapse, origins);
        TrainConfig noEarlyStop = config.toBuilder().optTarget(0).build();
        List<CollapseTrial> trials = new ArrayList<>();
        try (TrainSession session = TrainSession.open(noEarlyStop)) {
            UpdateCapture capture = session.capture();
            String group = collapse.group().isEmpty() ? capture.groups().get(0) : collapse.group();
            capture.selection(group); // names the captured groups if this one is not among them
            int window = config.window(), stride = capture.stride();
            long steps = collapse.stepsFor(window, stride);
            List<Integer> positions = collapse.positionsFor(window);
            checkOrigins(origins, window, stride);
            for (long origin : origins) {
                session.train(origin - session.step());
                WindowResult atOrigin = lastWindow(session, group);
                if (atOrigin.step() != origin || atOrigin.partial()) {
                    throw new IllegalStateException("no full window at t₀ = " + origin + " (the last is at step " + atOrigin.step() + ")");
                }
                Spectrum spectrum = atOrigin.spectrum();
                double[][] directions = capture.window(group).directions(window - 1);
                EvalRecord there = session.evaluate();
                TrainSession.BranchPoint point = session.mark();
                CollapseBranch control = branch(session, group, collapse, steps, null, 0, 0);
                listener.branchFinished(origin, control);
                List<CollapseBranch> collapsed = new ArrayList<>();
                for (int j : positions) {
                    session.restore(point);
                    GapCollapseProjection projection = new GapCollapseProjection(j, directions, spectrum.sigma());
                    UpdateProjector projector = new UpdateProjector(session.experiment().parameters(), capture.selection(group), projection);
                    CollapseBranch b = branch(session, group, collapse, steps, projector, j, projection.shrink());
                    collapsed.add(b);
                    listener.branchFinished(origin, b);
                }
                session.restore(point);
                CollapseTrial trial = new CollapseTrial(config.seed(), origin, spectrum.sigma(), atOrigin.gaps().ratios(), collapse.rule(),
                        atOrigin.gaps().by(collapse.rule()).kStar(), there, steps, collapse.continued(), control, collapsed);
                trials.add(trial);
                listener.trialFinished(trial);
            }
        }
        return trials;
    }

    /** K steps (modified when a projector is given), the window there, L more steps, then the grok budget. */
    private static CollapseBranch branch(TrainSession session, String group, GapCollapse collapse, long steps,
                                         UpdateProjector projector, int position, double shrink) {
        long started = System.nanoTime();
        session.train(steps, projector, List.of());
        EvalRecord afterSteps = session.evaluate();
        WindowResult window = lastWindow(session, group);
        EvalRecord afterContinued = afterSteps;
        if (collapse.continued() > 0) {
            session.train(collapse.continued());
            afterContinued = session.evaluate();
        }
        if (collapse.budget() > 0) session.train(collapse.budget());
        long grok = session.evalLog().grokStep().orElse(-1);
        return new CollapseBranch(position, shrink, afterSteps, afterContinued, window.gaps().ratios(),
                window.gaps().by(collapse.rule()).kStar(), grok, (System.nanoTime() - started) / 1e9);
    }

    private static WindowResult lastWindow(TrainSession session, String group) {
        List<WindowResult> windows = session.windows(group);
        if (windows.isEmpty()) throw new IllegalStateException("group '" + group + "' has no window yet");
        return windows.get(windows.size() - 1);
    }

    /**
     * Checks a study before any training: the positions exist in a window of W, and each branch point is a capture step
     * with a full window behind it, in ascending order (with stride 0, which depends on the model's size, the branch
     * points are checked once the model is built).
     *
     * @throws IllegalArgumentException naming the bad value and the fix
     */
    public static void validate(TrainConfig config, GapCollapse collapse, List<Long> origins) {
        collapse.positionsFor(config.window());
        checkOrigins(origins, config.window(), Math.max(1, config.stride()));
    }

    private static void checkOrigins(List<Long> origins, int window, int stride) {
        if (origins.isEmpty()) throw new IllegalArgumentException("give at least one branch point t₀");
        long earliest = (long) window * stride;
        long last = 0;
        for (long t : origins) {
            if (t % stride != 0) throw new IllegalArgumentException("t₀ = " + t + " is not a capture step: use a multiple of the stride " + stride);
            if (t < earliest) {
                throw new IllegalArgumentException("t₀ = " + t + " has no full window behind it: the first is at step " + earliest
                        + " (W = " + window + " updates, one every " + stride + " steps)");
            }
            if (t <= last) throw new IllegalArgumentException("branch points must ascend, got " + origins);
            last = t;
        }
    }
}
