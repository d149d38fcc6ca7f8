package org.spectraledge.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shapes, the causal and padding masks, and seeded initialization, on the real engine. */
class ModelForwardTest {

    private static NDManager manager;

    @BeforeAll
    static void start() { manager = ModelTesting.manager(); }

    @AfterAll
    static void stop() { manager.close(); }

    private static DecoderTransformer smallDecoder(boolean ln, long seed) {
        return DecoderTransformer.builder().setVocabSize(10).setContextLength(6).optOutputSize(7).optLayers(2).optDModel(16)
                .optHeads(2).optDFf(24).optLayerNorm(ln).optSeed(seed).build();
    }

    @Test
    void shapes() {
        try (NDManager m = manager.newSubManager()) {
            ParameterStore store = ModelTesting.store(m);
            DecoderTransformer dec = ModelTesting.initialized(smallDecoder(true, 0), m);
            NDArray logits = dec.logits(store, ModelTesting.ids(m, new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {0, 0, 0, 0}}), false);
            assertEquals(new Shape(3, 4, 7), logits.getShape());
            assertEquals(new Shape(3, 7), DecoderTransformer.lastPosition(logits).getShape());
            assertEquals(new Shape(3, 4, 7), dec.getOutputShapes(new Shape[] {new Shape(3, 4)})[0]);

            MlpOnEmbeddings mlp = ModelTesting.initialized(MlpOnEmbeddings.builder().setVocabSize(11).optEmbedDim(4).optWidth(6).build(), m);
            assertEquals(new Shape(2, 11), mlp.logits(store, ModelTesting.ids(m, new int[][] {{1, 2}, {3, 4}}), false).getShape());

            EncoderDecoderTransformer ed = ModelTesting.initialized(smallEncoderDecoder(true), m);
            NDArray src = ModelTesting.ids(m, new int[][] {{3, 4, 2, 0, 0}, {5, 2, 0, 0, 0}});
            NDArray tgt = ModelTesting.ids(m, new int[][] {{1, 3, 4}, {1, 5, 2}});
            assertEquals(new Shape(2, 3, 8), ed.logits(store, src, tgt, false).getShape());
        }
    }

    @Test
    void tooLongOrMisshapedInputIsRefused() {
        try (NDManager m = manager.newSubManager()) {
            ParameterStore store = ModelTesting.store(m);
            DecoderTransformer dec = ModelTesting.initialized(smallDecoder(true, 0), m);
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> dec.logits(store, ModelTesting.ids(m, new int[][] {{1, 2, 3, 4, 5, 6, 7}}), false))
                    .getMessage().contains("context length 6"));
            MlpOnEmbeddings mlp = ModelTesting.initialized(MlpOnEmbeddings.builder().setVocabSize(11).build(), m);
            assertThrows(IllegalArgumentException.class, () -> mlp.logits(store, ModelTesting.ids(m, new int[][] {{1, 2, 3}}), false));
        }
    }

    /** Changing the token at position k leaves the logits at positions before k unchanged, and changes position k. */
    @Test
    void causalMask() {
        for (boolean ln : new boolean[] {true, false}) {
            try (NDManager m = manager.newSubManager()) {
                ParameterStore store = ModelTesting.store(m);
                DecoderTransformer dec = ModelTesting.initialized(smallDecoder(ln, 3), m);
                float[] base = dec.logits(store, ModelTesting.ids(m, new int[][] {{1, 2, 3, 4, 5, 6}}), false).toFloatArray();
                for (int k = 1; k < 6; k++) {
                    int[] changed = {1, 2, 3, 4, 5, 6};
                    changed[k] = 9;
                    float[] other = dec.logits(store, ModelTesting.ids(m, new int[][] {changed}), false).toFloatArray();
                    assertArrayEquals(Arrays.copyOf(base, k * 7), Arrays.copyOf(other, k * 7), "positions before " + k);
                    assertFalse(Arrays.equals(Arrays.copyOfRange(base, k * 7, k * 7 + 7), Arrays.copyOfRange(other, k * 7, k * 7 + 7)),
                            "position " + k + " must see its own token");
                }
            }
        }
    }

    private static EncoderDecoderTransformer smallEncoderDecoder(boolean ln) {
        return EncoderDecoderTransformer.builder().setSourceVocabSize(9).setTargetVocabSize(8).setSourceLength(5)
                .setTargetLength(4).optLayers(2, 2).optDModel(16).optHeads(2).optDFf(24).optLayerNorm(ln).optSeed(5).build();
    }

    /** Decoder causality, and padding: extra padding keys change nothing, a real source token does. */
    @Test
    void encoderDecoderMasks() {
        try (NDManager m = manager.newSubManager()) {
            ParameterStore store = ModelTesting.store(m);
            EncoderDecoderTransformer ed = ModelTesting.initialized(smallEncoderDecoder(true), m);
            NDArray tgt = ModelTesting.ids(m, new int[][] {{1, 3, 4, 5}});
            float[] padded = ed.logits(store, ModelTesting.ids(m, new int[][] {{3, 4, 2, 0, 0}}), tgt, false).toFloatArray();
            float[] unpadded = ed.logits(store, ModelTesting.ids(m, new int[][] {{3, 4, 2}}), tgt, false).toFloatArray();
            assertTrue(ModelTesting.maxAbsDiff(padded, unpadded) < 1e-6, "padding keys must be invisible");
            float[] otherSource = ed.logits(store, ModelTesting.ids(m, new int[][] {{3, 5, 2, 0, 0}}), tgt, false).toFloatArray();
            assertTrue(ModelTesting.maxAbsDiff(padded, otherSource) > 1e-4, "a real source token must matter");

            float[] changedLast = ed.logits(store, ModelTesting.ids(m, new int[][] {{3, 4, 2, 0, 0}}),
                    ModelTesting.ids(m, new int[][] {{1, 3, 4, 7}}), false).toFloatArray();
            assertArrayEquals(Arrays.copyOf(padded, 3 * 8), Arrays.copyOf(changedLast, 3 * 8));
            assertFalse(Arrays.equals(Arrays.copyOfRange(padded, 24, 32), Arrays.copyOfRange(changedLast, 24, 32)));
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        try (NDManager m = manager.newSubManager()) {
            List<NamedParameter> a = ModelTesting.initialized(smallDecoder(true, 42), m).namedParameters();
            List<NamedParameter> b = ModelTesting.initialized(smallDecoder(true, 42), m).namedParameters();
            List<NamedParameter> c = ModelTesting.initialized(smallDecoder(true, 43), m).namedParameters();
            for (int i = 0; i < a.size(); i++) {
                float[] x = a.get(i).parameter().getArray().toFloatArray();
                assertArrayEquals(x, b.get(i).parameter().getArray().toFloatArray(), a.get(i).name());
                boolean constant = a.get(i).name().endsWith("gamma") || a.get(i).name().endsWith("beta") || a.get(i).name().contains(".b_");
                assertEquals(constant, Arrays.equals(x, c.get(i).parameter().getArray().toFloatArray()), a.get(i).name());
            }
            // a tensor depends on (seed, name) only: a one-layer model shares layer 0 and the embeddings with the two-layer one
            DecoderTransformer oneLayer = ModelTesting.initialized(DecoderTransformer.builder().setVocabSize(10).setContextLength(6)
                    .optOutputSize(7).optLayers(1).optDModel(16).optHeads(2).optDFf(24).optSeed(42).build(), m);
            for (NamedParameter p : oneLayer.namedParameters()) {
                NamedParameter same = a.stream().filter(q -> q.name().equals(p.name())).findFirst().orElseThrow();
                assertArrayEquals(same.parameter().getArray().toFloatArray(), p.parameter().getArray().toFloatArray(), p.name());
            }
        }
    }

    /** Weights follow N(0, 1/fan_in): the sample standard deviation of a large matrix is close to 1/√fan_in. */
    @Test
    void initializationScale() {
        try (NDManager m = manager.newSubManager()) {
            MlpOnEmbeddings mlp = ModelTesting.initialized(MlpOnEmbeddings.builder().setVocabSize(59).optEmbedDim(64).optWidth(256).build(), m);
            for (NamedParameter p : mlp.namedParameters()) {
                float[] v = p.parameter().getArray().toFloatArray();
                double mean = 0, sq = 0;
                for (float x : v) { mean += x; sq += (double) x * x; }
                mean /= v.length;
                double std = Math.sqrt(sq / v.length - mean * mean);
                double expected = switch (p.name()) {
                    case "embed" -> 1 / Math.sqrt(64);
                    case "mlp.0.W" -> 1 / Math.sqrt(128);
                    case "mlp.0.b" -> 0;
                    case "unembed" -> 1 / Math.sqrt(256);
                    default -> throw new AssertionError(p.name());
                };
                assertEquals(expected, std, expected * 0.05 + 1e-12, p.name());
            }
        }
    }
}
