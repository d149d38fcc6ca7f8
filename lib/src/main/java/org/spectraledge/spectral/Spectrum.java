package org.spectraledge.spectral;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The spectrum of one window (framework §1): eigenvalues λ_1 ≥ … ≥ λ_w ≥ 0 of the Gram matrix G = X Xᵀ, the
 * singular values σ_j = √λ_j of the window X (w×P; the thesis also calls them signal strengths d_j), and the
 * unit left singular vectors u_j ∈ R^w (index i of u_j weights update i of the window, oldest first).
 *
 * <p>Tiny negative eigenvalues from rounding are clamped to 0. Each u_j's sign is fixed so that its largest
 * component (in absolute value) is positive, which makes results reproducible; overlaps use absolute values.
 *
 * @param lambda eigenvalues of G, descending, ≥ 0 (length w)
 * @param sigma  singular values of X, descending (length w)
 * @param u      u[j] is the left singular vector of σ_{j+1} (w×w, row j)
 */
public record Spectrum(double[] lambda, double[] sigma, double[][] u) {

    public Spectrum {
        if (lambda.length != sigma.length || u.length != lambda.length) {
            throw new IllegalArgumentException("lambda, sigma and u must have the same length");
        }
        lambda = lambda.clone();
        sigma = sigma.clone();
        u = Arrays.stream(u).map(double[]::clone).toArray(double[][]::new);
    }

    /** Number of updates w in the window. */
    public int size() { return lambda.length; }

    /** λ_j for 1-based j. */
    public double lambda(int j) { return lambda[j - 1]; }

    /** σ_j for 1-based j. */
    public double sigma(int j) { return sigma[j - 1]; }

    @Override public double[] lambda() { return lambda.clone(); }
    @Override public double[] sigma() { return sigma.clone(); }
    @Override public double[][] u() { return Arrays.stream(u).map(double[]::clone).toArray(double[][]::new); }

    /** Sum of eigenvalues Σλ = ‖X‖_F². */
    public double energy() {
        double s = 0;
        for (double l : lambda) s += l;
        return s;
    }

    /**
     * Eigen-decomposes a symmetric Gram matrix (by {@link JacobiEigen}, for relative accuracy in the tail).
     *
     * @param gram w×w symmetric positive semi-definite matrix. Not modified.
     */
    public static Spectrum of(double[][] gram) {
        int w = gram.length;
        if (w == 0) return new Spectrum(new double[0], new double[0], new double[0][]);
        double[] values = new double[w];
        double[][] vectors = new double[w][w];
        JacobiEigen.decompose(gram, values, vectors);
        Integer[] order = IntStream.range(0, w).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        double[] lambda = new double[w];
        double[] sigma = new double[w];
        double[][] u = new double[w][w];
        for (int j = 0; j < w; j++) {
            int k = order[j];
            lambda[j] = Math.max(0, values[k]);
            sigma[j] = Math.sqrt(lambda[j]);
            for (int i = 0; i < w; i++) u[j][i] = vectors[i][k];
            canonicalSign(u[j]);
        }
        return new Spectrum(lambda, sigma, u);
    }

    private static void canonicalSign(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[arg])) arg = i;
        if (v[arg] < 0) for (int i = 0; i < v.length; i++) v[i] = -v[i];
    }
}
