package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decoder-only transformer (GPT style, pre-norm or without LayerNorm):
 * <pre>
 *   x₀ = E[ids] + P[0 … T−1]                                 [B, T, d]
 *   x_{l+1} = layer_l(x_l, causal mask)                       (see blocks.l: ln1, attn, ln2, mlp)
 *   logits = ln_final(x_L) U        (U = Eᵀ when tied)        [B, T, out]
 * </pre>
 * Input: token ids [B, T] (int32 or int64), T ≤ context length. Output: logits at every position [B, T, out]. For
 * modular arithmetic the answer is read at the last position ({@link #lastPosition}); for Dyck-1 depth every
 * position is a prediction. Nanda et al. 2023 is 1 layer, d 128, 4 heads, d_ff 512, ReLU, no LayerNorm, untied.
 *
 * <p>Parameter count (closed form, with V the vocabulary, C the context length, o the output size, L layers):
 * V·d + C·d + L·(4d² + [4d if attention biases] + 2·d·d_ff + d_ff + d + [4d if LayerNorm]) + [2d if LayerNorm]
 * + [d·o if untied].
 */
public final class DecoderTransformer extends NamedBlock {

    /**
     * @param vocabSize        V, input token ids lie in [0, V)
     * @param outputSize       number of logits per position (V when tied)
     * @param contextLength    C, the longest sequence (rows of {@code pos_embed})
     * @param layers           L ≥ 1
     * @param dModel           d, divisible by heads
     * @param heads            H
     * @param dFf              width of each MLP
     * @param activation       MLP activation
     * @param layerNorm        pre-norm LayerNorm before attention, MLP and unembedding; false = none at all
     * @param tiedUnembedding  logits = x Eᵀ, no {@code unembed} tensor
     * @param attentionBias    b_Q, b_K, b_V, b_O
     * @param seed             initialization seed
     */
    public record Config(int vocabSize, int outputSize, int contextLength, int layers, int dModel, int heads, int dFf,
                         Nonlinearity activation, boolean layerNorm, boolean tiedUnembedding, boolean attentionBias,
                         long seed) {
        public Config {
            positive("vocab size", vocabSize, "setVocabSize");
            positive("output size", outputSize, "optOutputSize");
            positive("context length", contextLength, "setContextLength");
            positive("number of layers", layers, "optLayers");
            positive("d_model", dModel, "optDModel");
            positive("number of heads", heads, "optHeads");
            positive("d_ff", dFf, "optDFf");
            Objects.requireNonNull(activation, "activation");
            if (dModel % heads != 0) {
                throw new IllegalArgumentException("d_model " + dModel + " is not divisible by " + heads + " heads; choose heads dividing d_model");
            }
            if (tiedUnembedding && outputSize != vocabSize) {
                throw new IllegalArgumentException("a tied unembedding needs output size = vocab size, got " + outputSize + " and "
                        + vocabSize + "; untie it or drop optOutputSize");
            }
        }
    }

    static void positive(String what, int value, String setter) {
        if (value <= 0) throw new IllegalArgumentException(what + " must be > 0, got " + value + " (" + setter + ")");
    }

    private final Config config;
    private final Parameter embed;
    private final Parameter posEmbed;
    private final List<TransformerLayer> blocks = new ArrayList<>();
    private final LayerNormBlock lnFinal;
    private final Parameter unembed;

    public DecoderTransformer(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        int d = config.dModel();
        embed = randomParameter("embed", 1 / Math.sqrt(d), config.vocabSize(), d);
        posEmbed = randomParameter("pos_embed", 1 / Math.sqrt(d), config.contextLength(), d);
        for (int l = 0; l < config.layers(); l++) {
            blocks.add(child("blocks." + l, new TransformerLayer(d, config.heads(), config.dFf(), config.activation(),
                    config.layerNorm(), config.attentionBias())));
        }
        lnFinal = config.layerNorm() ? child("ln_final", new LayerNormBlock(d)) : null;
        unembed = config.tiedUnembedding() ? null : randomParameter("unembed", 1 / Math.sqrt(d), d, config.outputSize());
        seedInitializers(config.seed());
    }

    public static Builder builder() { return new Builder(); }

    public Config config() { return config; }

    /**
     * Logits at every position.
     *
     * @param ids token ids [B, T]; the result and every temporary live on its manager
     * @return [B, T, out]
     */
    public NDArray logits(ParameterStore store, NDArray ids, boolean training) {
        NDArray x = Embeddings.tokensAndPositions(ids, value(store, embed, ids, training), value(store, posEmbed, ids, training));
        NDArray mask = Masks.causal(ids.getManager(), (int) ids.getShape().get(1));
        for (TransformerLayer block : blocks) {
            x = block.apply(store, x, mask, training);
        }
        x = TransformerLayer.norm(store, lnFinal, x, training);
        return unembed == null ? Linear.linear(x, value(store, embed, x, training)).singletonOrThrow()
                : x.matMul(value(store, unembed, x, training));
    }

    /** The logits at the last position, logits[:, −1, :] → [B, out]: the prediction for a + b = ? */
    public static NDArray lastPosition(NDArray logits) {
        if (logits.getShape().dimension() != 3) throw new IllegalArgumentException("expected logits [B, T, out], got " + logits.getShape());
        return logits.get(":, -1, :");
    }

    /** Input (ids [B, T]); output (logits [B, T, out]). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.outputSize())};
    }

    @Override
    public String toString() {
        return "DecoderTransformer" + config + ", " + NamedParameters.count(this) + " parameters";
    }

    /**
     * Builder. Required: {@link #setVocabSize}, {@link #setContextLength}. Defaults: output size = vocab size,
     * 1 layer, d_model 128, 4 heads, d_ff = 4·d_model, ReLU, LayerNorm on, untied, no attention biases, seed 0.
     */
    public static final class Builder {
        private int vocabSize;
        private int outputSize = -1;
        private int contextLength;
        private int layers = 1;
        private int dModel = 128;
        private int heads = 4;
        private int dFf = -1;
        private Nonlinearity activation = Nonlinearity.RELU;
        private boolean layerNorm = true;
        private boolean tied;
        private boolean attentionBias;
        private long seed;

        public Builder setVocabSize(int v) { this.vocabSize = v; return this; }
        public Builder setContextLength(int c) { this.contextLength = c; return this; }
        /** Logits per position; default the vocab size (for mod p with an "=" token: p). */
        public Builder optOutputSize(int o) { this.outputSize = o; return this; }
        public Builder optLayers(int l) { this.layers = l; return this; }
        public Builder optDModel(int d) { this.dModel = d; return this; }
        public Builder optHeads(int h) { this.heads = h; return this; }
        /** MLP width; default 4·d_model. */
        public Builder optDFf(int f) { this.dFf = f; return this; }
        public Builder optActivation(Nonlinearity a) { this.activation = a; return this; }
        /** false: no LayerNorm anywhere (Nanda et al. 2023). */
        public Builder optLayerNorm(boolean on) { this.layerNorm = on; return this; }
        public Builder optTiedUnembedding(boolean on) { this.tied = on; return this; }
        public Builder optAttentionBias(boolean on) { this.attentionBias = on; return this; }
        public Builder optSeed(long s) { this.seed = s; return this; }

        public DecoderTransformer build() {
            if (vocabSize == 0) throw new IllegalArgumentException("the vocab size is required: call setVocabSize");
            if (contextLength == 0) throw new IllegalArgumentException("the context length is required: call setContextLength");
            return new DecoderTransformer(new Config(vocabSize, outputSize == -1 ? vocabSize : outputSize, contextLength, layers,
                    dModel, heads, dFf == -1 ? 4 * dModel : dFf, activation, layerNorm, tied, attentionBias, seed));
        }
    }
}
