package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Muon (framework §8): momentum, then an approximate orthogonalisation of each hidden matrix's update by
 * Newton–Schulz iterations; every other parameter goes to an {@link AdamW}.
 *
 * <p>For a hidden matrix W (r×c) with gradient G, momentum μ, learning rate η, decoupled decay ω:
 * \[ B \leftarrow \mu B + G, \qquad U = G + \mu B \ \text{(Nesterov; else } U = B), \]
 * \[ O = \mathrm{NS}_5(U), \qquad W \leftarrow W(1-\eta\omega) - \eta\,\sqrt{\max(1, r/c)}\; O. \]
 * NS₅ is {@link #newtonSchulz}: X₀ = U/(‖U‖_F + ε), then five times
 * X ← aX + (bA + cA²)X with A = XXᵀ and (a, b, c) = (3.4445, −4.7750, 2.0315), computed on the
 * wide orientation (transposed when r &gt; c). It pushes every singular value of U towards 1; the
 * quintic is tuned for speed, not accuracy, so values overshoot up to about 1.2 and very small ones
 * do not reach 1 in five steps (measured with numpy on Gaussian matrices).
 *
 * <p><b>Update scale.</b> O has spectral norm ≈ 1, so its RMS entry is about 1/√max(r, c). We use
 * the factor √max(1, r/c) of the Muon reference implementation (Keller Jordan), which only boosts
 * tall matrices; the learning rate is therefore on a different scale than AdamW's (typical η = 0.02).
 * DJL's {@code Linear} stores its weight as (out, in), so r = out.
 *
 * <p><b>Momentum form.</b> The reference implementation keeps B ← μB + (1−μ)G and U = (1−μ)G + μB;
 * that U is (1−μ) times ours, and NS₅ starts by normalising U, so both give the same step up to ε.
 *
 * <p><b>Which parameters.</b> A selector (parameter name, shape) → boolean picks the hidden
 * matrices. The default, {@link #DEFAULT_SELECTOR}, takes every 2-D parameter whose name does not
 * match {@link #EMBEDDING_NAMES}; biases, gains, embeddings and the unembedding go to the AdamW. DJL
 * identifies parameters by a random id, so Muon needs the model's parameter list to know names.
 *
 * <p>Each part keeps its own state and settings: {@code setRescaleGrad} of this builder applies to
 * the matrices only, the AdamW's own to the rest. {@link #saveState} writes both parts.
 *
 * <p>Defaults: μ = 0.95, Nesterov on, 5 iterations, ε = 1e-7, ω = 0 (as the reference
 * implementation). Required: the learning rate, the parameters and the AdamW.
 */
public final class Muon extends StatefulOptimizer {

    /** Quintic Newton–Schulz coefficients (a, b, c) of framework §8. */
    public static final float NS_A = 3.4445f;
    public static final float NS_B = -4.7750f;
    public static final float NS_C = 2.0315f;

    /**
     * Names treated as embeddings even though they are 2-D, case-insensitive: anything containing
     * {@code embed} (also {@code unembed}, {@code pos_embed}), {@code lm_head}, {@code wte},
     * {@code wpe} or {@code w_pos}.
     */
    public static final Pattern EMBEDDING_NAMES = Pattern.compile("(?i)embed|lm_head|wte|wpe|w_pos");

    /** 2-D and not an embedding by name. */
    public static final BiPredicate<String, Shape> DEFAULT_SELECTOR =
            (name, shape) -> shape.dimension() == 2 && !EMBEDDING_NAMES.matcher(name).find();

    private final double momentum;
    private final boolean nesterov;
    private final int steps;
    private final double epsilon;
    private final Map<String, String> names;
    private final BiPredicate<String, Shape> selector;
    private final AdamW fallback;

    private Muon(Builder builder) {
        super(builder);
        this.momentum = builder.momentum;
        this.nesterov = builder.nesterov;
        this.steps = builder.steps;
        this.epsilon = builder.epsilon;
        this.names = Map.copyOf(builder.names);
        this.selector = builder.selector;
        this.fallback = builder.fallback;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AdamW that updates every parameter the selector rejects. */
    public AdamW fallback() {
        return fallback;
    }

    /**
     * Whether Muon (true) or the AdamW (false) updates this parameter.
     *
     * @throws IllegalArgumentException if the id is not among the parameters Muon was built with
     */
    public boolean isMuonParameter(String parameterId, Shape shape) {
        String name = names.get(parameterId);
        if (name == null) {
            throw new IllegalArgumentException("Muon got parameter id " + parameterId + ", which is not among the "
                    + names.size() + " parameters it was built with. Fix: build Muon with "
                    + "setParameters(block.getParameters()) of the block being trained.");
        }
        return selector.test(name, shape);
    }

    /** Sends hidden matrices through Muon and everything else to the AdamW. */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        if (isMuonParameter(parameterId, weight.getShape())) {
            super.update(parameterId, weight, grad);
        } else {
            fallback.update(parameterId, weight, grad);
        }
    }

    @Override
    protected int slotCount(String parameterId, Shape shape) {
        return 1;
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad, long step, NDArray[] slots) {
        if (weight.getShape().dimension() != 2) {
            throw new IllegalArgumentException("the selector chose parameter " + names.get(parameterId) + " of shape "
                    + weight.getShape() + " for Muon, which needs 2-D matrices. Fix: make the selector reject it.");
        }
        double eta = learningRate(parameterId, step);
        double omega = weightDecay();
        NDArray b = slots[0];
        b.muli((float) momentum).addi(grad);
        NDArray u = nesterov ? grad.add(b.mul((float) momentum)) : b;
        NDArray o = newtonSchulz(u, steps, epsilon);
        long rows = weight.getShape().get(0);
        long cols = weight.getShape().get(1);
        double scale = Math.sqrt(Math.max(1.0, (double) rows / cols));
        if (omega != 0) {
            weight.muli((float) (1 - eta * omega));
        }
        weight.subi(o.muli((float) (eta * scale)));
    }

    /**
     * Approximately orthogonalises a matrix by quintic Newton–Schulz iterations (framework §8):
     * X₀ = U/(‖U‖_F + ε), X ← aX + (bA + cA²)X with A = XXᵀ, on the wide orientation.
     *
     * @param update U, 2-D (not modified)
     * @param iterations number of iterations, ≥ 0
     * @param epsilon guard against a zero update
     * @return a new array shaped like U, attached to U's manager
     */
    public static NDArray newtonSchulz(NDArray update, int iterations, double epsilon) {
        if (update.getShape().dimension() != 2) {
            throw new IllegalArgumentException("Newton–Schulz needs a 2-D matrix, got shape " + update.getShape());
        }
        NDManager owner = update.getManager();
        boolean tall = update.getShape().get(0) > update.getShape().get(1);
        try (NDManager scope = NDManager.subManagerOf(update)) {
            scope.tempAttachAll(update);
            NDArray x = update.div(update.norm().addi((float) epsilon));
            if (tall) {
                x = x.transpose();
            }
            for (int i = 0; i < iterations; i++) {
                NDArray a = x.matMul(x.transpose());
                NDArray poly = a.mul(NS_B).addi(a.matMul(a).muli(NS_C));
                x = x.mul(NS_A).addi(poly.matMul(x));
            }
            NDArray result = tall ? x.transpose() : x;
            result.attach(owner);
            return result;
        }
    }

    @Override
    public synchronized void saveState(DataOutputStream out, UnaryOperator<String> keyOfId) throws IOException {
        super.saveState(out, keyOfId);
        fallback.saveState(out, keyOfId);
    }

    @Override
    public synchronized void loadState(DataInputStream in, UnaryOperator<String> idOfKey) throws IOException {
        super.loadState(in, idOfKey);
        fallback.loadState(in, idOfKey);
    }

    /** Frees the state of both parts. */
    @Override
    public synchronized void close() {
        super.close();
        fallback.close();
    }

    /**
     * Builds a {@link Muon}. Required: {@code setLearningRate} (or tracker), {@code setParameters}
     * (or {@code setParameterNames}) and {@code setFallback}.
     */
    public static final class Builder extends StatefulOptimizer.Builder<Builder> {
        private double momentum = 0.95;
        private boolean nesterov = true;
        private int steps = 5;
        private double epsilon = 1e-7;
        private Map<String, String> names;
        private BiPredicate<String, Shape> selector = DEFAULT_SELECTOR;
        private AdamW fallback;

        private Builder() {
            super(0.0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Required: the parameters of the block to train (ids and names). */
        public Builder setParameters(ParameterList parameters) {
            Map<String, String> map = new HashMap<>();
            for (Pair<String, Parameter> p : parameters) {
                map.put(p.getValue().getId(), p.getKey());
            }
            this.names = map;
            return this;
        }

        /** Required (alternative to {@link #setParameters}): parameter id → name. */
        public Builder setParameterNames(Map<String, String> idToName) {
            this.names = Map.copyOf(idToName);
            return this;
        }

        /** Required: the AdamW for embeddings, unembedding, biases and gains. */
        public Builder setFallback(AdamW fallback) {
            this.fallback = fallback;
            return this;
        }

        /** Picks Muon's parameters from (name, shape). Default {@link #DEFAULT_SELECTOR}. */
        public Builder optSelector(BiPredicate<String, Shape> selector) {
            this.selector = selector;
            return this;
        }

        /** Momentum μ in [0, 1). Default 0.95. */
        public Builder optMomentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Nesterov momentum. Default true. */
        public Builder optNesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** Newton–Schulz iterations, ≥ 1. Default 5. */
        public Builder optNewtonSchulzSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** ε in the Frobenius normalisation, &gt; 0. Default 1e-7. */
        public Builder optEpsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Validates and builds. */
        public Muon build() {
            validate();
            if (names == null) {
                throw new IllegalStateException("Muon needs the parameter names: call setParameters(block.getParameters())");
            }
            if (fallback == null) {
                throw new IllegalStateException("Muon needs an AdamW for non-matrix parameters: call "
                        + "setFallback(AdamW.builder().setLearningRate(eta).build())");
            }
            if (selector == null) {
                throw new IllegalStateException("the selector must not be null");
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalStateException("momentum must be in [0, 1), got " + momentum);
            }
            if (steps < 1) {
                throw new IllegalStateException("Newton–Schulz steps must be >= 1, got " + steps);
            }
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalStateException("epsilon must be finite and > 0, got " + epsilon);
            }
            return new Muon(this);
        }
    }
}
