package org.spectraledge.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fused affine map gives x W + b, as a product then a sum would, for row batches and for sequences. */
class AffineTest {

    private static NDManager manager;

    @BeforeAll
    static void start() { manager = ModelTesting.manager(); }

    @AfterAll
    static void stop() { manager.close(); }

    private static void assertAffine(Shape xShape) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(xShape);
            NDArray w = m.randomNormal(new Shape(xShape.get(xShape.dimension() - 1), 5));
            NDArray b = m.randomNormal(new Shape(5));
            NDArray fused = Affine.apply(x, w, b);
            NDArray plain = x.matMul(w).add(b);
            assertEquals(plain.getShape(), fused.getShape());
            assertArrayEquals(plain.toFloatArray(), fused.toFloatArray(), 1e-5f);
            assertArrayEquals(x.matMul(w).toFloatArray(), Affine.apply(x, w, null).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void rows() { assertAffine(new Shape(7, 3)); }

    @Test
    void sequences() { assertAffine(new Shape(4, 6, 3)); }
}
