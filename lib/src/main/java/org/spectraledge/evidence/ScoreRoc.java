package org.spectraledge.evidence;

import java.util.List;
import java.util.Objects;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.Estimate;
import org.spectraledge.stats.RocCurve;

/**
 * The ROC of one {@link CutoffScore} over the runs: positives against negatives, higher score meaning "will grok".
 *
 * @param score which score
 * @param nPositive positive ROC inputs with a computable score
 * @param nNegative negative ROC inputs with a computable score
 * @param roc the curve and its AUC; not computable with one class only
 * @param aucInterval the AUC's percentile-bootstrap interval, each class resampled separately; not computable with
 *     fewer than 2 inputs in a class
 * @param unscored the inputs left out, each "run: reason"
 */
public record ScoreRoc(CutoffScore score, int nPositive, int nNegative, Estimate<RocCurve> roc,
                       Estimate<BootstrapInterval> aucInterval, List<String> unscored) {
    public ScoreRoc {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(roc, "roc");
        Objects.requireNonNull(aucInterval, "aucInterval");
        unscored = List.copyOf(unscored);
    }
}
