package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Why the window spectrum keeps {@link JacobiEigen} rather than EJML's symmetric QR: on a graded Gram matrix
 * G = D·A·D (update norms spanning 3·10⁷, entries from 1 down to about 10⁻¹⁶, scales in no particular order) Jacobi
 * computes every eigenvalue to a relative error near ε, while QR's error is absolute, about ε·λ₁, which is a large
 * part of the smallest eigenvalue.
 */
class JacobiRelativeAccuracyTest {
    /** D = diag(2^−e_i): powers of two, so G's entries are exactly A's scaled, the same doubles in Java and Python. */
    private static final int[] EXPONENTS = {15, 0, 25, 5, 20, 10};

    /**
     * The eigenvalues of exactly that double matrix, descending, from mpmath (60 digits):
     * <pre>
     * import math, mpmath; mpmath.mp.dps = 60; e = [15, 0, 25, 5, 20, 10]; n = 6
     * G = mpmath.matrix(n, n)
     * for i in range(n):
     *     for j in range(n):
     *         a = 1.0 if i == j else 1.0 / (2 + abs(i - j))
     *         G[i, j] = mpmath.mpf(math.ldexp(math.ldexp(a, -e[i]), -e[j]))
     * print(sorted(mpmath.eigsy(G, eigvals_only=True), reverse=True))
     * </pre>
     */
    private static final double[] REFERENCE = {1.000061117694086566, 9.1551560820856987639e-4, 8.8299298501396061856e-7,
        8.1053097040531898363e-10, 7.3753823869454921086e-13, 7.0521588226619023645e-16};

    private static double[][] graded() {
        int n = EXPONENTS.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double a = i == j ? 1.0 : 1.0 / (2 + Math.abs(i - j)); // A: unit diagonal, well conditioned
            g[i][j] = Math.scalb(Math.scalb(a, -EXPONENTS[i]), -EXPONENTS[j]);
        }
        return g;
    }

    private static double relativeError(double computed, double reference) {
        return Math.abs(computed - reference) / reference;
    }

    @Test
    void jacobiKeepsTheTinyEigenvaluesThatQrLoses() {
        int n = EXPONENTS.length;
        double[][] g = graded();

        double[] values = new double[n];
        JacobiEigen.decompose(g, values, new double[n][n]);
        double[] jacobi = values.clone();
        Arrays.sort(jacobi);

        EigenDecomposition_F64<DMatrixRMaj> qr = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(qr.decompose(new DMatrixRMaj(g))); // a copy: EJML's symmetric solver overwrites its input
        double[] ejml = new double[n];
        for (int i = 0; i < n; i++) ejml[i] = qr.getEigenvalue(i).real;
        Arrays.sort(ejml); // EJML returns eigenvalues unsorted

        for (int j = 0; j < n; j++) {
            double reference = REFERENCE[j], jac = jacobi[n - 1 - j], q = ejml[n - 1 - j];
            assertTrue(relativeError(jac, reference) < 1e-14,
                    "Jacobi λ_" + (j + 1) + " = " + jac + ", reference " + reference + ": relative error " + relativeError(jac, reference));
            // both agree where QR's absolute error ε·λ₁ is small against λ_j
            if (reference > 1e-6) assertEquals(reference, q, 1e-12 * reference);
        }
        double smallest = ejml[0];
        assertTrue(relativeError(smallest, REFERENCE[n - 1]) > 1e-6,
                "EJML's symmetric QR: λ_min = " + smallest + ", reference " + REFERENCE[n - 1] + ", relative error "
                        + relativeError(smallest, REFERENCE[n - 1]) + " (if QR is now accurate here, reconsider JacobiEigen)");
    }
}
