package org.spectraledge.stats;

/**
 * The area under the ROC curve of a score that should be higher for positives:
 * <pre>
 *   AUC = P(s⁺ &gt; s⁻) + ½ P(s⁺ = s⁻) = U⁺ / (n⁺ n⁻),   U⁺ = R⁺ − n⁺(n⁺ + 1)/2
 * </pre>
 * over all pairs of a positive and a negative score, with R⁺ the sum of the positives' mid-ranks in the pooled
 * sample (U⁺ is the Mann–Whitney U of the positives). 1 separates perfectly, ½ is chance, 0 is perfectly reversed.
 *
 * @param value the AUC, in [0, 1]
 * @param nPositive n⁺ ≥ 1
 * @param nNegative n⁻ ≥ 1
 */
public record Auc(double value, int nPositive, int nNegative) {
    public Auc {
        if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException("AUC must be in [0, 1], got " + value);
        if (nPositive < 1 || nNegative < 1) {
            throw new IllegalArgumentException("an AUC needs both classes, got n+ = " + nPositive + ", n- = " + nNegative);
        }
    }

    /**
     * The AUC of the two samples; not computable when either class is empty.
     *
     * @param positives scores of the positive class, no NaN. Not modified.
     * @param negatives scores of the negative class, no NaN. Not modified.
     */
    public static Estimate<Auc> of(double[] positives, double[] negatives) {
        Ranks.requireNoNaN(positives, "positives");
        Ranks.requireNoNaN(negatives, "negatives");
        String missing = missingClass(positives.length, negatives.length);
        if (missing != null) return Estimate.notComputable(missing);
        return Estimate.of(new Auc(uPositive(positives, negatives) / ((double) positives.length * negatives.length),
                positives.length, negatives.length));
    }

    /** U⁺ = R⁺ − n⁺(n⁺+1)/2 from the mid-ranks of the pooled sample. */
    static double uPositive(double[] positives, double[] negatives) {
        double[] ranks = Ranks.midranks(Ranks.concat(positives, negatives));
        double r = 0;
        for (int i = 0; i < positives.length; i++) r += ranks[i];
        double n = positives.length;
        return r - n * (n + 1) / 2;
    }

    /** The reason an AUC does not exist, or null when both classes are present. */
    static String missingClass(int nPositive, int nNegative) {
        if (nPositive == 0 && nNegative == 0) return "no scores at all (n+ = 0, n- = 0)";
        if (nPositive == 0) return "one class only: no positives (n+ = 0, n- = " + nNegative + ")";
        if (nNegative == 0) return "one class only: no negatives (n+ = " + nPositive + ", n- = 0)";
        return null;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "AUC %.3f (n+ = %d, n- = %d)", value, nPositive, nNegative);
    }
}
