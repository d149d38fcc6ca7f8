package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectraledge.testing.Python;

import org.spectraledge.testing.TestEngine;
class GradClipTest {

    private static final float[] G1 = TorchOracle.wave(12, 0.3, 2.0);
    private static final float[] G2 = TorchOracle.wave(4, 1.9, 0.5);

    @BeforeAll
    static void engine() {
        TestEngine.start();
    }

    /** torch.nn.utils.clip_grad_norm_ on G1 (3×4) and G2 (4) with limit {@code maxNorm}. */
    private static Map<String, float[]> torchClip(double maxNorm) throws IOException {
        Python.require("numpy", "torch");
        return new TorchOracle().put("g1", G1, 3, 4).put("g2", G2, 4).run("""
                import torch
                ps = [torch.zeros(data['g1'].shape, requires_grad=True), torch.zeros(data['g2'].shape, requires_grad=True)]
                ps[0].grad = torch.tensor(data['g1'])
                ps[1].grad = torch.tensor(data['g2'])
                total = torch.nn.utils.clip_grad_norm_(ps, %s)
                emit('total', [float(total)])
                emit('g1', ps[0].grad.numpy())
                emit('g2', ps[1].grad.numpy())
                """.formatted(maxNorm));
    }

    private static void assertClipsLikeTorch(double maxNorm) throws IOException {
        Map<String, float[]> expected = torchClip(maxNorm);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray g1 = manager.create(G1, new Shape(3, 4));
            NDArray g2 = manager.create(G2, new Shape(4));
            double total = GradClip.clipGlobalNorm(new NDList(g1, g2), maxNorm);
            assertEquals(expected.get("total")[0], total, 1e-5);
            assertArrayEquals(expected.get("g1"), g1.toFloatArray(), 1e-6f);
            assertArrayEquals(expected.get("g2"), g2.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void clipsLikeTorchWhenTheNormExceedsTheLimit() throws IOException {
        assertClipsLikeTorch(0.5);
    }

    @Test
    void leavesGradientsAloneBelowTheLimit() throws IOException {
        assertClipsLikeTorch(100.0);
    }

    @Test
    void clipsTheGradientsOfABlockInPlace() {
        try (Model model = Model.newInstance("clip");
             NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = new SequentialBlock()
                    .add(Linear.builder().setUnits(3).build())
                    .add(Linear.builder().setUnits(2).build());
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(5, 4));
            NDArray x = manager.create(TorchOracle.wave(20, 0.1, 3.0), new Shape(5, 4));
            ParameterStore store = new ParameterStore(manager, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(store, new NDList(x), true).singletonOrThrow();
                collector.backward(y.mul(y).sum().mul(100));
            }
            ParameterList parameters = block.getParameters();
            double before = globalNorm(parameters);
            assertTrue(before > 10, "the test needs a gradient norm well above the limit, got " + before);
            double returned = GradClip.clipGlobalNorm(parameters, 1.0);
            assertEquals(before, returned, before * 1e-6);
            // closed form: after clipping the global norm is c·N/(N + 1e-6)
            assertEquals(before / (before + GradClip.EPS), globalNorm(parameters), 1e-5);
        }
    }

    private static double globalNorm(ParameterList parameters) {
        double sum = 0;
        for (Pair<String, Parameter> p : parameters) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                for (float v : g.toFloatArray()) {
                    sum += (double) v * v;
                }
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void nonFiniteNormIsReturnedAndGradientsKept() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray g = manager.create(new float[] {1f, Float.POSITIVE_INFINITY});
            assertEquals(Double.POSITIVE_INFINITY, GradClip.clipGlobalNorm(new NDList(g), 1.0));
            assertArrayEquals(new float[] {1f, Float.POSITIVE_INFINITY}, g.toFloatArray());
        }
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> GradClip.clipGlobalNorm(new NDList(), 0));
    }
}
