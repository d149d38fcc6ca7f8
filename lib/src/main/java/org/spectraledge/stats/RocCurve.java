package org.spectraledge.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The ROC curve of a score that should be higher for positives: one point per distinct score t, from the highest
 * down, with the rule "positive iff score ≥ t":
 * <pre>
 *   TPR(t) = #{s⁺ ≥ t} / n⁺,   FPR(t) = #{s⁻ ≥ t} / n⁻
 * </pre>
 * preceded by (t = +∞, FPR 0, TPR 0). Tied scores form one threshold, so a tie between classes is a diagonal
 * segment; the trapezoid area under the points then equals {@link Auc} (U⁺/(n⁺n⁻)), which {@link #auc()} holds.
 *
 * @param points thresholds in decreasing order, the first at +∞ and the last at the lowest score (FPR = TPR = 1)
 * @param nPositive n⁺ ≥ 1
 * @param nNegative n⁻ ≥ 1
 * @param auc the area under the curve
 */
public record RocCurve(List<Point> points, int nPositive, int nNegative, Auc auc) {

    /** One point of the curve. @param threshold t (+∞ for the first point) @param fpr FPR(t) @param tpr TPR(t) */
    public record Point(double threshold, double fpr, double tpr) {
        public Point {
            if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
            if (!(fpr >= 0 && fpr <= 1 && tpr >= 0 && tpr <= 1)) {
                throw new IllegalArgumentException("rates must be in [0, 1], got FPR " + fpr + ", TPR " + tpr);
            }
        }
    }

    public RocCurve {
        points = List.copyOf(points);
        Objects.requireNonNull(auc, "auc");
        if (points.size() < 2) throw new IllegalArgumentException("a ROC curve has at least two points");
        if (nPositive < 1 || nNegative < 1) {
            throw new IllegalArgumentException("a ROC curve needs both classes, got n+ = " + nPositive + ", n- = " + nNegative);
        }
    }

    /**
     * The curve of the two samples; not computable when either class is empty.
     *
     * @param positives scores of the positive class, no NaN (±∞ allowed). Not modified.
     * @param negatives scores of the negative class, no NaN. Not modified.
     */
    public static Estimate<RocCurve> of(double[] positives, double[] negatives) {
        Estimate<Auc> auc = Auc.of(positives, negatives);
        if (!auc.isComputed()) return Estimate.notComputable(auc.reason());
        double[] pos = positives.clone(), neg = negatives.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] all = Ranks.concat(pos, neg);
        Arrays.sort(all);
        List<Point> points = new ArrayList<>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        int ip = pos.length, in = neg.length; // counts of scores ≥ t are pos.length − ip etc.
        for (int i = all.length - 1; i >= 0; i--) {
            double t = all[i];
            if (i < all.length - 1 && all[i + 1] == t) continue;
            while (ip > 0 && pos[ip - 1] >= t) ip--;
            while (in > 0 && neg[in - 1] >= t) in--;
            points.add(new Point(t, (double) (neg.length - in) / neg.length, (double) (pos.length - ip) / pos.length));
        }
        return Estimate.of(new RocCurve(points, positives.length, negatives.length, auc.value()));
    }

    /** The trapezoid area under the points; equal to {@code auc().value()} up to rounding. */
    public double trapezoidArea() {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1), b = points.get(i);
            area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
        }
        return area;
    }
}
