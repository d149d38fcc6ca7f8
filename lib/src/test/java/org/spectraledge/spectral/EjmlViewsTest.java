package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.SeededRandom;

/** The window X and its Gram matrix G = XXᵀ as EJML matrices agree with the double[][] API. */
class EjmlViewsTest {

    @Test
    void windowAndGramMatricesMatchTheArrays() {
        int w = 4, p = 50;
        UpdateWindow window = new UpdateWindow("g", w, p);
        SeededRandom rnd = new SeededRandom(21);
        for (int t = 0; t < 6; t++) { // more pushes than W: the matrices hold the last W, oldest first
            double[] delta = new double[p];
            for (int i = 0; i < p; i++) delta[i] = rnd.nextGaussian() * (t + 1);
            window.pushUpdate(VectorSource.of(delta), t);
        }

        DMatrixRMaj x = window.windowMatrix();
        assertEquals(w, x.numRows);
        assertEquals(p, x.numCols);
        for (int i = 0; i < w; i++) {
            double[] row = new double[p];
            System.arraycopy(x.data, i * p, row, 0, p);
            assertArrayEquals(window.update(i), row);
        }

        double[][] g = window.gram().gram();
        DMatrixRMaj gram = window.gram().gramMatrix();
        for (int i = 0; i < w; i++) assertArrayEquals(g[i], new double[] {gram.get(i, 0), gram.get(i, 1), gram.get(i, 2), gram.get(i, 3)});

        DMatrixRMaj xxt = new DMatrixRMaj(w, w);
        CommonOps_DDRM.multTransB(x, x, xxt);
        for (int i = 0; i < w; i++) for (int j = 0; j < w; j++) {
            assertEquals(xxt.get(i, j), gram.get(i, j), 1e-12 * Math.abs(xxt.get(i, j)), "G = XXᵀ at " + i + "," + j);
        }
        assertEquals(SimpleMatrix.wrap(xxt).trace(), SimpleMatrix.wrap(gram).trace(), 1e-9);

        DMatrixRMaj reused = new DMatrixRMaj(1, 1);
        assertSame(reused, window.gram().gramMatrix(reused));
        assertEquals(w, reused.numRows);
        assertArrayEquals(gram.data, reused.data);
    }
}
