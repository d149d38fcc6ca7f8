package org.spectraledge.theory;

import org.spectraledge.datasets.SeededRandom;

/** Seeded Gaussian draws shared by the simulators. Stateless. */
final class RandomVectors {
    private RandomVectors() {}

    /** n iid N(0, 1) values. */
    static double[] gaussian(SeededRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextGaussian();
        return v;
    }

    /**
     * k random orthonormal rows in R^n (Haar-distributed: modified Gram–Schmidt of Gaussian rows), optionally
     * starting from fixed first rows that are kept as they are.
     *
     * @param fixed unit, mutually orthogonal rows to keep at the top (may be empty). Not modified.
     */
    static double[][] orthonormalRows(SeededRandom rnd, int k, int n, double[]... fixed) {
        if (k > n) throw new IllegalArgumentException("cannot place " + k + " orthonormal vectors in R^" + n);
        double[][] q = new double[k][];
        for (int m = 0; m < k; m++) {
            double[] v = m < fixed.length ? fixed[m].clone() : gaussian(rnd, n);
            if (m >= fixed.length) {
                // twice for numerical orthogonality ("twice is enough")
                for (int pass = 0; pass < 2; pass++) {
                    for (int l = 0; l < m; l++) {
                        double c = dot(v, q[l]);
                        for (int i = 0; i < n; i++) v[i] -= c * q[l][i];
                    }
                }
                double norm = Math.sqrt(dot(v, v));
                for (int i = 0; i < n; i++) v[i] /= norm;
            }
            q[m] = v;
        }
        return q;
    }

    /** A random symmetric n×n matrix with Gaussian entries, scaled to Frobenius norm exactly {@code norm}. */
    static double[][] symmetric(SeededRandom rnd, int n, double norm) {
        double[][] e = new double[n][n];
        double f = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double x = rnd.nextGaussian();
                e[i][j] = x;
                e[j][i] = x;
                f += i == j ? x * x : 2 * x * x;
            }
        }
        double scale = f > 0 ? norm / Math.sqrt(f) : 0;
        for (double[] row : e) for (int j = 0; j < n; j++) row[j] *= scale;
        return e;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
