package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectraledge.testing.Python;

import org.spectraledge.testing.TestEngine;
class MuonTest {

    /** Two hidden matrices (one wide, one tall), a 2-D embedding and a bias. */
    private static final OptimizerCase CASE = new OptimizerCase()
            .param("blocks.0.W_in", 5, 4, 6)
            .param("blocks.0.W_out", 5, 6, 4)
            .param("embed", 5, 5, 3)
            .param("b_in", 5, 4);

    private static Map<String, Map<String, float[]>> oracle;

    @BeforeAll
    static void engine() {
        TestEngine.start();
    }

    /**
     * The numpy transcription of framework §8 Muon for the two matrices (float64, rounded to float32
     * after each step like the stored weights), torch.optim.AdamW for the rest.
     */
    private static String numpyMuon(boolean nesterov) {
        return """
                import numpy as np
                MATRIX = ['blocks.0.W_in', 'blocks.0.W_out']
                mu, lr, wd, nesterov = 0.95, 0.02, 0.1, %s
                a, b, c = 3.4445, -4.7750, 2.0315
                def ns5(G, eps=1e-7):
                    X = G / (np.linalg.norm(G) + eps)
                    tall = X.shape[0] > X.shape[1]
                    if tall:
                        X = X.T
                    for _ in range(5):
                        A = X @ X.T
                        B = b * A + c * (A @ A)
                        X = a * X + B @ X
                    return X.T if tall else X
                bufs = {n: np.zeros(params[n].shape) for n in MATRIX}
                adamw = torch.optim.AdamW([p for n, p in params.items() if n not in MATRIX],
                                          lr=0.01, betas=(0.9, 0.98), eps=1e-8, weight_decay=1.0)
                def before_step(t):
                    pass
                def step():
                    for n in MATRIX:
                        p = params[n]
                        g = p.grad.numpy().astype(np.float64)
                        bufs[n] = mu * bufs[n] + g
                        u = g + mu * bufs[n] if nesterov else bufs[n]
                        o = ns5(u)
                        rows, cols = o.shape
                        w = p.detach().numpy().astype(np.float64)
                        w = w * (1 - lr * wd) - lr * np.sqrt(max(1.0, rows / cols)) * o
                        with torch.no_grad():
                            p.copy_(torch.tensor(w, dtype=torch.float32))
                    adamw.step()
                """.formatted(nesterov ? "True" : "False");
    }

    private static synchronized Map<String, float[]> oracle(String label) throws IOException {
        Python.require("numpy", "torch");
        if (oracle == null) {
            oracle = CASE.runPython(Map.of("nesterov", numpyMuon(true), "heavy", numpyMuon(false)));
        }
        return oracle.get(label);
    }

    private static Muon muon(boolean nesterov) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : CASE.initial.keySet()) {
            names.put(name, name);
        }
        return Muon.builder()
                .setLearningRate(0.02f)
                .optWeightDecays(0.1f)
                .optNesterov(nesterov)
                .setParameterNames(names)
                .setFallback(AdamW.builder().setLearningRate(0.01f).build())
                .build();
    }

    @Test
    void matchesNumpyTranscriptionWithNesterovAndAdamWForTheRest() throws IOException {
        try (Muon muon = muon(true)) {
            CASE.assertSame(oracle("nesterov"), CASE.runJava(muon), 1e-5);
            assertEquals(5, muon.steps("blocks.0.W_in"));
            assertEquals(0, muon.steps("embed"));
            assertEquals(5, muon.fallback().steps("embed"));
        }
    }

    @Test
    void matchesNumpyTranscriptionWithHeavyBallMomentum() throws IOException {
        try (Muon muon = muon(false)) {
            CASE.assertSame(oracle("heavy"), CASE.runJava(muon), 1e-5);
        }
    }

    @Test
    void newtonSchulzMatchesNumpyAndFlattensTheSpectrum() throws IOException {
        Python.require("numpy");
        float[] g = TorchOracle.wave(35, 0.4, 3.0);
        Map<String, float[]> expected = new TorchOracle().put("g", g, 7, 5).run("""
                a, b, c = 3.4445, -4.7750, 2.0315
                X = data['g'].astype(np.float64).T
                X = X / (np.linalg.norm(X) + 1e-7)
                for _ in range(5):
                    A = X @ X.T
                    X = a * X + (b * A + c * (A @ A)) @ X
                emit('o', X.T)
                emit('s_in', np.linalg.svd(data['g'].astype(np.float64), compute_uv=False))
                emit('s_out', np.linalg.svd(X, compute_uv=False))
                """);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray o = Muon.newtonSchulz(manager.create(g, new Shape(7, 5)), 5, 1e-7);
            assertEquals(new Shape(7, 5), o.getShape());
            assertArrayEquals(expected.get("o"), o.toFloatArray(), 1e-5f);
        }
        // the input's singular values spread over a wide range; the output's sit near 1
        float[] in = expected.get("s_in");
        float[] out = expected.get("s_out");
        assertTrue(in[0] / in[in.length - 1] > 3, "test matrix should be ill-conditioned");
        for (float s : out) {
            assertTrue(s > 0.5 && s < 1.25, "singular value after NS5: " + s);
        }
    }

    @Test
    void updatesFreeTheirTemporaries() {
        try (Muon muon = muon(true)) {
            assertEquals(0, CASE.arraysLeftBehind(muon));
        }
    }

    @Test
    void defaultSelectorTakesHiddenMatricesOnly() {
        assertTrue(Muon.DEFAULT_SELECTOR.test("blocks.0.attn.W_Q", new Shape(128, 128)));
        assertTrue(Muon.DEFAULT_SELECTOR.test("01Linear_weight", new Shape(64, 32)));
        assertFalse(Muon.DEFAULT_SELECTOR.test("embed", new Shape(97, 128)));
        assertFalse(Muon.DEFAULT_SELECTOR.test("unembed", new Shape(128, 97)));
        assertFalse(Muon.DEFAULT_SELECTOR.test("pos_embed", new Shape(3, 128)));
        assertFalse(Muon.DEFAULT_SELECTOR.test("01Linear_bias", new Shape(64)));
        assertFalse(Muon.DEFAULT_SELECTOR.test("blocks.0.ln.gamma", new Shape(128)));
        assertFalse(Muon.DEFAULT_SELECTOR.test("conv", new Shape(8, 3, 3)));
    }

    @Test
    void unknownParameterIdIsExplained() {
        try (Muon muon = muon(true); NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> muon.update("stranger", manager.zeros(new Shape(2, 2)), manager.zeros(new Shape(2, 2))));
            assertTrue(e.getMessage().contains("setParameters(block.getParameters())"), e.getMessage());
        }
    }

    @Test
    void savedStateOfBothPartsResumesExactly() throws IOException {
        Map<String, float[]> straight;
        try (Muon muon = muon(true)) {
            straight = CASE.runJava(muon);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, float[]> firstTwo;
        try (Muon muon = muon(true)) {
            firstTwo = CASE.runJava(muon, 0, 2, null);
            muon.saveState(new DataOutputStream(bytes), UnaryOperator.identity());
        }
        try (Muon muon = muon(true)) {
            muon.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), UnaryOperator.identity());
            Map<String, float[]> rest = CASE.runJava(muon, 2, 5, firstTwo);
            for (String name : CASE.initial.keySet()) {
                assertArrayEquals(straight.get(name + ".5"), rest.get(name + ".5"), 0f, name);
            }
        }
    }

    @Test
    void trainsABlockThroughDjlsTrainerAndZeroesGradients() {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(8).build())
                .add(Linear.builder().setUnits(3).build());
        Muon muon = Muon.builder()
                .setLearningRate(0.02f)
                .setParameters(block.getParameters())
                .setFallback(AdamW.builder().setLearningRate(0.01f).optWeightDecays(0f).build())
                .build();
        try (Model model = Model.newInstance("muon");
             NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(muon))) {
                trainer.initialize(new Shape(16, 4));
                NDArray x = manager.create(TorchOracle.wave(64, 0.2, 1.0), new Shape(16, 4));
                NDArray target = x.matMul(manager.create(TorchOracle.wave(12, 2.0, 1.0), new Shape(4, 3)));
                List<Float> losses = new ArrayList<>();
                for (int step = 0; step < 30; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(prediction));
                        losses.add(loss.getFloat());
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                for (int step = 1; step < losses.size(); step++) {
                    assertTrue(losses.get(step) < losses.get(step - 1), "loss should fall at every step: " + losses);
                }
                assertTrue(losses.get(29) < 0.5 * losses.get(0), "loss should halve in 30 steps: " + losses);
                for (Pair<String, Parameter> p : block.getParameters()) {
                    String id = p.getValue().getId();
                    boolean matrix = p.getKey().endsWith("weight");
                    assertEquals(matrix ? 30 : 0, muon.steps(id), p.getKey());
                    assertEquals(matrix ? 0 : 30, muon.fallback().steps(id), p.getKey());
                    float[] grad = p.getValue().getArray().getGradient().toFloatArray();
                    assertArrayEquals(new float[grad.length], grad, 0f, p.getKey() + " gradient after step");
                }
            }
        } finally {
            muon.close();
        }
    }
}
