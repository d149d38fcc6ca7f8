package org.spectraledge.intervention;

import org.spectraledge.events.EvalRecord;

/**
 * One branch of a collapse trial: the model trained from t₀ either with position j collapsed for K steps or, for the
 * control, unmodified (same checkpoint, same minibatches).
 *
 * @param position     j, or 0 for the paired control
 * @param shrink       c = 1 − σ_{j+1}/σ_j applied to the dominant block (0 for the control)
 * @param afterSteps   loss and accuracy at t₀ + K
 * @param afterContinued loss and accuracy at t₀ + K + L (the same as {@code afterSteps} when L = 0)
 * @param ratios       r_1…r_{W−1} of the window at t₀ + K
 * @param kStar        k* of that window under the study's rule
 * @param grokStep     the first step with test accuracy ≥ 0.95 (framework §7) up to t₀ + K + L + budget, or −1 if none
 * @param seconds      wall-clock seconds the branch trained
 */
public record CollapseBranch(int position, double shrink, EvalRecord afterSteps, EvalRecord afterContinued, double[] ratios,
                             int kStar, long grokStep, double seconds) {

    public CollapseBranch {
        if (position < 0) throw new IllegalArgumentException("position is j ≥ 1, or 0 for the control; got " + position);
        ratios = ratios.clone();
    }

    @Override public double[] ratios() { return ratios.clone(); }

    /** Whether this is the unmodified control. */
    public boolean isControl() { return position == 0; }

    /** r_j of the window at t₀ + K (j ≥ 1). */
    public double ratio(int j) { return ratios[j - 1]; }
}
