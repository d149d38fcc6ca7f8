package org.spectraledge.spectral;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.ejml.data.DMatrixRMaj;

/**
 * The rolling window of the last W parameter updates of one parameter group, with its Gram matrix kept up to
 * date as updates stream in (framework §1).
 *
 * <p>Feed it either snapshots θ_t ({@link #pushSnapshot}: the update δ_t = θ_t − θ_{t−1} is formed here, no
 * centering, no scaling) or ready-made updates ({@link #pushUpdate}). Each push reads the new vector once and the
 * W stored updates once, in one fused blocked pass that computes the W+1 new inner products ⟨δ_t, δ_i⟩ (including
 * ‖δ_t‖² and the product with the update about to leave): O(P·W) work, never O(P·W²), float64 throughout.
 *
 * <p>Memory: W+B update vectors of P doubles, B the largest batch ({@link #pushSnapshots}; 1 unless asked for), so
 * that a batch's new updates go into slots nothing in the window reads while the stored ones are still being read,
 * plus two snapshots of P doubles in snapshot mode. A rejected push (NaN, infinity, wrong length) leaves the window
 * exactly as it was.
 */
public final class UpdateWindow {
    /** Elements per block of the fused pass: 16 KiB of doubles per stream, so a block of every stream stays in L2. */
    private static final int BLOCK = 2048;

    private final String group;
    private final int dimension;
    private GramWindow gram;
    private final double[][] slots;     // update vectors, indexed by sequence number mod (W+B), allocated lazily
    private double[] previous;          // θ_{t−1} in snapshot mode
    private double[] incoming;          // receives θ_t during a push; swapped with previous on success
    private long snapshots;

    /**
     * @param group     name of the parameter group, used in error messages
     * @param window    W ≥ 2
     * @param dimension P, the length of every update
     */
    public UpdateWindow(String group, int window, int dimension) {
        this(group, window, dimension, 1);
    }

    /**
     * A window that takes batches of up to {@code batch} snapshots in one pass ({@link #pushSnapshots}).
     *
     * @param batch B ≥ 1; the window keeps W+B vectors
     */
    public UpdateWindow(String group, int window, int dimension, int batch) {
        if (dimension < 1) throw new IllegalArgumentException("group '" + group + "' has no parameters (P = " + dimension + ")");
        if (batch < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        this.group = group;
        this.dimension = dimension;
        this.gram = new GramWindow(window);
        this.slots = new double[window + batch][];
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
        boolean[] pushed = {false};
        pushSnapshots(List.of(theta), new long[] {step}, a -> pushed[0] = true);
        return pushed[0];
    }

    /**
     * Adds snapshots θ_a in order: the same, bit for bit, as {@link #pushSnapshot} for each in turn, but the W stored
     * updates are read from memory once per batch of B (the constructor's) instead of once per snapshot; the batch's
     * own updates are dotted with each other from the cache. A batch of B thus moves about (W/B + 4)·8 bytes per
     * parameter and snapshot instead of (W + 4)·8, which keeps a capture of a fast-training model from evicting the
     * training's data from the caches (figures: docs/benchmarks.md#update-capture-cost). Longer lists are taken B at a
     * time.
     *
     * @param thetas    the snapshots, each of length P. Not modified.
     * @param steps     their labels, one per snapshot. Not modified.
     * @param afterEach called with the batch index of each snapshot whose update is pushed, right after that push, so
     *                  that {@link #gram()} is the state of that moment (e.g. to analyze every window). If it throws,
     *                  the remaining updates are still pushed (without calling it) and the first exception is
     *                  rethrown at the end, so the window stays consistent.
     * @throws NonFiniteUpdateException at the first snapshot whose update holds NaN or an infinity: the updates
     *                                  before it are pushed, it and the later ones are not, and the window is exactly
     *                                  as after the last good one
     */
    public void pushSnapshots(List<? extends VectorSource> thetas, long[] steps, IntConsumer afterEach) {
        if (steps.length != thetas.size()) {
            throw new IllegalArgumentException(thetas.size() + " snapshots but " + steps.length + " step labels");
        }
        for (int a = 0; a < thetas.size(); a++) checkLength(thetas.get(a), steps[a]);
        int first = 0;
        if (previous == null && !thetas.isEmpty()) {
            double[] theta = new double[dimension];
            readAll(thetas.get(0), theta);
            if (!allFinite(theta)) throw context(new NonFiniteUpdateException(steps[0], "the first snapshot holds NaN or an infinity"));
            previous = theta;
            snapshots++;
            first = 1;
        }
        if (first == thetas.size()) return;
        int batch = slots.length - gram.capacity();
        for (int from = first; from < thetas.size(); from += batch) {
            int to = Math.min(thetas.size(), from + batch), offset = from;
            push(thetas.subList(from, to), Arrays.copyOfRange(steps, from, to), true, a -> afterEach.accept(a + offset));
        }
    }

    /**
     * Adds a ready-made update δ_t.
     *
     * @param delta the update, length P. Not modified.
     * @throws NonFiniteUpdateException if δ_t holds NaN or an infinity; the window keeps its previous state
     */
    public void pushUpdate(VectorSource delta, long step) {
        checkLength(delta, step);
        push(List.of(delta), new long[] {step}, false, a -> {});
    }

    /**
     * The parameter-space directions v_j = Xᵀu_j / σ_j of the current window (framework §1), formed on demand.
     *
     * @param k how many leading directions (1 ≤ k ≤ w)
     * @return k×P unit vectors; a direction whose σ_j is 0 is returned as zeros (it has none)
     */
    public double[][] directions(int k) {
        int w = gram.size();
        if (k < 1 || k > w) throw new IllegalArgumentException("asked for " + k + " directions of a window of " + w + " updates");
        Spectrum s = Spectrum.of(gram.gram());
        return directions(Arrays.copyOf(s.u(), k), Arrays.copyOf(s.sigma(), k));
    }

    /**
     * The directions v_j = Xᵀu_j / σ_j for a spectrum already at hand (e.g. a {@link WindowResult}'s, which is this
     * window's while no newer update has been pushed).
     *
     * @param u     left singular vectors u_j, one per row (k×w, oldest update first). Not modified.
     * @param sigma the matching σ_j (at least k). Not modified.
     * @return k×P; a direction whose σ_j is 0 is returned as zeros
     */
    public double[][] directions(double[][] u, double[] sigma) {
        int w = gram.size();
        double[][] v = new double[u.length][dimension];
        for (int j = 0; j < u.length; j++) {
            if (u[j].length != w) throw new IllegalArgumentException("u_" + (j + 1) + " has " + u[j].length + " entries, the window " + w);
            if (sigma[j] == 0) continue;
            for (int i = 0; i < w; i++) {
                double c = u[j][i] / sigma[j];
                double[] d = slots[slot(gram.count() - w + i)];
                for (int p = 0; p < dimension; p++) v[j][p] += c * d[p];
            }
        }
        return v;
    }

    /**
     * The window X itself as an EJML matrix: w×P, row i = update i (0 = oldest), freshly allocated (w·P doubles; for
     * large P prefer {@link #gram()}'s w×w {@link GramWindow#gramMatrix()}). Wrap it for the friendly API:
     * {@code SimpleMatrix.wrap(window.windowMatrix())}.
     */
    public DMatrixRMaj windowMatrix() {
        int w = gram.size();
        if ((long) w * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a " + w + "×" + dimension + " window exceeds one Java array (EJML stores a matrix in one);"
                    + " use gram().gramMatrix() or directions(k)");
        }
        DMatrixRMaj x = new DMatrixRMaj(w, dimension);
        for (int i = 0; i < w; i++) System.arraycopy(slots[slot(gram.count() - w + i)], 0, x.data, i * dimension, dimension);
        return x;
    }

    /** A copy of update i of the current window (0 = oldest). */
    public double[] update(int i) {
        int w = gram.size();
        if (i < 0 || i >= w) throw new IndexOutOfBoundsException("update " + i + " of a window of " + w);
        return slots[slot(gram.count() - w + i)].clone();
    }

    /**
     * Pushes k ≤ B updates in one blocked pass over the stored ones. Update a (sequence number seq + a) is dotted with
     * the W updates before it, oldest first: stored ones (read once per block for the whole batch) and earlier updates
     * of the batch (in the cache). Each product is summed in the same order as a one-update push, so batching never
     * changes a result. Update a goes into slot seq + a mod (W+B), which holds an update that left the window before
     * this batch began, so a rejected update leaves the window's vectors as they were.
     *
     * @param sources snapshots θ_a (then δ_a = θ_a − θ_{a−1}, θ_{−1} = {@link #previous}) or updates δ_a
     */
    private void push(List<? extends VectorSource> sources, long[] steps, boolean snapshot, IntConsumer afterEach) {
        int k = sources.size();
        int capacity = gram.capacity();
        long seq = gram.count();
        int stored = (int) Math.min(capacity, seq);
        double[][] window = new double[stored][];
        for (int i = 0; i < stored; i++) window[i] = slots[slot(seq - stored + i)];
        double[][] target = new double[k][];
        for (int a = 0; a < k; a++) {
            int t = slot(seq + a);
            if (slots[t] == null) slots[t] = new double[dimension];
            target[a] = slots[t];
        }
        double[][] dots = new double[k][];
        for (int a = 0; a < k; a++) dots[a] = new double[(int) Math.min(capacity, seq + a)];
        double[] self = new double[k];
        if (snapshot && incoming == null) incoming = new double[dimension];

        double[][] delta = new double[k][BLOCK];
        for (int off = 0; off < dimension; off += BLOCK) {
            int n = Math.min(BLOCK, dimension - off);
            readDeltas(sources, snapshot, off, n, delta);
            for (int a = 0; a < k; a++) {
                long oldest = Math.max(0, seq + a - capacity);
                int fromWindow = (int) Math.max(0, seq - oldest);
                int i0 = stored - fromWindow;
                double[] d = delta[a];
                double[] out = dots[a];
                // two stored updates per pass over the block: one load of the new block serves both products
                int j = 0;
                for (; j + 1 < fromWindow; j += 2) dot2(d, window[i0 + j], window[i0 + j + 1], off, n, out, j);
                if (j < fromWindow) out[j] += dot(d, window[i0 + j++], off, n);
                for (int b = (int) Math.max(0, oldest - seq); b < a; b++) out[j++] += dot(d, delta[b], 0, n);
                self[a] += dot(d, d, 0, n);
                System.arraycopy(d, 0, target[a], off, n);
            }
        }

        int accepted = 0;
        while (accepted < k && allFinite(dots[accepted]) && Double.isFinite(self[accepted])) accepted++;
        if (snapshot && accepted == k) {
            double[] t = previous;
            previous = incoming;
            incoming = t;
        } else if (snapshot && accepted > 0) {
            readAll(sources.get(accepted - 1), previous);
        }
        if (snapshot) snapshots += accepted;
        RuntimeException thrown = null;
        for (int a = 0; a < accepted; a++) {
            gram.push(dots[a], self[a], steps[a]);
            if (thrown != null) continue;
            try {
                afterEach.accept(a);
            } catch (RuntimeException e) {
                thrown = e;
            }
        }
        if (accepted < k) {
            try {
                gram.push(dots[accepted], self[accepted], steps[accepted]);
                throw new IllegalStateException("update " + accepted + " of the batch was expected to be rejected");
            } catch (NonFiniteUpdateException e) {
                if (thrown == null) thrown = context(e);
            }
        }
        if (thrown != null) throw thrown;
    }

    /**
     * Block [off, off+n) of each update of the batch into {@code delta}. For snapshots θ_{k−1}'s block also goes to
     * {@link #incoming} (the next previous snapshot) and the differences are taken from the last update down, so
     * that θ_{a−1} is still raw when δ_a is formed.
     *
     * @param delta Modified.
     */
    private void readDeltas(List<? extends VectorSource> sources, boolean snapshot, int off, int n, double[][] delta) {
        int k = sources.size();
        for (int a = 0; a < k; a++) sources.get(a).read(off, delta[a], n);
        if (!snapshot) return;
        System.arraycopy(delta[k - 1], 0, incoming, off, n);
        for (int a = k - 1; a >= 1; a--) {
            double[] d = delta[a], before = delta[a - 1];
            for (int i = 0; i < n; i++) d[i] -= before[i];
        }
        double[] d = delta[0];
        for (int i = 0; i < n; i++) d[i] -= previous[off + i];
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

    /**
     * Everything needed to continue this window elsewhere (a checkpoint).
     *
     * @param gram      the Gram state
     * @param recent    the last W+1 updates (the window and the one that left it last), indexed by sequence number
     *                  mod (W+1); {@code null} where there is none yet
     * @param previous  θ_{t−1} in snapshot mode, else {@code null}
     * @param snapshots snapshots seen so far
     */
    public record State(GramWindow.State gram, double[][] recent, double[] previous, long snapshots) {}

    /** The state, sharing this window's arrays: write it out before the next push. */
    public State state() {
        int ring = gram.capacity() + 1;
        double[][] recent = new double[ring][];
        for (long q = Math.max(0, gram.count() - ring); q < gram.count(); q++) recent[(int) (q % ring)] = slots[slot(q)];
        return new State(gram.state(), recent, previous, snapshots);
    }

    /**
     * Continues from a saved state, replacing this window's.
     *
     * @throws IllegalArgumentException if the state is of another window length or dimension
     */
    public void restore(State state) {
        GramWindow.State g = state.gram();
        int ring = gram.capacity() + 1;
        if (g.capacity() != gram.capacity() || state.recent().length != ring) {
            throw new IllegalArgumentException("group '" + group + "': saved window has W = " + g.capacity() + ", this one " + gram.capacity());
        }
        for (double[] v : state.recent()) checkDimension(v);
        checkDimension(state.previous());
        Arrays.fill(slots, null);
        for (long q = Math.max(0, g.count() - ring); q < g.count(); q++) {
            double[] v = state.recent()[(int) (q % ring)];
            slots[slot(q)] = v == null ? null : v.clone();
        }
        previous = state.previous() == null ? null : state.previous().clone();
        gram = GramWindow.restore(g);
        snapshots = state.snapshots();
    }

    private void checkDimension(double[] v) {
        if (v != null && v.length != dimension) {
            throw new IllegalArgumentException("group '" + group + "': saved vectors have " + v.length + " elements, this window holds " + dimension);
        }
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
