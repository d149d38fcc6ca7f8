package org.spectraledge.intervention;

import java.util.ArrayList;
import java.util.List;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.GapRule;

/** Hand-made collapse trials whose effects are known, for tests of what reads them. */
public final class CollapseTrials {
    private CollapseTrials() {}

    /**
     * A trial whose k* is {@code kStar} and whose collapse of position j raises the validation loss by effects[j−1] over
     * the control (control loss 1.0) at both horizons.
     */
    public static CollapseTrial withEffects(long seed, int kStar, double[] effects) {
        EvalRecord base = new EvalRecord(100, 0.1, 1, 1.0, 0.5);
        CollapseBranch control = new CollapseBranch(0, 0, base, base, new double[] {2, 1.5, 1.2}, kStar, -1, 1);
        List<CollapseBranch> branches = new ArrayList<>();
        for (int j = 1; j <= effects.length; j++) {
            EvalRecord e = new EvalRecord(100, 0.1, 1, 1.0 + effects[j - 1], 0.5);
            branches.add(new CollapseBranch(j, 0.5, e, e, new double[] {1, 1, 1}, kStar, -1, 1));
        }
        return new CollapseTrial(seed, 50, new double[] {4, 2, 1.5, 1}, new double[] {2, 1.33, 1.5}, GapRule.PLAIN, kStar, base, 10, 0,
                control, branches);
    }
}
