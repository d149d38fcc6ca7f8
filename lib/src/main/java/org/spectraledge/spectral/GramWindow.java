package org.spectraledge.spectral;

import org.ejml.data.DMatrixRMaj;

/**
 * The Gram matrix of the most recent updates, maintained incrementally (framework §1).
 *
 * <p>It keeps the inner products among the last W+1 updates δ: the current window X_t (the last W,
 * right-aligned) plus δ_old, the update that has just left it. That one extra row is what the exact window
 * change ‖ΔG‖_F (framework §4) and the cross-Gram X_{t−1} X_tᵀ of consecutive windows need, so neither ever
 * touches a parameter vector again. A push costs O(W) stores; nothing is recomputed.
 *
 * <p>Before W updates exist the window is <em>partial</em>: its size is w = number of updates so far.
 * The matrices handed out are ordered oldest update first. All values are float64.
 *
 * <p>This class knows no vectors: {@link UpdateWindow} computes the inner products from parameter vectors,
 * and a caller whose vectors live elsewhere (e.g. in native memory) may compute them itself and push them here.
 */
public final class GramWindow {
    private final int capacity;      // W
    private final double[][] inner;  // (W+1)×(W+1), indexed by sequence number mod (W+1)
    private final long[] steps;      // step label of each stored update, same indexing
    private long count;              // updates accepted so far

    /** @param window W ≥ 2, the window length in updates. */
    public GramWindow(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window length W must be at least 2 (a gap needs two singular values), got " + window);
        }
        this.capacity = window;
        this.inner = new double[window + 1][window + 1];
        this.steps = new long[window + 1];
    }

    /** W, the full window length. */
    public int capacity() { return capacity; }

    /** Number of updates accepted so far. */
    public long count() { return count; }

    /** w = min(W, updates so far), the number of updates in the current window. */
    public int size() { return (int) Math.min(capacity, count); }

    /** True while fewer than W updates exist (framework §1: such a window is flagged partial). */
    public boolean isPartial() { return count < capacity; }

    /** How many updates the next push must be dotted with: the current window, oldest first. */
    public int pendingDots() { return size(); }

    /**
     * Accepts a new update δ_new given only through its inner products.
     *
     * @param dots     ⟨δ_new, δ_i⟩ for the {@link #pendingDots()} updates of the current window, oldest first.
     *                 Not modified.
     * @param selfNorm ‖δ_new‖², the squared Euclidean norm.
     * @param step     label of the update (e.g. the optimizer step or snapshot index of θ_t).
     * @throws NonFiniteUpdateException if any value is NaN or infinite; the window is then left unchanged.
     */
    public void push(double[] dots, double selfNorm, long step) {
        int m = pendingDots();
        if (dots.length < m) {
            throw new IllegalArgumentException("expected " + m + " inner products with the current window, got " + dots.length);
        }
        if (!Double.isFinite(selfNorm)) throw new NonFiniteUpdateException(step, "its squared norm is " + selfNorm);
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(dots[i])) throw new NonFiniteUpdateException(step, "an inner product is " + dots[i]);
        }
        int slot = slot(count);
        for (int i = 0; i < m; i++) {
            int other = slot(count - m + i);
            inner[slot][other] = dots[i];
            inner[other][slot] = dots[i];
        }
        inner[slot][slot] = selfNorm;
        steps[slot] = step;
        count++;
    }

    /** The current Gram matrix G = X Xᵀ (w×w, oldest update first), a fresh copy. */
    public double[][] gram() {
        int w = size();
        double[][] g = new double[w][w];
        for (int i = 0; i < w; i++) {
            int si = slot(count - w + i);
            for (int j = 0; j < w; j++) g[i][j] = inner[si][slot(count - w + j)];
        }
        return g;
    }

    /**
     * The current Gram matrix G = X Xᵀ as an EJML matrix (w×w, oldest update first), freshly allocated; for the
     * friendly API wrap it: {@code SimpleMatrix.wrap(window.gramMatrix())}.
     */
    public DMatrixRMaj gramMatrix() {
        return gramMatrix(new DMatrixRMaj(0, 0));
    }

    /**
     * The current Gram matrix G = X Xᵀ written into {@code out} (reshaped to w×w, oldest update first), so that a
     * caller polling every step reuses one buffer.
     *
     * @param out receives G. Modified.
     * @return {@code out}
     */
    public DMatrixRMaj gramMatrix(DMatrixRMaj out) {
        int w = size();
        out.reshape(w, w);
        for (int i = 0; i < w; i++) {
            int si = slot(count - w + i);
            for (int j = 0; j < w; j++) out.unsafe_set(i, j, inner[si][slot(count - w + j)]);
        }
        return out;
    }

    /**
     * The cross-Gram X_{t−1} X_tᵀ between the previous window (rows) and the current one (columns), both oldest
     * first. Empty (0 rows) before the second update.
     */
    public double[][] crossGramWithPrevious() {
        int w = size();
        int prev = (int) Math.min(capacity, count - 1);
        double[][] c = new double[Math.max(prev, 0)][w];
        for (int i = 0; i < prev; i++) {
            int si = slot(count - 1 - prev + i);
            for (int j = 0; j < w; j++) c[i][j] = inner[si][slot(count - w + j)];
        }
        return c;
    }

    /** ‖δ_new‖², the squared norm of the newest update (0 before any). */
    public double newestNormSquared() {
        return count == 0 ? 0 : inner[slot(count - 1)][slot(count - 1)];
    }

    /** True when an update left the window on the last push (the window was already full). */
    public boolean hasDeparted() { return count > capacity; }

    /** ‖δ_old‖² of the update that left on the last push, 0 if none left. */
    public double departedNormSquared() {
        return hasDeparted() ? inner[slot(count - 1 - capacity)][slot(count - 1 - capacity)] : 0;
    }

    /** ⟨δ_new, δ_old⟩, 0 if no update left on the last push. */
    public double newestDotDeparted() {
        return hasDeparted() ? inner[slot(count - 1)][slot(count - 1 - capacity)] : 0;
    }

    /** Step label of the newest update. */
    public long newestStep() {
        if (count == 0) throw new IllegalStateException("the window is empty");
        return steps[slot(count - 1)];
    }

    /** Step labels of the current window, oldest first. */
    public long[] windowSteps() {
        int w = size();
        long[] s = new long[w];
        for (int i = 0; i < w; i++) s[i] = steps[slot(count - w + i)];
        return s;
    }

    /**
     * Everything needed to continue this window elsewhere (a checkpoint).
     *
     * @param capacity W
     * @param count    updates accepted so far
     * @param inner    the (W+1)×(W+1) inner products, indexed by sequence number mod (W+1)
     * @param steps    the step label of each stored update, same indexing
     */
    public record State(int capacity, long count, double[][] inner, long[] steps) {
        public State {
            if (inner.length != capacity + 1 || steps.length != capacity + 1) {
                throw new IllegalArgumentException("a window state for W = " + capacity + " needs " + (capacity + 1) + " rows");
            }
            inner = java.util.Arrays.stream(inner).map(double[]::clone).toArray(double[][]::new);
            steps = steps.clone();
        }
    }

    /** A copy of the state. */
    public State state() {
        return new State(capacity, count, inner, steps);
    }

    /** A window continuing from a saved state. */
    public static GramWindow restore(State state) {
        GramWindow w = new GramWindow(state.capacity());
        for (int i = 0; i <= state.capacity(); i++) System.arraycopy(state.inner()[i], 0, w.inner[i], 0, state.capacity() + 1);
        System.arraycopy(state.steps(), 0, w.steps, 0, state.capacity() + 1);
        w.count = state.count();
        return w;
    }

    private int slot(long sequence) {
        return (int) (sequence % (capacity + 1));
    }
}
