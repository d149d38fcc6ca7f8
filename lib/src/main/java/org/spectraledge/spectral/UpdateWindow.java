package org.spectraledge.spectral;

/**
 * The rolling window of the last W parameter updates of one parameter group, with its Gram matrix kept up to
 * date as updates stream in (SPEC §1).
 *
 * <p>Feed it either snapshots θ_t ({@link #pushSnapshot}: the update δ_t = θ_t − θ_{t−1} is formed here, no
 * centering, no scaling) or ready-made updates ({@link #pushUpdate}). Each push reads the new vector once and the
 * W stored updates once, in one fused blocked pass that computes the W+1 new inner products ⟨δ_t, δ_i⟩ (including
 * ‖δ_t‖² and the product with the update about to leave): O(P·W) work, never O(P·W²), float64 throughout.
 *
 * <p>Memory: W+1 update vectors of P doubles (the extra slot receives the new update while the leaving one is
 * still read), plus two snapshots of P doubles in snapshot mode. A rejected push (NaN, infinity, wrong length)
 * leaves the window exactly as it was.
 */
public final class UpdateWindow {
    /** Elements per block of the fused pass: 16 KiB of doubles per stream, so a block of every stream stays in L2. */
    private static final int BLOCK = 2048;

    private final String group;
    private final int dimension;
    private final GramWindow gram;
    private final double[][] slots;     // update vectors, indexed by sequence number mod (W+1), allocated lazily
    private double[] previous;          // θ_{t−1} in snapshot mode
    private double[] incoming;          // receives θ_t during a push; swapped with previous on success
    private long snapshots;

    /**
     * @param group     name of the parameter group, used in error messages
     * @param window    W ≥ 2
     * @param dimension P, the length of every update
     */
    public UpdateWindow(String group, int window, int dimension) {
        if (dimension < 1) throw new IllegalArgumentException("group '" + group + "' has no parameters (P = " + dimension + ")");
        this.group = group;
        this.dimension = dimension;
        this.gram = new GramWindow(window);
        this.slots = new double[window + 1][];
    }

    /** The group name. */
    public String group() { return group; }

    /** P. */
    public int dimension() { return dimension; }

    /** The Gram state (read it, analyze it; pushing to it directly would desynchronise the stored vectors). */
    public GramWindow gram() { return gram; }

    /** Snapshots seen so far in snapshot mode. */
    public long snapshots() { return snapshots; }

    /**
     * Adds snapshot θ_t. The first snapshot only sets the reference; every later one forms δ_t = θ_t − θ_{t−1} and
     * pushes it.
     *
     * @param theta the snapshot, length P. Not modified.
     * @param step  label of this snapshot (kept as the label of the update it ends)
     * @return true if an update was pushed (false for the very first snapshot)
     * @throws NonFiniteUpdateException if δ_t holds NaN or an infinity; the window keeps its previous state
     */
    public boolean pushSnapshot(VectorSource theta, long step) {
        checkLength(theta, step);
        if (previous == null) {
            previous = new double[dimension];
            readAll(theta, previous);
            if (!allFinite(previous)) {
                previous = null;
                throw context(new NonFiniteUpdateException(step, "the first snapshot holds NaN or an infinity"));
            }
            snapshots++;
            return false;
        }
        if (incoming == null) incoming = new double[dimension];
        push(theta, true, step);
        double[] t = previous;
        previous = incoming;
        incoming = t;
        snapshots++;
        return true;
    }

    /**
     * Adds a ready-made update δ_t.
     *
     * @param delta the update, length P. Not modified.
     * @throws NonFiniteUpdateException if δ_t holds NaN or an infinity; the window keeps its previous state
     */
    public void pushUpdate(VectorSource delta, long step) {
        checkLength(delta, step);
        push(delta, false, step);
    }

    /**
     * The parameter-space directions v_j = Xᵀu_j / σ_j of the current window (SPEC §1), formed on demand.
     *
     * @param k how many leading directions (1 ≤ k ≤ w)
     * @return k×P unit vectors; a direction whose σ_j is 0 is returned as zeros (it has none)
     */
    public double[][] directions(int k) {
        int w = gram.size();
        if (k < 1 || k > w) throw new IllegalArgumentException("asked for " + k + " directions of a window of " + w + " updates");
        Spectrum s = Spectrum.of(gram.gram());
        double[][] u = s.u();
        double[][] v = new double[k][dimension];
        for (int j = 0; j < k; j++) {
            if (s.sigma(j + 1) == 0) continue;
            for (int i = 0; i < w; i++) {
                double c = u[j][i] / s.sigma(j + 1);
                double[] d = slots[slot(gram.count() - w + i)];
                for (int p = 0; p < dimension; p++) v[j][p] += c * d[p];
            }
        }
        return v;
    }

    /** A copy of update i of the current window (0 = oldest). */
    public double[] update(int i) {
        int w = gram.size();
        if (i < 0 || i >= w) throw new IndexOutOfBoundsException("update " + i + " of a window of " + w);
        return slots[slot(gram.count() - w + i)].clone();
    }

    private void push(VectorSource source, boolean snapshot, long step) {
        long seq = gram.count();
        int m = gram.pendingDots();
        int target = slot(seq);
        if (slots[target] == null) slots[target] = new double[dimension];
        double[] out = slots[target];
        double[][] window = new double[m][];
        for (int i = 0; i < m; i++) window[i] = slots[slot(seq - m + i)];

        double[] dots = new double[m];
        double self = 0;
        double[] block = new double[BLOCK];
        for (int off = 0; off < dimension; off += BLOCK) {
            int n = Math.min(BLOCK, dimension - off);
            source.read(off, block, n);
            if (snapshot) {
                System.arraycopy(block, 0, incoming, off, n);
                for (int i = 0; i < n; i++) block[i] -= previous[off + i];
            }
            // two stored updates per pass over the block: one load of the new block serves both products
            int i = 0;
            for (; i + 1 < m; i += 2) dot2(block, window[i], window[i + 1], off, n, dots, i);
            if (i < m) dots[i] += dot(block, window[i], off, n);
            self += dot(block, block, 0, n);
            System.arraycopy(block, 0, out, off, n);
        }
        try {
            gram.push(dots, self, step);
        } catch (NonFiniteUpdateException e) {
            throw context(e);
        }
    }

    /** Σ_i a[i]·b[off+i] for i < n, with four independent accumulators so the loop is not one long dependency chain. */
    private static double dot(double[] a, double[] b, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[off + i];
            s1 += a[i + 1] * b[off + i + 1];
            s2 += a[i + 2] * b[off + i + 2];
            s3 += a[i + 3] * b[off + i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[off + i];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Adds Σ_k a[k]·b[off+k] to sums[at] and Σ_k a[k]·c[off+k] to sums[at+1], k < n: the same four-accumulator sum
     * as {@link #dot} for each product (so the results are identical), with both done in one loop so that a[k] is
     * loaded once and eight independent chains keep both floating-point adders busy.
     *
     * @param sums Modified.
     */
    private static void dot2(double[] a, double[] b, double[] c, int off, int n, double[] sums, int at) {
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            double a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3];
            int o = off + k;
            b0 += a0 * b[o];
            b1 += a1 * b[o + 1];
            b2 += a2 * b[o + 2];
            b3 += a3 * b[o + 3];
            c0 += a0 * c[o];
            c1 += a1 * c[o + 1];
            c2 += a2 * c[o + 2];
            c3 += a3 * c[o + 3];
        }
        for (; k < n; k++) {
            b0 += a[k] * b[off + k];
            c0 += a[k] * c[off + k];
        }
        sums[at] += (b0 + b1) + (b2 + b3);
        sums[at + 1] += (c0 + c1) + (c2 + c3);
    }

    private void checkLength(VectorSource v, long step) {
        if (v.length() != dimension) {
            throw new IllegalArgumentException("group '" + group + "', step " + step + ": vector has " + v.length()
                    + " elements but the window holds vectors of " + dimension + " (did the model or the group change?)");
        }
    }

    private NonFiniteUpdateException context(NonFiniteUpdateException e) {
        return e.withContext("group '" + group + "'");
    }

    private void readAll(VectorSource source, double[] dst) {
        double[] block = new double[BLOCK];
        for (int off = 0; off < dimension; off += BLOCK) {
            int n = Math.min(BLOCK, dimension - off);
            source.read(off, block, n);
            System.arraycopy(block, 0, dst, off, n);
        }
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }

    private int slot(long sequence) {
        return (int) (sequence % slots.length);
    }
}
