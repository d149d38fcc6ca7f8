package org.spectraledge.intervention;

import java.util.List;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.GapRule;

/**
 * One replicate of the gap collapse protocol: a run (seed) at one branch point t₀, its window there, the control and
 * one branch per collapsed position.
 *
 * @param seed      the run's seed
 * @param origin    t₀
 * @param sigma     σ_1…σ_W of the window at t₀
 * @param ratios    r_1…r_{W−1} of that window
 * @param rule      the rule that chose k*
 * @param kStar     k* of that window: the position the prediction names
 * @param atOrigin  loss and accuracy at t₀
 * @param steps     K
 * @param continued L
 * @param control   the unmodified branch
 * @param collapsed one branch per position, in the order collapsed
 */
public record CollapseTrial(long seed, long origin, double[] sigma, double[] ratios, GapRule rule, int kStar, EvalRecord atOrigin,
                            long steps, long continued, CollapseBranch control, List<CollapseBranch> collapsed) {

    /** When an effect is read: right after the K modified steps, or after L more unmodified ones. */
    public enum Horizon {
        /** t₀ + K. */
        AFTER_COLLAPSE,
        /** t₀ + K + L. */
        AFTER_CONTINUATION;

        EvalRecord of(CollapseBranch b) {
            return this == AFTER_COLLAPSE ? b.afterSteps() : b.afterContinued();
        }
    }

    public CollapseTrial {
        sigma = sigma.clone();
        ratios = ratios.clone();
        collapsed = List.copyOf(collapsed);
        if (!control.isControl()) throw new IllegalArgumentException("the control branch has position 0, got " + control.position());
        if (collapsed.stream().anyMatch(CollapseBranch::isControl)) throw new IllegalArgumentException("a collapsed branch has position 0");
    }

    @Override public double[] sigma() { return sigma.clone(); }
    @Override public double[] ratios() { return ratios.clone(); }

    /** The branch that collapsed position j. */
    public CollapseBranch branch(int j) {
        return collapsed.stream().filter(b -> b.position() == j).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("position " + j + " was not collapsed in this trial"));
    }

    /** The positions collapsed, in order. */
    public List<Integer> positions() {
        return collapsed.stream().map(CollapseBranch::position).toList();
    }

    /**
     * The share of the window's energy Σσ² at t₀ that collapsing j removes, had the window's updates been collapsed:
     * (1 − ρ²)·Σ_{i≤j} σ_i² / Σ_i σ_i² with ρ = σ_{j+1}/σ_j. Larger for small j: a comparison of effects across positions
     * should be read beside it, since removing more of the update may hurt more whatever the position.
     */
    public double removedShare(int j) {
        if (j < 1 || j >= sigma.length) throw new IllegalArgumentException("position " + j + " is not in 1.." + (sigma.length - 1));
        double rho = sigma[j] / sigma[j - 1], block = 0, total = 0;
        for (int i = 0; i < sigma.length; i++) {
            total += sigma[i] * sigma[i];
            if (i < j) block += sigma[i] * sigma[i];
        }
        return total == 0 ? 0 : (1 - rho * rho) * block / total;
    }

    /** The effect of collapsing j: validation loss of its branch minus the control's, at the horizon. */
    public double effect(int j, Horizon horizon) {
        return horizon.of(branch(j)).testLoss() - horizon.of(control).testLoss();
    }
}
