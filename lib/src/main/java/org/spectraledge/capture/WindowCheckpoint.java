package org.spectraledge.capture;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.spectraledge.spectral.GramWindow;
import org.spectraledge.spectral.UpdateWindow;

/**
 * An {@link UpdateWindow} in a checkpoint: Gram state, stored updates and previous snapshot, so that a resumed run
 * continues the window exactly. Layout (big-endian, as {@link DataOutputStream} writes): group name, W, P, updates
 * so far, snapshots so far, the (W+1)×(W+1) inner products and W+1 step labels (both indexed by sequence number
 * mod (W+1)), the W+1 stored updates as P doubles each (zeros for a slot never written), then a flag and θ_{t−1}.
 * Checkpoints written by earlier versions, which kept the window in native memory, have the same layout.
 */
final class WindowCheckpoint {
    private WindowCheckpoint() {}

    /** Writes the window. */
    static void write(DataOutputStream out, UpdateWindow window) throws IOException {
        UpdateWindow.State state = window.state();
        GramWindow.State gram = state.gram();
        int p = window.dimension();
        out.writeUTF(window.group());
        out.writeInt(gram.capacity());
        out.writeInt(p);
        out.writeLong(gram.count());
        out.writeLong(state.snapshots());
        for (double[] row : gram.inner()) for (double v : row) out.writeDouble(v);
        for (long v : gram.steps()) out.writeLong(v);
        for (double[] update : state.recent()) writeDoubles(out, update == null ? new double[p] : update);
        out.writeBoolean(state.previous() != null);
        if (state.previous() != null) writeDoubles(out, state.previous());
    }

    /**
     * Reads a window written by {@link #write} into {@code window}, replacing its state.
     *
     * @throws IOException if the saved window is of another group, length or size
     */
    static void read(DataInputStream in, UpdateWindow window) throws IOException {
        String group = in.readUTF();
        int w = in.readInt(), p = in.readInt();
        int capacity = window.gram().capacity();
        if (!group.equals(window.group()) || w != capacity || p != window.dimension()) {
            throw new IOException("checkpoint holds window '" + group + "' (W = " + w + ", P = " + p + ") but this run has '"
                    + window.group() + "' (W = " + capacity + ", P = " + window.dimension() + "); resume with the run's own configuration");
        }
        long count = in.readLong();
        long snapshots = in.readLong();
        double[][] inner = new double[w + 1][w + 1];
        for (double[] row : inner) for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
        long[] steps = new long[w + 1];
        for (int i = 0; i < steps.length; i++) steps[i] = in.readLong();
        double[][] recent = new double[w + 1][];
        for (int i = 0; i < recent.length; i++) recent[i] = readDoubles(in, p);
        double[] previous = in.readBoolean() ? readDoubles(in, p) : null;
        window.restore(new UpdateWindow.State(new GramWindow.State(w, count, inner, steps), recent, previous, snapshots));
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
}
