package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.spectraledge.platform.Engines;
/**
 * A DJL {@link Optimizer} whose per-parameter state (step count and moment arrays) lives in native
 * memory it owns, and can be saved and restored for checkpoints.
 *
 * <p>What DJL leaves to a custom optimizer (checked in the DJL 0.36 source):
 * <ul>
 *   <li><b>Zeroing gradients.</b> PyTorch accumulates gradients across backward passes, and DJL's
 *       PyTorch gradient collector does not zero them; DJL's built-in optimizers zero them in native
 *       code after their update. {@link #update} does the same, so the next backward starts from 0.
 *       The {@code grad} argument is a copy made by DJL's parameter server, not the gradient itself.</li>
 *   <li><b>Memory.</b> Arrays computed from an array go to that array's manager; for a parameter that
 *       is the model's manager, which would grow every step. Each update therefore runs in a
 *       sub-manager that temporarily holds the weight, the gradient and the state, and frees every
 *       temporary when it closes. The state itself lives in a manager owned by this optimizer, created
 *       at the first update and freed by {@link #close()}.</li>
 *   <li><b>Autograd.</b> The update runs with PyTorch's grad mode off (restored afterwards), so that
 *       in-place changes of a leaf that requires a gradient are legal and no graph is built, even if
 *       {@code step()} is called inside a gradient-recording block.</li>
 *   <li><b>Step counts.</b> DJL's {@code Optimizer.updateCount} keeps one global counter. Like
 *       {@code torch.optim}, this class counts steps per parameter (1 at the first update), which is
 *       what bias correction and learning-rate schedules receive.</li>
 * </ul>
 * {@code setRescaleGrad} is honoured (the gradient is multiplied by it first);
 * {@code optClipGrad} and {@code optBeginNumUpdate} are refused by the builder (see
 * {@link Builder}).
 *
 * <p>Works with DJL's PyTorch engine only (the gradient is zeroed through its JNI).
 */
public abstract class StatefulOptimizer extends Optimizer implements AutoCloseable {

    private static final String MAGIC = "spectral-edge optimizer state";
    private static final int FORMAT = 1;

    /** Step count and moment arrays of one parameter. */
    private static final class State {
        long step;
        final NDArray[] slots;

        State(long step, NDArray[] slots) {
            this.step = step;
            this.slots = slots;
        }
    }

    private final ParameterTracker learningRate;
    private final double weightDecay;
    private final Map<String, State> states = new LinkedHashMap<>();
    private NDManager stateManager;

    protected StatefulOptimizer(Builder<?> builder) {
        super(builder);
        this.learningRate = builder.learningRate;
        this.weightDecay = builder.weightDecay;
    }

    /**
     * Number of state arrays (each shaped like the weight) a parameter needs: 2 for Adam's moments,
     * 1 for a momentum buffer, 0 for none.
     */
    protected abstract int slotCount(String parameterId, Shape shape);

    /**
     * Applies one step to {@code weight} in place.
     *
     * @param parameterId DJL's id of the parameter
     * @param weight the parameter (modified)
     * @param grad its gradient, already multiplied by {@code rescaleGrad} (not modified)
     * @param step number of this step for this parameter, 1 at the first update
     * @param slots the state arrays, zero at the first step (modified)
     */
    protected abstract void apply(String parameterId, NDArray weight, NDArray grad, long step, NDArray[] slots);

    /** The decay coefficient ω (its meaning, L2 or decoupled, is the subclass's). */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * The learning rate for a parameter's step, from the tracker.
     *
     * @throws IllegalStateException if the tracker returns a negative or non-finite value
     */
    protected double learningRate(String parameterId, long step) {
        float lr = learningRate.getNewValue(parameterId, Math.toIntExact(step));
        if (!(lr >= 0) || Float.isInfinite(lr)) {
            throw new IllegalStateException("the learning-rate tracker returned " + lr + " at step " + step
                    + " of parameter " + parameterId + "; it must be finite and >= 0");
        }
        return lr;
    }

    /**
     * Updates {@code weight} from {@code grad} and zeroes the weight's gradient.
     *
     * @param parameterId DJL's id of the parameter (the key of its state)
     * @param weight the parameter (modified)
     * @param grad its gradient (not modified)
     */
    @Override
    public synchronized void update(String parameterId, NDArray weight, NDArray grad) {
        if (!(weight instanceof PtNDArray)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " works with DJL's PyTorch engine only, "
                    + "but the weight is a " + weight.getClass().getName() + ". Fix: start the engine with Engines.start().");
        }
        if (!weight.getShape().equals(grad.getShape())) {
            throw new IllegalArgumentException("gradient shape " + grad.getShape() + " differs from weight shape "
                    + weight.getShape() + " for parameter " + parameterId);
        }
        State state = stateFor(parameterId, weight);
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scope = NDManager.subManagerOf(weight)) {
            scope.tempAttachAll(weight, grad);
            scope.tempAttachAll(state.slots);
            NDArray g = rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
            state.step++;
            apply(parameterId, weight, g, state.step, state.slots);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Steps applied so far to a parameter; 0 if it was never updated. */
    public synchronized long steps(String parameterId) {
        State state = states.get(parameterId);
        return state == null ? 0 : state.step;
    }

    private State stateFor(String parameterId, NDArray weight) {
        int count = slotCount(parameterId, weight.getShape());
        State state = states.get(parameterId);
        if (state == null) {
            NDArray[] slots = new NDArray[count];
            for (int i = 0; i < count; i++) {
                slots[i] = manager(weight).zeros(weight.getShape(), weight.getDataType());
            }
            state = new State(0, slots);
            states.put(parameterId, state);
            return state;
        }
        if (state.slots.length != count) {
            throw new IllegalStateException("the restored state of parameter " + parameterId + " has "
                    + state.slots.length + " arrays but " + getClass().getSimpleName() + " needs " + count
                    + ": the checkpoint was written by a differently configured optimizer");
        }
        for (NDArray slot : state.slots) {
            if (!slot.getShape().equals(weight.getShape())) {
                throw new IllegalStateException("the restored state of parameter " + parameterId + " has shape "
                        + slot.getShape() + " but the parameter has shape " + weight.getShape()
                        + ": the checkpoint belongs to a different model");
            }
        }
        return state;
    }

    private NDManager manager(NDArray like) {
        if (stateManager == null) {
            stateManager = NDManager.newBaseManager(like.getDevice(), like.getManager().getEngine().getEngineName());
        }
        return stateManager;
    }

    /**
     * Writes every parameter's step count and state arrays.
     *
     * <p>Format: the text {@value #MAGIC}, a format number, the optimizer's class name, the number of
     * parameters, then per parameter its key, step count, number of arrays and each array in DJL's
     * {@link NDArray#encode()} form (length-prefixed).
     *
     * @param out the stream (modified)
     * @param keyOfId maps DJL's parameter id (random per run) to a stable key, usually its name
     */
    public synchronized void saveState(DataOutputStream out, UnaryOperator<String> keyOfId) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(getClass().getName());
        out.writeInt(states.size());
        for (Map.Entry<String, State> entry : states.entrySet()) {
            String key = keyOfId.apply(entry.getKey());
            if (key == null) {
                throw new IllegalArgumentException("no key for parameter id " + entry.getKey());
            }
            out.writeUTF(key);
            out.writeLong(entry.getValue().step);
            out.writeInt(entry.getValue().slots.length);
            for (NDArray slot : entry.getValue().slots) {
                byte[] bytes = slot.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * Replaces the state by the one {@link #saveState} wrote. Shapes are checked at the next update.
     *
     * @param in the stream (read)
     * @param idOfKey maps a saved key back to this run's parameter id
     * @throws IOException if the stream is not an optimizer state of this class
     */
    public synchronized void loadState(DataInputStream in, UnaryOperator<String> idOfKey) throws IOException {
        String magic = in.readUTF();
        int format = in.readInt();
        if (!MAGIC.equals(magic) || format != FORMAT) {
            throw new IOException("not an optimizer state of format " + FORMAT + " (found '" + magic + "', " + format + ")");
        }
        String kind = in.readUTF();
        if (!kind.equals(getClass().getName())) {
            throw new IOException("the saved state belongs to " + kind + ", not to " + getClass().getName());
        }
        Map<String, State> loaded = new LinkedHashMap<>();
        NDManager manager = stateManager != null ? stateManager : NDManager.newBaseManager();
        stateManager = manager;
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            String id = idOfKey.apply(key);
            if (id == null) {
                throw new IOException("the saved state has parameter '" + key + "', which this model does not have");
            }
            long step = in.readLong();
            NDArray[] slots = new NDArray[in.readInt()];
            for (int s = 0; s < slots.length; s++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                slots[s] = NDArray.decode(manager, bytes);
            }
            loaded.put(id, new State(step, slots));
        }
        closeStates();
        states.putAll(loaded);
    }

    /** {@link #saveState(DataOutputStream, UnaryOperator)} keyed by the parameters' names. */
    public void saveState(DataOutputStream out, ParameterList parameters) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (Pair<String, Parameter> p : parameters) {
            names.put(p.getValue().getId(), p.getKey());
        }
        saveState(out, names::get);
    }

    /** {@link #loadState(DataInputStream, UnaryOperator)} keyed by the parameters' names. */
    public void loadState(DataInputStream in, ParameterList parameters) throws IOException {
        Map<String, String> ids = new HashMap<>();
        for (Pair<String, Parameter> p : parameters) {
            ids.put(p.getKey(), p.getValue().getId());
        }
        loadState(in, ids::get);
    }

    /** Frees the state arrays; the optimizer starts from zero state if used again. */
    @Override
    public synchronized void close() {
        closeStates();
        if (stateManager != null) {
            stateManager.close();
            stateManager = null;
        }
    }

    private void closeStates() {
        for (State state : states.values()) {
            for (NDArray slot : state.slots) {
                slot.close();
            }
        }
        states.clear();
    }

    /**
     * Common builder: the learning rate (required) and the weight decay ω.
     *
     * <p>DJL's {@code optClipGrad} is refused: in the PyTorch engine it is {@code clamp_max}, i.e. it
     * clips each gradient element from above only and leaves large negative gradients alone. Clip by
     * global norm with {@link GradClip#clipGlobalNorm} before {@code trainer.step()} instead.
     * {@code optBeginNumUpdate} is refused too: steps are counted per parameter and restored by
     * {@link #loadState}.
     */
    public abstract static class Builder<B extends Builder<B>> extends OptimizerBuilder<B> {
        private ParameterTracker learningRate;
        private double weightDecay;

        protected Builder(double defaultWeightDecay) {
            this.weightDecay = defaultWeightDecay;
        }

        /** Required (or {@link #setLearningRateTracker}): a constant learning rate η. */
        public B setLearningRate(float learningRate) {
            if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
            }
            this.learningRate = Tracker.fixed(learningRate);
            return self();
        }

        /**
         * Required (or {@link #setLearningRate}): a schedule, called with the parameter id and the
         * parameter's 1-based step; e.g. DJL's {@code WarmUpTracker} for a linear warm-up.
         */
        public B setLearningRateTracker(ParameterTracker tracker) {
            this.learningRate = tracker;
            return self();
        }

        /** The weight decay ω; see the optimizer for whether it is L2 or decoupled and its default. */
        @Override
        public B optWeightDecays(float weightDecay) {
            this.weightDecay = weightDecay;
            return super.optWeightDecays(weightDecay);
        }

        /** Refused: see the class comment. */
        @Override
        public B optClipGrad(float clipGrad) {
            throw new UnsupportedOperationException("DJL's clipGrad clips each gradient element from above only; "
                    + "use GradClip.clipGlobalNorm(parameters, maxNorm) before trainer.step() instead");
        }

        /** Refused: see the class comment. */
        @Override
        public B optBeginNumUpdate(int beginNumUpdate) {
            throw new UnsupportedOperationException("steps are counted per parameter; restore them with loadState");
        }

        /** Checks the common values; subclasses call it first in {@code build()}. */
        protected void validate() {
            if (learningRate == null) {
                throw new IllegalStateException("the learning rate is required: call setLearningRate(eta) or "
                        + "setLearningRateTracker(tracker)");
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalStateException("weight decay must be finite and >= 0, got " + weightDecay);
            }
        }
    }
}
