package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Stochastic gradient descent with heavy-ball or Nesterov momentum, step for step as
 * {@code torch.optim.SGD(lr, momentum, dampening=0, weight_decay, nesterov)}.
 *
 * <p>With learning rate η, momentum μ and L2 coefficient ω, for gradient g:
 * \[ d = g + \omega\,\theta, \qquad b \leftarrow \mu\, b + d \quad (b = d \text{ at the first step}), \]
 * \[ \theta \leftarrow \theta - \eta\,(d + \mu\, b) \ \text{(Nesterov)}, \qquad
 *    \theta \leftarrow \theta - \eta\, b \ \text{(heavy ball)}. \]
 * Unlike {@link AdamW}, the weight decay here is the classical L2 term added to the gradient (for
 * SGD the two coincide up to the factor η).
 *
 * <p>DJL's own {@code Optimizer.sgd()} (PyTorch engine {@code sgdUpdate}) scales by η before
 * accumulating, b ← μb + η·d, has no Nesterov variant, and clips with {@code clamp_max}.
 *
 * <p>Defaults: μ = 0.9, heavy ball (Nesterov off), ω = 0. The learning rate is required.
 */
public final class SgdMomentum extends StatefulOptimizer {

    private final double momentum;
    private final boolean nesterov;

    private SgdMomentum(Builder builder) {
        super(builder);
        this.momentum = builder.momentum;
        this.nesterov = builder.nesterov;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected int slotCount(String parameterId, Shape shape) {
        return momentum == 0 ? 0 : 1;
    }

    @Override
    protected void apply(String parameterId, NDArray weight, NDArray grad, long step, NDArray[] slots) {
        double eta = learningRate(parameterId, step);
        double omega = weightDecay();
        NDArray d = omega == 0 ? grad : grad.add(weight.mul((float) omega));
        if (momentum != 0) {
            // the buffer starts at zero, so the first step leaves b = d as torch's clone does
            NDArray b = slots[0];
            b.muli((float) momentum).addi(d);
            d = nesterov ? d.add(b.mul((float) momentum)) : b;
        }
        weight.subi(d.mul((float) eta));
    }

    /** Builds an {@link SgdMomentum}; {@code setLearningRate} is required, the rest optional. */
    public static final class Builder extends StatefulOptimizer.Builder<Builder> {
        private double momentum = 0.9;
        private boolean nesterov;

        private Builder() {
            super(0.0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Momentum μ in [0, 1); 0 gives plain SGD. Default 0.9. */
        public Builder optMomentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Nesterov momentum instead of heavy ball. Default false. */
        public Builder optNesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** Validates and builds. */
        public SgdMomentum build() {
            validate();
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalStateException("momentum must be in [0, 1), got " + momentum);
            }
            if (nesterov && momentum == 0) {
                throw new IllegalStateException("Nesterov momentum needs a momentum > 0: call optMomentum(mu)");
            }
            return new SgdMomentum(this);
        }
    }
}
