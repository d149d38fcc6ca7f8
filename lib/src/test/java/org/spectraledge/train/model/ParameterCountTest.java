package org.spectraledge.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parameter counts against closed forms written here, and the counts the presets document. */
class ParameterCountTest {

    /** V·d + C·d + L·(4d² [+4d] + 2·d·f + f + d [+4d]) [+2d] [+d·o]. */
    private static long decoderOnly(long v, long c, long o, long layers, long d, long f, boolean ln, boolean tied, boolean bias) {
        long layer = 4 * d * d + (bias ? 4 * d : 0) + 2 * d * f + f + d + (ln ? 4 * d : 0);
        return v * d + c * d + layers * layer + (ln ? 2 * d : 0) + (tied ? 0 : d * o);
    }

    @Test
    void decoderTransformerMatchesTheClosedForm() {
        for (boolean ln : new boolean[] {true, false}) {
            for (boolean tied : new boolean[] {true, false}) {
                for (boolean bias : new boolean[] {true, false}) {
                    DecoderTransformer m = DecoderTransformer.builder().setVocabSize(13).setContextLength(5).optLayers(3)
                            .optDModel(12).optHeads(3).optDFf(20).optLayerNorm(ln).optTiedUnembedding(tied).optAttentionBias(bias).build();
                    assertEquals(decoderOnly(13, 5, 13, 3, 12, 20, ln, tied, bias), NamedParameters.count(m), m.toString());
                }
            }
        }
    }

    @Test
    void mlpMatchesTheClosedForm() {
        MlpOnEmbeddings m = MlpOnEmbeddings.builder().setVocabSize(17).optClasses(11).optInputLength(3).optEmbedDim(5)
                .optWidth(7).optHiddenLayers(3).build();
        // V·d + (n·d·w + w) + (K−1)(w² + w) + w·classes
        assertEquals(17 * 5 + (3 * 5 * 7 + 7) + 2 * (7 * 7 + 7) + 7 * 11, NamedParameters.count(m));
    }

    @Test
    void encoderDecoderMatchesTheClosedForm() {
        long d = 8, f = 12, vs = 10, vt = 7, s = 6, t = 5, enc = 2, dec = 3;
        long a = 4 * d * d, mlp = 2 * d * f + f + d, n = 2 * d;
        long expected = vs * d + s * d + enc * (a + mlp + 2 * n) + n + vt * d + t * d + dec * (2 * a + mlp + 3 * n) + n + d * vt;
        EncoderDecoderTransformer m = EncoderDecoderTransformer.builder().setSourceVocabSize(10).setTargetVocabSize(7)
                .setSourceLength(6).setTargetLength(5).optLayers(2, 3).optDModel(8).optHeads(2).optDFf(12).build();
        assertEquals(expected, NamedParameters.count(m));
        EncoderDecoderTransformer tied = EncoderDecoderTransformer.builder().setSourceVocabSize(10).setTargetVocabSize(7)
                .setSourceLength(6).setTargetLength(5).optLayers(2, 3).optDModel(8).optHeads(2).optDFf(12)
                .optTiedUnembedding(true).optLayerNorm(false).build();
        assertEquals(expected - d * vt - (enc * 2 + dec * 3 + 2) * n, NamedParameters.count(tied));
    }

    @Test
    void presetsHaveTheirDocumentedCounts() {
        assertEquals(51_904, NamedParameters.count(ModelPresets.fastMlp(59)));
        assertEquals(226_688, NamedParameters.count(ModelPresets.nanda(113)));
        assertEquals(289_792, NamedParameters.count(ModelPresets.powerTransformer(97)));
        assertEquals(400_768, NamedParameters.count(ModelPresets.dyck()));
        assertEquals(3_969_280, NamedParameters.count(ModelPresets.scan()));
        // and the closed forms agree with them
        assertEquals(decoderOnly(114, 3, 113, 1, 128, 512, false, false, false), 226_688);
        assertEquals(decoderOnly(99, 4, 97, 2, 128, 256, true, false, false), 289_792);
    }

    @Test
    void badConfigurationsSayWhatToFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DecoderTransformer.builder().setContextLength(3).build())
                .getMessage().contains("setVocabSize"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DecoderTransformer.builder().setVocabSize(5).setContextLength(3).optDModel(10).optHeads(4).build())
                .getMessage().contains("divisible"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DecoderTransformer.builder().setVocabSize(5).setContextLength(3).optOutputSize(4).optTiedUnembedding(true).build())
                .getMessage().contains("tied"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpOnEmbeddings.builder().setVocabSize(5).optHiddenLayers(0).build())
                .getMessage().contains("optHiddenLayers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EncoderDecoderTransformer.builder().setSourceVocabSize(5)
                .setTargetVocabSize(5).setSourceLength(3).build()).getMessage().contains("setTargetLength"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelPresets.dyck(7)).getMessage().contains("even"));
    }
}
