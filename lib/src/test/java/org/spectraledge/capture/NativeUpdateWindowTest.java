package org.spectraledge.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.spectral.Spectrum;
import org.spectraledge.spectral.UpdateWindow;
import org.spectraledge.spectral.VectorSource;

/** The native window gives the same Gram matrix as the Java window fed the same float32 snapshots. */
class NativeUpdateWindowTest {

    @Test
    void matchesTheHeapWindowOnFloat32Snapshots() {
        SplittableRandom rnd = new SplittableRandom(3);
        try (NDManager manager = NDManager.newBaseManager();
             NativeUpdateWindow nat = new NativeUpdateWindow("all", 4, 5 * 7 + 11, manager)) {
            UpdateWindow heap = new UpdateWindow("all", 4, 46);
            float[] w = new float[35], b = new float[11];
            for (int s = 0; s < 9; s++) {
                for (int i = 0; i < w.length; i++) w[i] += (float) (rnd.nextDouble() - 0.3);
                for (int i = 0; i < b.length; i++) b[i] += (float) (0.01 * rnd.nextDouble());
                NDArray wa = manager.create(w, new Shape(5, 7)), ba = manager.create(b);
                nat.pushSnapshot(List.of(wa, ba), s);
                float[] theta = new float[46];
                System.arraycopy(w, 0, theta, 0, 35);
                System.arraycopy(b, 0, theta, 35, 11);
                heap.pushSnapshot(VectorSource.of(theta), s);
                if (s >= 2) {
                    double[][] g1 = nat.gram().gram(), g2 = heap.gram().gram();
                    for (int i = 0; i < g1.length; i++) assertArrayEquals(g2[i], g1[i], 1e-12 * g2[i][i] + 1e-300);
                }
            }
            Spectrum sp = Spectrum.of(nat.gram().gram());
            double[][] v = nat.directions(sp.u(), sp.sigma());
            double[][] expected = heap.directions(4);
            for (int j = 0; j < 4; j++) assertArrayEquals(expected[j], v[j], 1e-9);
        }
    }

    @Test
    void nanSnapshotIsRejectedAndNothingChanges() {
        try (NDManager manager = NDManager.newBaseManager();
             NativeUpdateWindow nat = new NativeUpdateWindow("attention", 3, 4, manager)) {
            nat.pushSnapshot(List.of(manager.create(new float[] {1, 2, 3, 4})), 0);
            nat.pushSnapshot(List.of(manager.create(new float[] {2, 2, 3, 4})), 1);
            NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class,
                    () -> nat.pushSnapshot(List.of(manager.create(new float[] {2, Float.NaN, 3, 4})), 2));
            assertTrue(e.getMessage().contains("'attention'") && e.getMessage().contains("step 2"), e.getMessage());
            assertEquals(2, nat.snapshots());
            nat.pushSnapshot(List.of(manager.create(new float[] {2, 5, 3, 4})), 2);
            assertEquals(9, nat.gram().newestNormSquared(), 0, "δ taken against the last good snapshot");
        }
    }
}
