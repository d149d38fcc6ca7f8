package org.spectraledge.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.spectraledge.spectral.GramWindow;
import org.spectraledge.spectral.NonFiniteUpdateException;

/**
 * The update window of one parameter group kept in native (PyTorch) memory, next to the parameters it watches
 * (SPEC §1). Each snapshot is gathered, differenced and dotted with the stored updates by the engine; only the W+1
 * new inner products (float64) cross into Java, where a {@link GramWindow} keeps the Gram matrix. This avoids
 * copying P floats to the Java heap at every step.
 *
 * <p>Storage: a (W+1)×P float64 matrix of updates (row = sequence number mod (W+1)) and the previous snapshot, both
 * owned by this window's manager. Float32 parameters are widened before differencing, so δ and every inner product
 * are float64. A snapshot whose update is NaN or infinite is rejected: the Gram state, the window's updates and the
 * previous snapshot stay as they were (only the row of the update that already left the window, which nothing reads,
 * is cleared).
 *
 * <p>Cost per snapshot: one concatenation, widening and sum of θ ({@link #snapshot}, while the parameters hold still),
 * then one subtraction, one native row copy and one (W+1)×P matrix–vector product (all inner products including ‖δ‖²,
 * read back as W+1 doubles; {@link #push}, which may run later on another thread). Every temporary lives in a
 * sub-manager closed at the end, so native memory stays flat however long the run. Nothing of size P passes through
 * the Java heap (see {@code docs/benchmarks.md}, issue 3, for the measurements).
 */
public final class NativeUpdateWindow implements AutoCloseable {
    private final String group;
    private final int dimension;
    private GramWindow gram;
    private final NDManager manager;
    private final NDArray rows;
    private NDArray previous;
    private long snapshots;

    /**
     * @param group     group name for messages
     * @param window    W ≥ 2
     * @param dimension P of the group
     * @param parent    manager whose device the window lives on; the window opens its own sub-manager
     */
    public NativeUpdateWindow(String group, int window, int dimension, NDManager parent) {
        if (dimension < 1) throw new IllegalArgumentException("group '" + group + "' has no parameters");
        this.group = group;
        this.dimension = dimension;
        this.gram = new GramWindow(window);
        this.manager = parent.newSubManager();
        this.rows = manager.zeros(new Shape(window + 1, dimension), DataType.FLOAT64);
    }

    /** The Gram state of the window. */
    public GramWindow gram() { return gram; }

    /** P. */
    public int dimension() { return dimension; }

    /** Snapshots accepted so far. */
    public long snapshots() { return snapshots; }

    /**
     * Adds the snapshot made of the given tensors, flattened and concatenated in order: {@link #snapshot} then
     * {@link #push}, on the calling thread.
     *
     * @param tensors the group's parameter arrays, in layout order. Not modified.
     * @return true if an update was pushed (false for the first snapshot)
     * @throws NonFiniteUpdateException if the update holds NaN or an infinity; nothing is changed
     */
    public boolean pushSnapshot(List<NDArray> tensors, long step) {
        try (NDManager scope = manager.newSubManager()) {
            return push(snapshot(tensors, step, scope), step);
        }
    }

    /**
     * θ of the group as a new float64 vector on {@code scope}, checked: the part of a push that must happen before
     * the parameters change again. The rest ({@link #push}) may run later, on another thread, as long as pushes keep
     * their order ({@link UpdateCapture} does that).
     *
     * @param scope where θ and its temporaries live until {@link #push} takes θ over; a sub-manager of
     *              {@link #manager()} that the caller closes
     * @throws NonFiniteUpdateException if θ holds NaN or an infinity (then so would the update); nothing is changed
     * @throws IllegalArgumentException if the tensors do not hold P elements
     */
    public NDArray snapshot(List<NDArray> tensors, long step, NDManager scope) {
        NDArray theta = gather(tensors, scope);
        if (theta.size() != dimension) {
            throw new IllegalArgumentException("group '" + group + "', step " + step + ": snapshot has " + theta.size()
                    + " elements but the window holds vectors of " + dimension);
        }
        // the sum of finite float32 values widened to float64 cannot overflow, so it is finite exactly when θ is
        NDArray sum = theta.sum();
        sum.attach(scope);
        double total = sum.getDouble();
        if (!Double.isFinite(total)) {
            throw new NonFiniteUpdateException(step, "the parameters hold NaN or an infinity (their sum is " + total + ")")
                    .withContext("group '" + group + "'");
        }
        return theta;
    }

    /**
     * Adds θ from {@link #snapshot}: the update δ = θ − θ_prev goes into the window (nothing for the first snapshot),
     * and θ becomes the previous snapshot (it moves to this window's memory).
     *
     * @return true if an update was pushed (false for the first snapshot)
     * @throws NonFiniteUpdateException if an inner product is not finite; nothing is changed
     */
    public boolean push(NDArray theta, long step) {
        try (NDManager scope = manager.newSubManager()) {
            if (previous == null) {
                keepAsPrevious(theta);
                snapshots++;
                return false;
            }
            NDArray delta = theta.sub(previous);
            delta.attach(scope);
            // δ goes into its row first (a native copy_ over the departed update, which no window quantity reads any
            // more), so that one pass over the rows gives ⟨δ_i, δ_new⟩ for the window and ‖δ_new‖² together
            long seq = gram.count();
            int slot = slot(seq);
            rows.set(new NDIndex(slot), delta);
            NDArray products = rows.matMul(delta);
            products.attach(scope);
            double[] all = products.toDoubleArray();
            int m = gram.pendingDots();
            double[] dots = new double[m];
            for (int i = 0; i < m; i++) dots[i] = all[slot(seq - m + i)];
            try {
                gram.push(dots, all[slot], step);
            } catch (NonFiniteUpdateException e) {
                rows.set(new NDIndex(slot), 0.0); // no NaN stays behind; the slot is rewritten by the next push
                throw e.withContext("group '" + group + "'");
            }
            keepAsPrevious(theta);
            snapshots++;
            return true;
        }
    }

    /** The manager this window's native memory lives on; snapshots are taken on sub-managers of it. */
    public NDManager manager() { return manager; }

    /**
     * θ of the group as one new float64 vector on {@code scope}: the tensors are flattened (views), concatenated in
     * their own type and widened once. Every intermediate is attached to the scope at once, because the result of an
     * op lives on its first input's manager, which for a parameter is the model's.
     */
    private static NDArray gather(List<NDArray> tensors, NDManager scope) {
        NDList flat = new NDList(tensors.size());
        for (NDArray t : tensors) {
            NDArray f = t.flatten();
            f.attach(scope);
            flat.add(f);
        }
        NDArray joined = flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat);
        joined.attach(scope);
        // a single tensor's flattened view aliases the live parameter; widening copies it, but for a float64
        // parameter PyTorch's to(dtype) returns the same tensor (DJL's copy flag notwithstanding), so duplicate
        NDArray theta = joined.getDataType() != DataType.FLOAT64 ? joined.toType(DataType.FLOAT64, false)
                : flat.size() == 1 ? joined.duplicate() : joined;
        theta.attach(scope);
        return theta;
    }

    /**
     * Makes θ (a fresh array of the step's scope) the previous snapshot by moving it to this window's manager and
     * freeing the old one. Why not {@code copyTo}: DJL implements it as a copy to a Java byte array and then to a new
     * direct buffer on every call; at P = 52k that was 0.15–0.75 ms plus GC pauses (the direct buffers are freed only
     * by the garbage collector) per snapshot, against nothing for the move.
     */
    private void keepAsPrevious(NDArray theta) {
        theta.attach(manager);
        if (previous != null) previous.close();
        previous = theta;
    }

    /**
     * The parameter-space directions v_j = Xᵀu_j/σ_j (SPEC §1) of the current window, copied to Java.
     *
     * @param u     left singular vectors u_j (k×w, oldest update first), e.g. from the window's spectrum
     * @param sigma the matching σ_j; a direction with σ_j = 0 is returned as zeros
     */
    public double[][] directions(double[][] u, double[] sigma) {
        int w = gram.size();
        int k = u.length;
        double[] coefficients = new double[k * slots()];
        for (int j = 0; j < k; j++) {
            if (u[j].length != w) throw new IllegalArgumentException("u_" + (j + 1) + " has " + u[j].length + " entries, the window " + w);
            if (sigma[j] == 0) continue;
            for (int i = 0; i < w; i++) coefficients[j * slots() + slot(gram.count() - w + i)] = u[j][i] / sigma[j];
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray c = scope.create(coefficients, new Shape(k, slots()));
            NDArray v = c.matMul(rows);
            v.attach(scope);
            double[] flat = v.toDoubleArray();
            double[][] out = new double[k][dimension];
            for (int j = 0; j < k; j++) System.arraycopy(flat, j * dimension, out[j], 0, dimension);
            return out;
        }
    }

    /** Writes the whole window (Gram state, stored updates, previous snapshot) for a checkpoint. */
    public void save(DataOutputStream out) throws IOException {
        GramWindow.State st = gram.state();
        out.writeUTF(group);
        out.writeInt(st.capacity());
        out.writeInt(dimension);
        out.writeLong(st.count());
        out.writeLong(snapshots);
        for (double[] row : st.inner()) for (double v : row) out.writeDouble(v);
        for (long v : st.steps()) out.writeLong(v);
        writeDoubles(out, rows.toDoubleArray());
        out.writeBoolean(previous != null);
        if (previous != null) writeDoubles(out, previous.toDoubleArray());
    }

    /**
     * Restores a window written by {@link #save}, replacing this one's state.
     *
     * @throws IOException if the saved window is of another group, length or size
     */
    public void load(DataInputStream in) throws IOException {
        String savedGroup = in.readUTF();
        int w = in.readInt(), p = in.readInt();
        if (!savedGroup.equals(group) || w != gram.capacity() || p != dimension) {
            throw new IOException("checkpoint holds window '" + savedGroup + "' (W = " + w + ", P = " + p + ") but this run has '"
                    + group + "' (W = " + gram.capacity() + ", P = " + dimension + "); resume with the run's own configuration");
        }
        long count = in.readLong();
        long snaps = in.readLong();
        double[][] inner = new double[w + 1][w + 1];
        for (double[] row : inner) for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
        long[] steps = new long[w + 1];
        for (int i = 0; i < steps.length; i++) steps[i] = in.readLong();
        rows.set(readDoubles(in, (w + 1) * p));
        if (in.readBoolean()) {
            if (previous != null) previous.close();
            previous = manager.create(readDoubles(in, p));
        } else if (previous != null) {
            previous.close();
            previous = null;
        }
        gram = GramWindow.restore(new GramWindow.State(w, count, inner, steps));
        snapshots = snaps;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        b.asDoubleBuffer().put(values);
        out.write(b.array());
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        byte[] bytes = new byte[8 * n];
        in.readFully(bytes);
        double[] values = new double[n];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    @Override
    public void close() {
        manager.close();
    }

    private int slots() { return gram.capacity() + 1; }

    private int slot(long sequence) { return (int) (sequence % (gram.capacity() + 1)); }

}
