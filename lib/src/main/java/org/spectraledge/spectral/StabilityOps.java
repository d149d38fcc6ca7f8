package org.spectraledge.spectral;

/** Computations behind {@link Stability} (framework §4). Stateless. */
final class StabilityOps {
    private StabilityOps() {}

    /**
     * @param previous spectrum of the previous window (size 0 for the first window)
     * @param current  spectrum of the current window
     * @param gram     current Gram matrix, w×w, oldest first. Not modified.
     * @param cross    X_{t−1} X_tᵀ, w_{t−1}×w. Not modified.
     * @param newNorm2 ‖δ_new‖²
     * @param oldNorm2 ‖δ_old‖² (0 if nothing left the window)
     * @param newDotOld ⟨δ_new, δ_old⟩ (0 if nothing left the window)
     */
    static Stability compute(Spectrum previous, Spectrum current, double[][] gram, double[][] cross,
                             double newNorm2, double oldNorm2, double newDotOld) {
        int w = current.size();
        double exact = Math.sqrt(Math.max(0, newNorm2 * newNorm2 + oldNorm2 * oldNorm2 - 2 * newDotOld * newDotOld));
        double eigen = 0;
        for (int j = 0; j < Math.max(w, previous.size()); j++) {
            double a = j < w ? current.lambda(j + 1) : 0;
            double b = j < previous.size() ? previous.lambda(j + 1) : 0;
            eigen += (a - b) * (a - b);
        }
        eigen = Math.sqrt(eigen);

        double[] gaps = new double[w];
        double[] dk = new double[w];
        double[] alpha = new double[w];
        for (int j = 0; j < w; j++) {
            double g = Double.POSITIVE_INFINITY;
            for (int l = 0; l < w; l++) if (l != j) g = Math.min(g, Math.abs(current.lambda(j + 1) - current.lambda(l + 1)));
            gaps[j] = g;
            if (exact == 0) {
                dk[j] = 0;
                alpha[j] = 1;
            } else if (g == 0) {
                dk[j] = 1;
                alpha[j] = 0;
            } else {
                dk[j] = Math.min(1, exact / g);
                alpha[j] = Math.max(0, 1 - (exact / g) * (exact / g));
            }
        }

        double[] overlap = previous.size() == 0 ? new double[0] : overlaps(previous, current, cross);
        int h = w / 2;
        double[][] first = block(gram, 0, h, 0, h);
        double[][] second = block(gram, h, w, h, w);
        double[] half = overlaps(Spectrum.of(first), Spectrum.of(second), block(gram, 0, h, h, w));
        return new Stability(exact, eigen, gaps, dk, alpha, overlap, half);
    }

    /**
     * |⟨v_j^A, v_j^B⟩| for the right singular vectors of two windows A, B given their spectra and the cross-Gram
     * C = X_A X_Bᵀ: v_j^A·v_j^B = (X_Aᵀa_j/σ^A_j)·(X_Bᵀb_j/σ^B_j) = a_jᵀ C b_j / (σ^A_j σ^B_j).
     */
    static double[] overlaps(Spectrum a, Spectrum b, double[][] cross) {
        int n = Math.min(a.size(), b.size());
        double[][] ua = a.u();
        double[][] ub = b.u();
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double denominator = a.sigma(j + 1) * b.sigma(j + 1);
            if (denominator == 0) continue;   // a zero mode has no direction to compare
            double s = 0;
            for (int i = 0; i < cross.length; i++) {
                double row = 0;
                for (int k = 0; k < cross[i].length; k++) row += cross[i][k] * ub[j][k];
                s += ua[j][i] * row;
            }
            out[j] = Math.min(1, Math.abs(s) / denominator);
        }
        return out;
    }

    private static double[][] block(double[][] m, int r0, int r1, int c0, int c1) {
        double[][] b = new double[r1 - r0][c1 - c0];
        for (int i = r0; i < r1; i++) System.arraycopy(m[i], c0, b[i - r0], 0, c1 - c0);
        return b;
    }
}
