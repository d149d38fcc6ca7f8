package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectraledge.testing.Python;

import org.spectraledge.testing.TestEngine;
class AdamWTest {

    @BeforeAll
    static void engine() {
        TestEngine.start();
    }

    private static final OptimizerCase CASE = OptimizerCase.weightAndBias();
    private static Map<String, Map<String, float[]>> torch;

    private static String torchAdamW(double lr, double weightDecay, String lrOfStep) {
        return """
                opt = torch.optim.AdamW(list(params.values()), lr=%s, betas=(0.9, 0.98), eps=1e-8, weight_decay=%s)
                def before_step(t):
                    for group in opt.param_groups:
                        group['lr'] = %s
                def step():
                    opt.step()
                """.formatted(lr, weightDecay, lrOfStep);
    }

    /** torch.optim.AdamW on {@link #CASE} in four configurations, computed once. */
    private static synchronized Map<String, float[]> torch(String label) throws IOException {
        Python.require("numpy", "torch");
        if (torch == null) {
            torch = CASE.runPython(Map.of(
                    "decay", torchAdamW(0.01, 1.0, "0.01"),
                    "nodecay", torchAdamW(0.1, 0.0, "0.1"),
                    // a linear warm-up over 3 steps, then constant
                    "warmup", torchAdamW(0.02, 0.5, "0.02 * min(1.0, t / 3.0)"),
                    // the framework §8 values spelled out, for our builder's defaults
                    "spec", torchAdamW(0.003, 1.0, "0.003")));
        }
        return torch.get(label);
    }

    @Test
    void matchesTorchAdamWWithDecoupledDecay() throws IOException {
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            CASE.assertSame(torch("decay"), CASE.runJava(adamW), 1e-5);
        }
    }

    @Test
    void matchesTorchWithoutDecayAndWithALargerStep() throws IOException {
        try (AdamW adamW = AdamW.builder().setLearningRate(0.1f).optWeightDecays(0f).build()) {
            CASE.assertSame(torch("nodecay"), CASE.runJava(adamW), 1e-5);
        }
    }

    @Test
    void scheduleReceivesTheOneBasedStep() throws IOException {
        Tracker warmUp = step -> 0.02f * Math.min(1f, step / 3f);
        try (AdamW adamW = AdamW.builder().setLearningRateTracker(warmUp).optWeightDecays(0.5f).build()) {
            CASE.assertSame(torch("warmup"), CASE.runJava(adamW), 1e-5);
        }
    }

    @Test
    void zeroesTheGradientSoTheNextBackwardDoesNotAccumulate() {
        try (NDManager manager = NDManager.newBaseManager();
             AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            NDArray w = manager.create(new float[] {1f, -2f, 3f});
            w.setRequiresGradient(true);
            for (int step = 0; step < 2; step++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(w.mul(w).sum());
                }
                // d/dw sum(w²) = 2w: an accumulated gradient would be 4w at the second step
                float[] expected = w.mul(2).toFloatArray();
                assertArrayEquals(expected, w.getGradient().toFloatArray(), 1e-6f);
                adamW.update("w", w, w.getGradient().duplicate());
                assertArrayEquals(new float[3], w.getGradient().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void savedStateResumesExactly() throws IOException {
        OptimizerCase c = CASE;
        Map<String, float[]> straight;
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            straight = c.runJava(adamW);
        }
        byte[] saved;
        Map<String, float[]> firstThree;
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            firstThree = c.runJava(adamW, 0, 3, null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adamW.saveState(new DataOutputStream(bytes), id -> "param:" + id);
            saved = bytes.toByteArray();
        }
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            adamW.loadState(new DataInputStream(new ByteArrayInputStream(saved)), key -> key.substring(6));
            assertEquals(3, adamW.steps("W"));
            Map<String, float[]> lastTwo = c.runJava(adamW, 3, 5, firstThree);
            for (String key : new String[] {"W.4", "W.5", "b.4", "b.5"}) {
                assertArrayEquals(straight.get(key), lastTwo.get(key), 0f, key);
            }
        }
    }

    @Test
    void restoredStateOfAnotherShapeIsRejected() throws IOException {
        OptimizerCase c = CASE;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            c.runJava(adamW, 0, 1, null);
            adamW.saveState(new DataOutputStream(bytes), UnaryOperator.identity());
        }
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build();
             NDManager manager = NDManager.newBaseManager()) {
            adamW.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), UnaryOperator.identity());
            NDArray wrong = manager.zeros(new Shape(4, 3));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> adamW.update("W", wrong, manager.zeros(new Shape(4, 3))));
            assertTrue(e.getMessage().contains("different model"), e.getMessage());
        }
    }

    @Test
    void updatesFreeTheirTemporaries() {
        try (AdamW adamW = AdamW.builder().setLearningRate(0.01f).build()) {
            assertEquals(0, CASE.arraysLeftBehind(adamW));
        }
    }

    @Test
    void builderRejectsBadValuesAndElementwiseClipping() {
        assertThrows(IllegalStateException.class, () -> AdamW.builder().build(), "learning rate required");
        assertThrows(IllegalStateException.class, () -> AdamW.builder().setLearningRate(1e-3f).optBeta2(1.0).build());
        assertThrows(IllegalStateException.class, () -> AdamW.builder().setLearningRate(1e-3f).optEpsilon(0).build());
        assertThrows(IllegalStateException.class,
                () -> AdamW.builder().setLearningRate(1e-3f).optWeightDecays(-1f).build());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> AdamW.builder().optClipGrad(1f));
        assertTrue(e.getMessage().contains("GradClip.clipGlobalNorm"), e.getMessage());
    }

    @Test
    void defaultsAreThoseOfSpecSection8() throws IOException {
        try (AdamW adamW = AdamW.builder().setLearningRate(0.003f).build()) {
            assertEquals(1.0, adamW.weightDecay());
            CASE.assertSame(torch("spec"), CASE.runJava(adamW), 1e-5);
        }
    }
}
