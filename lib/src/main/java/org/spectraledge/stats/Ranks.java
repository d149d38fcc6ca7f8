package org.spectraledge.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Mid-ranks and tie counts, shared by the rank statistics ({@link MannWhitney}, {@link Auc}). */
public final class Ranks {
    private Ranks() {}

    /**
     * Mid-ranks ("average" ranks, 1-based): tied values share the mean of the ranks they occupy, so ranks of
     * x = (3, 1, 3) are (2.5, 1, 2.5). Same as {@code scipy.stats.rankdata(x)}.
     *
     * @param x values, no NaN. Not modified.
     */
    public static double[] midranks(double[] x) {
        requireNoNaN(x, "x");
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] ranks = new double[x.length];
        for (int i = 0; i < x.length; ) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) j++;
            double mid = 0.5 * (i + j) + 1; // ranks i+1 … j+1
            for (int t = i; t <= j; t++) ranks[order[t]] = mid;
            i = j + 1;
        }
        return ranks;
    }

    /** Σ over groups of equal values of (t³ − t), t the group size; 0 without ties. Not modified. */
    public static double tieTerm(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) j++;
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    /** Whether any two values are equal. */
    public static boolean hasTies(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        for (int i = 1; i < s.length; i++) if (s[i] == s[i - 1]) return true;
        return false;
    }

    /** x followed by y, as one array. */
    static double[] concat(double[] x, double[] y) {
        double[] xy = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, xy, x.length, y.length);
        return xy;
    }

    static void requireNoNaN(double[] x, String name) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN; drop undefined values before ranking");
            }
        }
    }
}
