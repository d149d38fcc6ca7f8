package org.spectraledge.theory;

import java.util.Arrays;

/**
 * A solution of the signal-strength ODE system ({@link SignalFlow}): d_j at each time.
 *
 * @param times    t_0 … t_n (optimizer steps), increasing
 * @param strength strength[s][j] = d_{j+1}(t_s)
 */
public record SignalTrajectory(double[] times, double[][] strength) {

    public SignalTrajectory {
        if (times.length == 0 || times.length != strength.length) {
            throw new IllegalArgumentException("need one state per time, got " + times.length + " times and "
                    + strength.length + " states");
        }
        times = times.clone();
        strength = Arrays.stream(strength).map(double[]::clone).toArray(double[][]::new);
    }

    @Override public double[] times() { return times.clone(); }
    @Override public double[][] strength() { return Arrays.stream(strength).map(double[]::clone).toArray(double[][]::new); }

    /** Number of modes. */
    public int modes() { return strength[0].length; }

    /** d_j over time, 1-based j. */
    public double[] mode(int j) {
        double[] d = new double[times.length];
        for (int s = 0; s < d.length; s++) d[s] = strength[s][j - 1];
        return d;
    }

    /** The gap g = d_k − d_{k+1} over time, 1-based k. */
    public double[] gap(int k) {
        double[] g = new double[times.length];
        for (int s = 0; s < g.length; s++) g[s] = strength[s][k - 1] - strength[s][k];
        return g;
    }

    /** The last state (a copy). */
    public double[] last() { return strength[strength.length - 1].clone(); }
}
