package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.NonFiniteUpdateException;

import org.spectraledge.train.model.NamedParameter;
/**
 * The training loop: forward, loss, backward, clip, update, listeners; evaluate every k steps. One screen, each
 * step commented. Deterministic for a given seed and thread count: minibatches come from a permutation per epoch
 * drawn from (seed, epoch), so a resumed run sees exactly the batches an uninterrupted run would.
 */
public final class TrainingLoop {
    private final Block model;
    private final List<NamedParameter> parameters;
    private final StatefulOptimizer optimizer;
    private final Objective objective;
    private final TensorSplit train;
    private final TensorSplit test;
    private final LoopSettings settings;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final List<EvalRecord> evals = new ArrayList<>();

    /**
     * @param model      an initialized block
     * @param parameters its parameters by stable name (those requiring gradients are trained)
     * @param optimizer  the optimizer (it zeroes each gradient after using it)
     * @param objective  loss and accuracy
     * @param train      training examples
     * @param test       held-out examples
     * @param settings   steps, batch size, clipping, evaluation schedule, seed
     */
    public TrainingLoop(Block model, List<NamedParameter> parameters, StatefulOptimizer optimizer, Objective objective,
                        TensorSplit train, TensorSplit test, LoopSettings settings) {
        this.model = model;
        this.parameters = List.copyOf(parameters);
        this.optimizer = optimizer;
        this.objective = objective;
        this.train = train;
        this.test = test;
        this.settings = settings;
        for (NamedParameter p : parameters) p.parameter().getArray().setRequiresGradient(p.parameter().requiresGradient());
    }

    /** Adds a listener; listeners run in the order added. */
    public TrainingLoop addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Evaluations of earlier sessions of a resumed run, so the outcome covers the whole run. */
    public TrainingLoop withEarlierEvals(List<EvalRecord> earlier) {
        evals.addAll(earlier);
        return this;
    }

    /**
     * Trains from step {@code settings.startStep()} + 1 to {@code settings.steps()}.
     *
     * @param manager the manager under which each step opens (and closes) its own sub-manager
     */
    public TrainingOutcome run(NDManager manager) {
        long started = System.nanoTime();
        long step = settings.startStep();
        TrainingOutcome.Status status = TrainingOutcome.Status.COMPLETED;
        String message = "";
        while (step < settings.steps()) {
            if (Thread.currentThread().isInterrupted()) {
                status = TrainingOutcome.Status.INTERRUPTED;
                message = "interrupted after step " + step + "; the log up to there is kept";
                break;
            }
            long next = step + 1;
            double loss, norm;
            double lr = settings.learningRate(next);
            try (NDManager scope = manager.newSubManager()) {
                // 1. the batch: all examples, or a slice of this epoch's seeded permutation
                TensorSplit batch = settings.batchSize() == 0 ? train.copyTo(scope) : train.select(scope, batchRows(next));
                // 2. forward and loss while recording, then backward
                try (ThreadGradients collector = new ThreadGradients()) { // not DJL's collector: one per JVM, see there
                    NDList output = model.forward(new ParameterStore(scope, false), batch.inputs(), true);
                    NDArray lossArray = objective.loss(output, batch.labels());
                    loss = scalar(lossArray);
                    if (!Double.isFinite(loss)) {
                        status = TrainingOutcome.Status.DIVERGED;
                        message = divergence("the training loss is " + loss, next, true);
                        zeroGradients();
                        break;
                    }
                    collector.backward(lossArray);
                }
                // 3. global-norm clipping (norm reported even when not clipping)
                norm = settings.clip() > 0 ? GradClip.clipGlobalNorm(model.getParameters(), settings.clip()) : gradientNorm();
                if (!Double.isFinite(norm)) {
                    status = TrainingOutcome.Status.DIVERGED;
                    message = divergence("the gradient norm is " + norm, next, true);
                    zeroGradients();
                    break;
                }
                // 4. the update (the optimizer zeroes each gradient it used)
                for (NamedParameter p : parameters) {
                    if (!p.parameter().requiresGradient()) continue;
                    NDArray weight = p.parameter().getArray();
                    try (NDArray grad = weight.getGradient()) {
                        optimizer.update(p.parameter().getId(), weight, grad);
                    }
                }
            }
            step = next;
            // 5. listeners see the updated parameters
            StepContext context = new StepContext(step, loss, norm, lr, parameters);
            try {
                for (TrainingListener l : listeners) l.afterStep(context);
            } catch (NonFiniteUpdateException e) {
                status = TrainingOutcome.Status.DIVERGED;
                message = divergence("the parameter update is not finite (" + e.getMessage() + ")", step, false);
                break;
            }
            // 6. evaluation, and the early stop at the target accuracy
            if (step % settings.evalEvery() == 0 || step == settings.steps()) {
                EvalRecord eval = evaluate(manager, step);
                evals.add(eval);
                for (TrainingListener l : listeners) l.afterEval(eval);
                if (settings.targetTestAccuracy() > 0 && eval.testAcc() >= settings.targetTestAccuracy()) {
                    status = TrainingOutcome.Status.TARGET_REACHED;
                    message = "test accuracy " + eval.testAcc() + " reached the target " + settings.targetTestAccuracy()
                            + " at step " + step;
                }
            }
            for (TrainingListener l : listeners) l.stepCompleted(step);
            if (status == TrainingOutcome.Status.TARGET_REACHED) break;
        }
        if (status == TrainingOutcome.Status.COMPLETED) message = "completed " + step + " steps";
        TrainingOutcome outcome = new TrainingOutcome(status, step, evals, (System.nanoTime() - started) / 1e9, message);
        for (TrainingListener l : listeners) l.onEnd(outcome);
        return outcome;
    }

    /** Loss and accuracy on the whole train and test sets, without recording gradients. */
    public EvalRecord evaluate(NDManager manager, long step) {
        try (NDManager scope = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(scope, false);
            double[] tr = lossAndAccuracy(store, train.copyTo(scope));
            double[] te = lossAndAccuracy(store, test.copyTo(scope));
            return new EvalRecord(step, tr[0], tr[1], te[0], te[1]);
        }
    }

    private double[] lossAndAccuracy(ParameterStore store, TensorSplit split) {
        NDList output = model.forward(store, split.inputs(), false);
        double loss = scalar(objective.loss(output, split.labels()));
        double accuracy = (double) objective.correct(output, split.labels()) / objective.count(split.labels());
        return new double[] {loss, accuracy};
    }

    /** Rows of the batch for a step: epoch e = ⌊(t−1)·B / N⌋ uses the permutation drawn from (seed, e). */
    int[] batchRows(long step) {
        int n = train.size(), b = Math.min(settings.batchSize(), n);
        long first = (step - 1) * b;
        int[] rows = new int[b];
        long epoch = -1;
        int[] perm = null;
        for (int i = 0; i < b; i++) {
            long position = first + i;
            if (position / n != epoch) {
                epoch = position / n;
                perm = new SeededRandom(settings.seed() * 0x9E3779B97F4A7C15L + epoch).permutation(n);
            }
            rows[i] = perm[(int) (position % n)];
        }
        return rows;
    }

    private double gradientNorm() {
        double sum = 0;
        for (NamedParameter p : parameters) {
            NDArray w = p.parameter().getArray();
            if (!p.parameter().requiresGradient() || !w.hasGradient()) continue;
            try (NDArray g = w.getGradient(); NDArray squares = g.square(); NDArray n = squares.sum()) {
                sum += scalar(n);
            }
        }
        return Math.sqrt(sum);
    }

    private void zeroGradients() {
        for (NamedParameter p : parameters) {
            NDArray w = p.parameter().getArray();
            if (w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    /** The value of a one-element array of any numeric type. */
    private static double scalar(NDArray a) {
        return a.toArray()[0].doubleValue();
    }

    /**
     * @param updateSkipped whether the step's update was left out, so that the parameters are still those of the step
     *                      before (a non-finite loss or gradient); a non-finite update is found only once applied
     */
    private static String divergence(String what, long step, boolean updateSkipped) {
        return "training diverged at step " + step + ": " + what + ". Nothing of step " + step + " is logged"
                + (updateSkipped ? ", and the parameters are those of step " + (step - 1) : "; the parameters hold its non-finite update")
                + ". Try a smaller learning rate (option lr), gradient clipping (clip 1.0) or a warmup (warmup 100).";
    }
}
