package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder of {@link EncoderDecoderTransformer}: ln_final(layers(E[tgt] + P, memory)) with causal self-attention
 * and cross-attention to the memory. Members {@code embed, pos_embed, blocks.i, ln_final}; the unembedding belongs
 * to the root model.
 */
final class Decoder extends NamedBlock {

    private final Parameter embed;
    private final Parameter posEmbed;
    private final List<CrossAttentionLayer> blocks = new ArrayList<>();
    private final LayerNormBlock lnFinal;

    Decoder(EncoderDecoderTransformer.Config c) {
        int d = c.dModel();
        embed = randomParameter("embed", 1 / Math.sqrt(d), c.targetVocabSize(), d);
        posEmbed = randomParameter("pos_embed", 1 / Math.sqrt(d), c.targetLength(), d);
        for (int l = 0; l < c.decoderLayers(); l++) {
            blocks.add(child("blocks." + l, new CrossAttentionLayer(d, c.heads(), c.dFf(), c.activation(), c.layerNorm(), c.attentionBias())));
        }
        lnFinal = c.layerNorm() ? child("ln_final", new LayerNormBlock(d)) : null;
    }

    Parameter embedding() { return embed; }

    /** tgt ids [B, T], memory [B, S, d], source mask [B, 1, 1, S] → hidden states [B, T, d] on the tgt ids' manager. */
    NDArray apply(ParameterStore store, NDArray tgt, NDArray memory, NDArray sourceMask, boolean training) {
        NDArray x = Embeddings.tokensAndPositions(tgt, value(store, embed, tgt, training), value(store, posEmbed, tgt, training));
        NDArray causal = Masks.causal(tgt.getManager(), (int) tgt.getShape().get(1));
        for (CrossAttentionLayer block : blocks) {
            x = block.apply(store, x, memory, causal, sourceMask, training);
        }
        return TransformerLayer.norm(store, lnFinal, x, training);
    }

    /** Inputs (tgt ids, memory, source mask); output (hidden states). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.get(1), inputs.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(embed.getShape().get(1))};
    }
}
