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
 * The encoder of {@link EncoderDecoderTransformer}: memory = ln_final(layers(E[src] + P)), every layer's
 * self-attention masked only at padding keys. Members {@code embed, pos_embed, blocks.i, ln_final}.
 */
final class Encoder extends NamedBlock {

    private final Parameter embed;
    private final Parameter posEmbed;
    private final List<TransformerLayer> blocks = new ArrayList<>();
    private final LayerNormBlock lnFinal;

    Encoder(EncoderDecoderTransformer.Config c) {
        int d = c.dModel();
        embed = randomParameter("embed", 1 / Math.sqrt(d), c.sourceVocabSize(), d);
        posEmbed = randomParameter("pos_embed", 1 / Math.sqrt(d), c.sourceLength(), d);
        for (int l = 0; l < c.encoderLayers(); l++) {
            blocks.add(child("blocks." + l, new TransformerLayer(d, c.heads(), c.dFf(), c.activation(), c.layerNorm(), c.attentionBias())));
        }
        lnFinal = c.layerNorm() ? child("ln_final", new LayerNormBlock(d)) : null;
    }

    /** src ids [B, S] and its padding mask [B, 1, 1, S] → memory [B, S, d] on the ids' manager. */
    NDArray apply(ParameterStore store, NDArray src, NDArray sourceMask, boolean training) {
        NDArray x = Embeddings.tokensAndPositions(src, value(store, embed, src, training), value(store, posEmbed, src, training));
        for (TransformerLayer block : blocks) {
            x = block.apply(store, x, sourceMask, training);
        }
        return TransformerLayer.norm(store, lnFinal, x, training);
    }

    /** Inputs (src ids, source mask); output (memory). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(embed.getShape().get(1))};
    }
}
