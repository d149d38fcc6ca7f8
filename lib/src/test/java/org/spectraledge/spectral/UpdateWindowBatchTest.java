package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batched pushes ({@link UpdateWindow#pushSnapshots}) must be the one-at-a-time pushes in another memory order: the
 * same Gram matrix after every update, bit for bit (oracle: {@link UpdateWindow#pushSnapshot} one by one), the same
 * stored updates, and a rejected update in the middle of a batch leaves exactly the window of the updates before it.
 */
class UpdateWindowBatchTest {

    private static final int W = 4;
    private static final int P = 5000; // more than one block of the blocked pass

    @Test
    void batchesGiveTheSequentialGramAfterEveryUpdateBitForBit() {
        for (int batch = 1; batch <= 6; batch++) {
            float[][] thetas = walk(23, 7);
            UpdateWindow sequential = new UpdateWindow("g", W, P);
            List<double[][]> expected = new ArrayList<>();
            for (int t = 0; t < thetas.length; t++) {
                if (sequential.pushSnapshot(VectorSource.of(thetas[t]), t)) expected.add(sequential.gram().gram());
            }
            UpdateWindow batched = new UpdateWindow("g", W, P, batch);
            List<double[][]> seen = new ArrayList<>();
            // uneven lists: shorter and longer than the batch, so partial and split batches both occur
            int t = 0;
            for (int size = 1; t < thetas.length; size = size % (batch + 2) + 1) {
                int to = Math.min(thetas.length, t + size);
                batched.pushSnapshots(sources(thetas, t, to), steps(t, to), a -> seen.add(batched.gram().gram()));
                t = to;
            }
            assertEquals(expected.size(), seen.size(), "batch " + batch + ": one callback per pushed update");
            for (int i = 0; i < expected.size(); i++) {
                for (int r = 0; r < expected.get(i).length; r++) {
                    assertArrayEquals(expected.get(i)[r], seen.get(i)[r], 0, "batch " + batch + ", update " + i + ", row " + r);
                }
            }
            for (int i = 0; i < W; i++) assertArrayEquals(sequential.update(i), batched.update(i), 0, "stored update " + i);
            assertEquals(sequential.snapshots(), batched.snapshots());
        }
    }

    @Test
    void aRejectedUpdateInABatchLeavesTheWindowOfTheUpdatesBeforeIt() {
        float[][] thetas = walk(12, 3);
        UpdateWindow reference = new UpdateWindow("attention", W, P);
        UpdateWindow batched = new UpdateWindow("attention", W, P, 5);
        for (int t = 0; t < 7; t++) {
            reference.pushSnapshot(VectorSource.of(thetas[t]), t);
            batched.pushSnapshot(VectorSource.of(thetas[t]), t);
        }
        float[] bad = thetas[9].clone();
        bad[P - 3] = Float.NaN;
        List<VectorSource> batch = List.of(VectorSource.of(thetas[7]), VectorSource.of(thetas[8]), VectorSource.of(bad),
                VectorSource.of(thetas[10]));
        List<Integer> called = new ArrayList<>();
        NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class,
                () -> batched.pushSnapshots(batch, new long[] {7, 8, 9, 10}, called::add));
        assertTrue(e.getMessage().contains("step 9") && e.getMessage().contains("'attention'"), e.getMessage());
        assertEquals(List.of(0, 1), called, "the two updates before the bad one were pushed");
        reference.pushSnapshot(VectorSource.of(thetas[7]), 7);
        reference.pushSnapshot(VectorSource.of(thetas[8]), 8);
        assertSameWindow(reference, batched);
        // and both go on from the last good snapshot alike
        reference.pushSnapshot(VectorSource.of(thetas[10]), 10);
        batched.pushSnapshots(List.of(VectorSource.of(thetas[10]), VectorSource.of(thetas[11])), new long[] {10, 11}, a -> {});
        reference.pushSnapshot(VectorSource.of(thetas[11]), 11);
        assertSameWindow(reference, batched);
    }

    @Test
    void aSavedStateContinuesExactlyInAWindowOfAnotherBatchSize() {
        float[][] thetas = walk(16, 5);
        UpdateWindow original = new UpdateWindow("g", W, P, 3);
        for (int t = 0; t < 9; t++) original.pushSnapshot(VectorSource.of(thetas[t]), t);
        UpdateWindow restored = new UpdateWindow("g", W, P, 6);
        restored.restore(original.state());
        assertSameWindow(original, restored);
        original.pushSnapshots(sources(thetas, 9, 16), steps(9, 16), a -> {});
        restored.pushSnapshots(sources(thetas, 9, 16), steps(9, 16), a -> {});
        assertSameWindow(original, restored);
        UpdateWindow other = new UpdateWindow("g", W + 1, P);
        assertThrows(IllegalArgumentException.class, () -> other.restore(original.state()));
    }

    @Test
    void directionsForAGivenSpectrumAreThoseOfTheWindow() {
        float[][] thetas = walk(8, 9);
        UpdateWindow w = new UpdateWindow("g", W, P, 4);
        w.pushSnapshots(sources(thetas, 0, 8), steps(0, 8), a -> {});
        Spectrum s = Spectrum.of(w.gram().gram());
        double[][] v = w.directions(s.u(), s.sigma());
        double[][] expected = w.directions(W);
        for (int j = 0; j < W; j++) assertArrayEquals(expected[j], v[j], 0);
        // X v_j = σ_j u_j: the directions reproduce the window
        for (int i = 0; i < W; i++) {
            double[] d = w.update(i);
            double dot = 0;
            for (int p = 0; p < P; p++) dot += d[p] * v[0][p];
            assertEquals(s.sigma(1) * s.u()[0][i], dot, 1e-9 * s.sigma(1));
        }
    }

    private static void assertSameWindow(UpdateWindow expected, UpdateWindow actual) {
        double[][] g1 = expected.gram().gram(), g2 = actual.gram().gram();
        assertEquals(g1.length, g2.length);
        for (int r = 0; r < g1.length; r++) assertArrayEquals(g1[r], g2[r], 0);
        assertEquals(expected.gram().count(), actual.gram().count());
        assertEquals(expected.gram().departedNormSquared(), actual.gram().departedNormSquared(), 0);
        assertEquals(expected.snapshots(), actual.snapshots());
        for (int i = 0; i < expected.gram().size(); i++) assertArrayEquals(expected.update(i), actual.update(i), 0);
    }

    /** A random walk of float32 snapshots, as training produces. */
    private static float[][] walk(int t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] thetas = new float[t][P];
        for (int p = 0; p < P; p++) thetas[0][p] = (float) rnd.nextGaussian();
        for (int s = 1; s < t; s++) {
            double scale = 1e-3 * (1 + rnd.nextDouble());
            for (int p = 0; p < P; p++) thetas[s][p] = thetas[s - 1][p] + (float) (scale * rnd.nextGaussian());
        }
        return thetas;
    }

    private static List<VectorSource> sources(float[][] thetas, int from, int to) {
        List<VectorSource> out = new ArrayList<>();
        for (int t = from; t < to; t++) out.add(VectorSource.of(thetas[t]));
        return out;
    }

    private static long[] steps(int from, int to) {
        long[] s = new long[to - from];
        for (int i = 0; i < s.length; i++) s[i] = from + i;
        return s;
    }
}
