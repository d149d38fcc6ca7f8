package org.spectraledge.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.train.model.NamedParameter;

/** θ read out of the engine: the group's tensors flattened in layout order, widened exactly, NaN named by tensor. */
class SnapshotReaderTest {

    @Test
    void readsTheGroupsTensorsFlattenedInLayoutOrderAndRecyclesArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] w = new float[5 * 7];
            for (int i = 0; i < w.length; i++) w[i] = 0.1f * i - 1.3f;
            double[] b = {1e-300, -2.5, 3.0000000000000004};
            List<NamedParameter> params = List.of(
                    parameter(manager, "skipped", new Shape(2), DataType.FLOAT32, new float[] {9, 9}),
                    parameter(manager, "b", new Shape(3), DataType.FLOAT64, b),
                    parameter(manager, "w", new Shape(5, 7), DataType.FLOAT32, w));
            // layout order w, b: positions 2 then 1
            SnapshotReader reader = new SnapshotReader("trunk", List.of("w", "b"), new int[] {2, 1}, 38);
            double[] theta = reader.read(params, 4);
            double[] expected = new double[38];
            for (int i = 0; i < 35; i++) expected[i] = w[i];   // float32 widened exactly
            System.arraycopy(b, 0, expected, 35, 3);           // float64 kept exactly
            assertArrayEquals(expected, theta, 0);
            reader.recycle(theta);
            assertSame(theta, reader.read(params, 5), "a recycled array is reused");
        }
    }

    @Test
    void aNonFiniteValueIsNamedByGroupStepTensorAndElement() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NamedParameter> params = List.of(
                    parameter(manager, "embed", new Shape(2, 2), DataType.FLOAT32, new float[] {1, 2, 3, 4}),
                    parameter(manager, "blocks.0.attn.W_Q", new Shape(3), DataType.FLOAT32, new float[] {1, Float.POSITIVE_INFINITY, 0}));
            SnapshotReader reader = new SnapshotReader("all", List.of("embed", "blocks.0.attn.W_Q"), new int[] {0, 1}, 7);
            NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class, () -> reader.read(params, 12));
            assertTrue(e.getMessage().contains("'all'") && e.getMessage().contains("step 12")
                    && e.getMessage().contains("'blocks.0.attn.W_Q' element 1 is Infinity"), e.getMessage());
            SnapshotReader wrongSize = new SnapshotReader("all", List.of("embed"), new int[] {0}, 5);
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> wrongSize.read(params, 3));
            assertTrue(size.getMessage().contains("4 elements") && size.getMessage().contains("5"), size.getMessage());
        }
    }

    private static NamedParameter parameter(NDManager manager, String name, Shape shape, DataType type, Object values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
                .optInitializer(new ConstantInitializer(0)).build();
        p.initialize(manager, type);
        try (NDArray v = values instanceof float[] f ? manager.create(f, shape) : manager.create((double[]) values, shape)) {
            p.getArray().set(v.toByteBuffer());
        }
        return new NamedParameter(name, p);
    }
}
