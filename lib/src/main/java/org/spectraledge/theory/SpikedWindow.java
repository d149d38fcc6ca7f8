package org.spectraledge.theory;

import java.util.Arrays;
import org.spectraledge.spectral.Spectrum;
import org.spectraledge.spectral.UpdateWindow;
import org.spectraledge.spectral.VectorSource;

/**
 * One synthetic window X = Σ_m d_m a_m b_mᵀ + ν Z ∈ R^{W×P} drawn by {@link SpikedWindowGenerator}.
 *
 * @param updates   the W updates (rows of X), oldest first, each of length P
 * @param strengths the planted signal strengths d_1 ≥ … ≥ d_k (may be empty: pure noise)
 * @param left      a_m ∈ R^W, the planted left singular vectors (k×W); a_1 = (1,…,1)/√W is a constant drift
 * @param nu        the noise level ν (entry standard deviation)
 */
public record SpikedWindow(double[][] updates, double[] strengths, double[][] left, double nu) {

    public SpikedWindow {
        if (updates.length < 2) throw new IllegalArgumentException("a window needs W ≥ 2 updates, got " + updates.length);
        if (left.length != strengths.length) {
            throw new IllegalArgumentException(strengths.length + " strengths but " + left.length + " left vectors");
        }
        updates = deepCopy(updates);
        strengths = strengths.clone();
        left = deepCopy(left);
    }

    @Override public double[][] updates() { return deepCopy(updates); }
    @Override public double[] strengths() { return strengths.clone(); }
    @Override public double[][] left() { return deepCopy(left); }

    /** W. */
    public int window() { return updates.length; }

    /** P. */
    public int parameters() { return updates[0].length; }

    /** Pushes the updates, oldest first, into a new {@link UpdateWindow} of length W (so the library forms G). */
    public UpdateWindow toUpdateWindow() {
        UpdateWindow w = new UpdateWindow("synthetic", window(), parameters());
        for (int t = 0; t < updates.length; t++) w.pushUpdate(VectorSource.of(updates[t]), t);
        return w;
    }

    /** The spectrum of G = XXᵀ, computed by the library's window and eigen-solver. */
    public Spectrum spectrum() {
        return Spectrum.of(toUpdateWindow().gram().gram());
    }

    private static double[][] deepCopy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
