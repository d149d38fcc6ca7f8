package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Adam with decoupled weight decay, step for step as {@code torch.optim.AdamW} (amsgrad off).
 *
 * <p>For a parameter θ with gradient g at its step t (t = 1, 2, …), learning rate η and weight
 * decay ω:
 * \[ \theta \leftarrow \theta\,(1 - \eta\,\omega), \qquad
 *    m \leftarrow \beta_1 m + (1-\beta_1)\,g, \qquad
 *    v \leftarrow \beta_2 v + (1-\beta_2)\,g^2, \]
 * \[ \theta \leftarrow \theta - \frac{\eta}{1-\beta_1^t}\;
 *    \frac{m}{\sqrt{v}/\sqrt{1-\beta_2^t} + \epsilon}. \]
 * The decay shrinks θ directly instead of entering g, so Adam's normalisation does not rescale it
 * (Loshchilov &amp; Hutter); framework §8 runs use ω = 1.0 and β = (0.9, 0.98).
 *
 * <p><b>Why not DJL's own optimizers</b> (read in the DJL 0.36 source, PyTorch engine
 * {@code adamUpdate}): {@code Optimizer.adamW()} does decouple the decay correctly, but
 * (1) its defaults are ω = 0.01 and β₂ = 0.999; (2) it puts ε inside the bias correction,
 * θ −= η·√(1−β₂ᵗ)/(1−β₁ᵗ)·m/(√v + ε), which is torch's formula with ε replaced by
 * ε/√(1−β₂ᵗ) (larger in early steps); (3) its step t is the largest update count over all
 * parameters, which equals the per-parameter count only while every parameter is updated at every
 * step; (4) its {@code optClipGrad} is {@code clamp_max}, clipping positive
 * gradient entries only. {@code Optimizer.adam()} with {@code optWeightDecays} adds ω·θ to the
 * gradient: plain L2, which Adam's normalisation rescales.
 *
 * <p>Defaults (framework §8; note they differ from torch's β₂ = 0.999, ω = 0.01): β = (0.9, 0.98),
 * ε = 1e-8, ω = 1.0. The learning rate is required.
 */
public final class AdamW extends StatefulOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private AdamW(Builder builder) {
        super(builder);
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected int slotCount(String parameterId, Shape shape) {
        return 2;
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad, long step, NDArray[] slots) {
        double eta = learningRate(parameterId, step);
        double omega = weightDecay();
        NDArray m = slots[0];
        NDArray v = slots[1];
        if (omega != 0) {
            weight.muli((float) (1 - eta * omega));
        }
        m.muli((float) beta1).addi(grad.mul((float) (1 - beta1)));
        v.muli((float) beta2).addi(grad.mul(grad).muli((float) (1 - beta2)));
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        NDArray denominator = v.sqrt().divi((float) biasCorrection2Sqrt).addi((float) epsilon);
        weight.subi(m.div(denominator).muli((float) (eta / biasCorrection1)));
    }

    /** Builds an {@link AdamW}; {@code setLearningRate} is required, the rest optional. */
    public static final class Builder extends StatefulOptimizer.Builder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.98;
        private double epsilon = 1e-8;

        private Builder() {
            super(1.0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Decay rate β₁ of the first moment, in [0, 1). Default 0.9. */
        public Builder optBeta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Decay rate β₂ of the second moment, in [0, 1). Default 0.98 (framework §8). */
        public Builder optBeta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /** ε added to the denominator, &gt; 0. Default 1e-8. */
        public Builder optEpsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Validates and builds. */
        public AdamW build() {
            validate();
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalStateException("betas must be in [0, 1), got (" + beta1 + ", " + beta2 + ")");
            }
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalStateException("epsilon must be finite and > 0, got " + epsilon);
            }
            return new AdamW(this);
        }
    }
}
