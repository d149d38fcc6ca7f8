package org.spectraledge.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.spectral.Spectrum;

/**
 * Davis–Kahan in the laboratory (framework §4): perturb a Gram matrix G by random symmetric ΔG of chosen Frobenius
 * norm, measure how far its dominant k-dimensional eigenspace rotates, and compare with the bound
 * <pre>
 *   sin θ ≤ ‖ΔG‖_F / δ,   δ = λ_k − λ_{k+1}
 * </pre>
 * (for k = 1 this is the framework's gap_1 (§4) = min_{l≠1}|λ_1 − λ_l|). The measured sin θ is that of the largest principal
 * angle between span(u_1…u_k) of G and of G + ΔG: with C = U_k U'_kᵀ (k×k), cos²θ_i are the eigenvalues of CCᵀ.
 * The bound without the factor 2 is the first-order (small ‖ΔG‖) statement; the factor-2 form of Yu, Wang and
 * Samworth (2015) holds for every perturbation and is reported beside it.
 *
 * <pre>{@code
 * List<DavisKahanPoint> pts = DavisKahanExperiment.builder().setEigenvalues(10, 4, 3, 1, 0.5)
 *         .setPerturbationNorms(0.1, 0.3, 1, 3).optTrials(50).build().run();
 * }</pre>
 */
public final class DavisKahanExperiment {
    private final double[][] gram;
    private final int k;
    private final double[] norms;
    private final int trials;
    private final long seed;

    private DavisKahanExperiment(double[][] gram, Builder b) {
        this.gram = gram;
        this.k = b.k;
        this.norms = b.norms.clone();
        this.trials = b.trials;
        this.seed = b.seed;
    }

    public static Builder builder() { return new Builder(); }

    /** The unperturbed G (a copy). */
    public double[][] gram() { return Arrays.stream(gram).map(double[]::clone).toArray(double[][]::new); }

    /** Runs {@code trials} perturbations per norm, norms in the order given. */
    public List<DavisKahanPoint> run() {
        SeededRandom rnd = new SeededRandom(seed);
        Spectrum base = Spectrum.of(gram);
        double delta = base.lambda(k) - base.lambda(k + 1);
        List<DavisKahanPoint> out = new ArrayList<>();
        for (double norm : norms) {
            for (int t = 0; t < trials; t++) {
                double[][] e = RandomVectors.symmetric(rnd, gram.length, norm);
                double sin = largestPrincipalSine(gram, add(gram, e), k);
                out.add(new DavisKahanPoint(norm, delta, sin, Math.min(1, norm / delta), Math.min(1, 2 * norm / delta)));
            }
        }
        return out;
    }

    /**
     * sin of the largest principal angle between the top-k eigenspaces (largest eigenvalues, by value) of two
     * symmetric matrices: the cosines of the principal angles are the singular values of U_aᵀU_b (k×k).
     *
     * @param a first matrix, n×n symmetric, any sign. Not modified.
     * @param b second matrix, n×n symmetric, any sign. Not modified.
     */
    public static double largestPrincipalSine(double[][] a, double[][] b, int k) {
        int n = a.length;
        if (b.length != n || k < 1 || k >= n) throw new IllegalArgumentException("need two n×n matrices and 1 ≤ k < n");
        DMatrixRMaj c = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(topEigenvectors(a, k), topEigenvectors(b, k), c); // C = U_aᵀU_b
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, k, false, false, true);
        if (!svd.decompose(c)) throw new IllegalStateException("SVD of the k×k overlap matrix did not converge");
        double cosMin = Double.POSITIVE_INFINITY;
        for (double cos : svd.getSingularValues()) cosMin = Math.min(cosMin, cos); // EJML's singular values are unsorted
        return Math.sqrt(Math.max(0, 1 - Math.min(1, cosMin * cosMin)));
    }

    /** The eigenvectors of the k largest eigenvalues of symmetric m, as the columns of an n×k matrix. */
    private static DMatrixRMaj topEigenvectors(double[][] m, int k) {
        int n = m.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        // a fresh matrix each call: EJML's symmetric eigen solver overwrites its input
        if (!eig.decompose(new DMatrixRMaj(m))) throw new IllegalStateException("symmetric eigen decomposition did not converge");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        // EJML returns eigenpairs unsorted: order them by eigenvalue, largest first
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eig.getEigenvalue(i).real).reversed());
        DMatrixRMaj top = new DMatrixRMaj(n, k);
        for (int j = 0; j < k; j++) CommonOps_DDRM.insert(eig.getEigenVector(order[j]), top, 0, j);
        return top;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] s = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) s[i][j] = a[i][j] + b[i][j];
        return s;
    }

    /** Settings: G (given directly or by its eigenvalues) and the perturbation norms are required. */
    public static final class Builder {
        private double[][] gram;
        private double[] eigenvalues;
        private int k = 1;
        private double[] norms;
        private int trials = 50;
        private long seed = 0xDA715;

        private Builder() {}

        /** G itself, n×n symmetric positive semi-definite (e.g. a window's {@code gram().gram()}). */
        public Builder setGram(double[][] g) {
            this.gram = Arrays.stream(g).map(double[]::clone).toArray(double[][]::new);
            return this;
        }

        /** G = Q diag(λ) Qᵀ with a random orthogonal Q drawn from the seed (alternative to {@link #setGram}). */
        public Builder setEigenvalues(double... lambda) { this.eigenvalues = lambda.clone(); return this; }

        /** Dimension k of the dominant subspace (default 1). */
        public Builder optSubspace(int k) { this.k = k; return this; }

        /** Frobenius norms ‖ΔG‖_F to try (required). */
        public Builder setPerturbationNorms(double... norms) { this.norms = norms.clone(); return this; }

        /** Random perturbations per norm (default 50). */
        public Builder optTrials(int trials) { this.trials = trials; return this; }

        /** Seed of Q and of the perturbations (default 0xDA715). */
        public Builder optSeed(long seed) { this.seed = seed; return this; }

        public DavisKahanExperiment build() {
            if ((gram == null) == (eigenvalues == null)) throw new IllegalArgumentException("call exactly one of setGram and setEigenvalues");
            double[][] g = gram != null ? gram : fromEigenvalues(eigenvalues, new SeededRandom(seed ^ 0x5EED));
            int n = g.length;
            for (double[] row : g) {
                if (row.length != n) throw new IllegalArgumentException("G must be square, got a row of " + row.length + " in a " + n + "-row matrix");
            }
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                if (!Double.isFinite(g[i][j]) || Math.abs(g[i][j] - g[j][i]) > 1e-12 * (1 + Math.abs(g[i][j]))) {
                    throw new IllegalArgumentException("G must be finite and symmetric (entry " + i + "," + j + ")");
                }
            }
            if (k < 1 || k >= n) throw new IllegalArgumentException("subspace dimension k must be in [1, n−1] = [1, " + (n - 1) + "], got " + k);
            Spectrum s = Spectrum.of(g);
            // relative tolerance: eigenvalues equal in G = QΛQᵀ come back from the solver a few ulps apart
            if (!(s.lambda(k) - s.lambda(k + 1) > 1e-12 * s.lambda(1))) {
                throw new IllegalArgumentException("λ_k = λ_{k+1} at k = " + k + ": the dominant subspace is not defined (no gap)");
            }
            if (norms == null || norms.length == 0) throw new IllegalArgumentException("call setPerturbationNorms(...) with at least one norm");
            for (double x : norms) if (!(x >= 0) || Double.isInfinite(x)) throw new IllegalArgumentException("perturbation norms must be finite and ≥ 0, got " + x);
            if (trials < 1) throw new IllegalArgumentException("need at least 1 trial, got " + trials);
            return new DavisKahanExperiment(g, this);
        }

        private static double[][] fromEigenvalues(double[] lambda, SeededRandom rnd) {
            int n = lambda.length;
            if (n < 2) throw new IllegalArgumentException("need at least 2 eigenvalues, got " + n);
            for (double l : lambda) if (!(l >= 0) || Double.isInfinite(l)) throw new IllegalArgumentException("eigenvalues of a Gram matrix must be finite and ≥ 0, got " + l);
            double[][] q = RandomVectors.orthonormalRows(rnd, n, n);
            double[][] g = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = i; j < n; j++) {
                double s = 0;
                for (int m = 0; m < n; m++) s += q[m][i] * lambda[m] * q[m][j];
                g[i][j] = s;
                g[j][i] = s;
            }
            return g;
        }
    }
}
