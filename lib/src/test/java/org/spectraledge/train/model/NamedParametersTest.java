package org.spectraledge.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.spectraledge.capture.ParameterGroup;

/** The dotted names are a public contract: exact names in exact order, and the parameter groups they feed. */
class NamedParametersTest {

    private static List<String> names(NamedBlock model) {
        return NamedParameters.of(model).stream().map(NamedParameter::name).collect(Collectors.toList());
    }

    private static List<String> layerNames(String prefix, boolean ln, boolean bias) {
        List<String> n = new ArrayList<>();
        if (ln) n.addAll(List.of(prefix + "ln1.gamma", prefix + "ln1.beta"));
        for (String m : List.of("Q", "K", "V", "O")) {
            n.add(prefix + "attn.W_" + m);
            if (bias) n.add(prefix + "attn.b_" + m);
        }
        if (ln) n.addAll(List.of(prefix + "ln2.gamma", prefix + "ln2.beta"));
        n.addAll(List.of(prefix + "mlp.W_in", prefix + "mlp.b_in", prefix + "mlp.W_out", prefix + "mlp.b_out"));
        return n;
    }

    @Test
    void decoderTransformerWithLayerNormUntied() {
        DecoderTransformer model = DecoderTransformer.builder().setVocabSize(11).setContextLength(4).optOutputSize(10)
                .optLayers(2).optDModel(16).optHeads(2).build();
        List<String> expected = new ArrayList<>(List.of("embed", "pos_embed"));
        expected.addAll(layerNames("blocks.0.", true, false));
        expected.addAll(layerNames("blocks.1.", true, false));
        expected.addAll(List.of("ln_final.gamma", "ln_final.beta", "unembed"));
        assertEquals(expected, names(model));
        assertEquals(List.of("blocks.0.attn.W_Q", "blocks.0.ln1.gamma"), List.of(expected.get(4), expected.get(2)));
    }

    @Test
    void nandaStyleHasNoLayerNormAndTiedHasNoUnembed() {
        DecoderTransformer model = DecoderTransformer.builder().setVocabSize(8).setContextLength(3).optDModel(8)
                .optHeads(2).optLayerNorm(false).optTiedUnembedding(true).optAttentionBias(true).build();
        List<String> expected = new ArrayList<>(List.of("embed", "pos_embed"));
        expected.addAll(layerNames("blocks.0.", false, true));
        assertEquals(expected, names(model));
        assertEquals("blocks.0.attn.b_Q", expected.get(3));
    }

    @Test
    void mlpNames() {
        MlpOnEmbeddings model = MlpOnEmbeddings.builder().setVocabSize(7).optEmbedDim(4).optWidth(5).optHiddenLayers(3).build();
        assertEquals(List.of("embed", "mlp.0.W", "mlp.0.b", "mlp.1.W", "mlp.1.b", "mlp.2.W", "mlp.2.b", "unembed"), names(model));
    }

    @Test
    void encoderDecoderNames() {
        EncoderDecoderTransformer model = EncoderDecoderTransformer.builder().setSourceVocabSize(6).setTargetVocabSize(5)
                .setSourceLength(4).setTargetLength(3).optLayers(1, 1).optDModel(8).optHeads(2).build();
        List<String> expected = new ArrayList<>(List.of("encoder.embed", "encoder.pos_embed"));
        expected.addAll(layerNames("encoder.blocks.0.", true, false));
        expected.addAll(List.of("encoder.ln_final.gamma", "encoder.ln_final.beta", "decoder.embed", "decoder.pos_embed"));
        String b = "decoder.blocks.0.";
        expected.addAll(List.of(b + "ln1.gamma", b + "ln1.beta", b + "self_attn.W_Q", b + "self_attn.W_K", b + "self_attn.W_V",
                b + "self_attn.W_O", b + "ln2.gamma", b + "ln2.beta", b + "cross_attn.W_Q", b + "cross_attn.W_K",
                b + "cross_attn.W_V", b + "cross_attn.W_O", b + "ln3.gamma", b + "ln3.beta", b + "mlp.W_in", b + "mlp.b_in",
                b + "mlp.W_out", b + "mlp.b_out", "decoder.ln_final.gamma", "decoder.ln_final.beta", "unembed"));
        assertEquals(expected, names(model));
    }

    @Test
    void layoutFollowsTheNamesWithElementCounts() {
        DecoderTransformer model = DecoderTransformer.builder().setVocabSize(11).setContextLength(4).optDModel(16).optHeads(2)
                .optDFf(24).build();
        ParameterLayout layout = NamedParameters.layout(model);
        assertEquals(names(model), layout.entries().stream().map(ParameterLayout.Entry::name).collect(Collectors.toList()));
        assertEquals(11 * 16, layout.entries().get(0).length());
        assertEquals(4 * 16, layout.entries().get(1).length());
        assertEquals(16 * 24, layout.entries().stream().filter(e -> e.name().equals("blocks.0.mlp.W_in")).findFirst().orElseThrow().length());
        assertEquals(NamedParameters.count(model), layout.size());
    }

    @Test
    void parameterGroupsSelectByTheseNames() {
        DecoderTransformer model = DecoderTransformer.builder().setVocabSize(11).setContextLength(4).optLayers(2)
                .optDModel(16).optHeads(2).build();
        List<String> all = names(model);
        List<String> attention = all.stream().filter(ParameterGroup.attention().selector()).collect(Collectors.toList());
        assertEquals(List.of("blocks.0.attn.W_Q", "blocks.0.attn.W_K", "blocks.0.attn.W_V", "blocks.0.attn.W_O",
                "blocks.1.attn.W_Q", "blocks.1.attn.W_K", "blocks.1.attn.W_V", "blocks.1.attn.W_O"), attention);
        List<String> trunk = all.stream().filter(ParameterGroup.trunk().selector()).collect(Collectors.toList());
        assertEquals(all.subList(2, all.size() - 1), trunk);
        List<String> layer1 = all.stream().filter(ParameterGroup.layer(1).selector()).collect(Collectors.toList());
        assertEquals(layerNames("blocks.1.", true, false), layer1);
    }

    @Test
    void aPlainDjlBlockIsRefusedWithItsDjlNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NamedParameters.of(Linear.builder().setUnits(3).build()));
        assertTrue(e.getMessage().contains("weight"), e.getMessage());
    }
}
