package org.spectraledge.theory;

import java.util.Arrays;

/**
 * A path of Dyson Brownian motion ({@link DysonBrownianMotion}).
 *
 * @param beta   the symmetry class β (1 real symmetric, 2 complex Hermitian)
 * @param times  recorded times, increasing
 * @param levels levels[s] = λ_1 &lt; … &lt; λ_N at times[s] (ascending)
 */
public record DysonTrajectory(int beta, double[] times, double[][] levels) {

    public DysonTrajectory {
        if (times.length == 0 || times.length != levels.length) {
            throw new IllegalArgumentException("need one configuration per time, got " + times.length + " times and "
                    + levels.length + " configurations");
        }
        times = times.clone();
        levels = Arrays.stream(levels).map(double[]::clone).toArray(double[][]::new);
    }

    @Override public double[] times() { return times.clone(); }
    @Override public double[][] levels() { return Arrays.stream(levels).map(double[]::clone).toArray(double[][]::new); }

    /** N. */
    public int size() { return levels[0].length; }

    /** Level i (1-based, ascending order) over time. */
    public double[] level(int i) {
        double[] x = new double[times.length];
        for (int s = 0; s < x.length; s++) x[s] = levels[s][i - 1];
        return x;
    }

    /** The first configuration (a copy). */
    public double[] first() { return levels[0].clone(); }

    /** The last configuration (a copy). */
    public double[] last() { return levels[levels.length - 1].clone(); }
}
