package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class VectorSourceTest {

    @Test
    void offHeapBuffersReadLikeArrays() {
        float[] f = new float[5000];
        for (int i = 0; i < f.length; i++) f[i] = (float) Math.sin(i);
        FloatBuffer direct = ByteBuffer.allocateDirect(4 * f.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
        direct.put(f).flip();
        double[] a = new double[f.length], b = new double[f.length];
        VectorSource.of(f).read(0, a, f.length);
        VectorSource.of(direct).read(0, b, f.length);
        assertArrayEquals(a, b, 0);
        assertEquals(0, direct.position(), "reading does not move the caller's buffer");

        DoubleBuffer d = ByteBuffer.allocateDirect(8 * 10).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        for (int i = 0; i < 10; i++) d.put(i, i * 1.5);
        double[] out = new double[3];
        VectorSource.of(d).read(4, out, 3);
        assertArrayEquals(new double[] {6, 7.5, 9}, out, 0);
    }

    @Test
    void windowsFedFromBuffersEqualWindowsFedFromArrays() {
        double[][] u = WindowOracleTest.gaussian(6, 3000, 4);
        UpdateWindow fromArrays = new UpdateWindow("g", 4, 3000);
        UpdateWindow fromBuffers = new UpdateWindow("g", 4, 3000);
        for (int s = 0; s < u.length; s++) {
            fromArrays.pushUpdate(VectorSource.of(u[s]), s);
            DoubleBuffer b = ByteBuffer.allocateDirect(8 * 3000).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            b.put(u[s]).flip();
            fromBuffers.pushUpdate(VectorSource.of(b), s);
        }
        assertArrayEquals(fromArrays.gram().gram()[2], fromBuffers.gram().gram()[2], 0);
    }

    @Test
    void selectionConcatenatesRangesInOrder() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) v[i] = i;
        VectorSource s = VectorSource.of(v).select(new int[] {15, 2, 9}, new int[] {3, 4, 0});
        assertEquals(7, s.length());
        double[] out = new double[7];
        s.read(0, out, 7);
        assertArrayEquals(new double[] {15, 16, 17, 2, 3, 4, 5}, out, 0);
        double[] mid = new double[3];
        s.read(2, mid, 3);
        assertArrayEquals(new double[] {17, 2, 3}, mid, 0);
        assertThrows(IllegalArgumentException.class, () -> VectorSource.of(v).select(new int[] {18}, new int[] {5}));
    }
}
