package org.spectraledge.train.model;

import static org.spectraledge.train.model.DecoderTransformer.positive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.Objects;
import org.spectraledge.datasets.Vocabulary;

/**
 * Encoder–decoder transformer for SCAN (pre-norm or without LayerNorm):
 * <pre>
 *   memory = encoder(src)                        self-attention masked at padding source keys   [B, S, d]
 *   h      = decoder(tgtIn, memory)              causal self-attention, cross-attention to memory
 *   logits = h U                    (U = E_decᵀ when tied)                                     [B, T, V_tgt]
 * </pre>
 * Teacher forcing: {@code forward(src [B, S], tgtIn [B, T])} with tgtIn = target[:, :−1] (starting with
 * {@code <bos>}), predicting target[:, 1:]. Target padding needs no mask: padding follows {@code <eos>}, so under the
 * causal mask no real position sees it; the loss ignores positions whose label is padding. {@link #greedyDecode}
 * and {@link #sequenceAccuracy} give SCAN's exact-match accuracy.
 *
 * <p>Parameter count, with per-layer MLP m = 2·d·d_ff + d_ff + d, attention a = 4d² (+4d with biases), n = 2d if
 * LayerNorm else 0: V_src·d + S·d + N_enc·(a + m + 2n) + n + V_tgt·d + T·d + N_dec·(2a + m + 3n) + n + [d·V_tgt if
 * untied].
 */
public final class EncoderDecoderTransformer extends NamedBlock {

    /**
     * @param sourceVocabSize command ids lie in [0, V_src)
     * @param targetVocabSize action ids lie in [0, V_tgt); also the number of logits
     * @param sourceLength    S, the longest source (encoder positions)
     * @param targetLength    T, the longest decoder input (decoder positions) and the longest greedy output
     * @param encoderLayers   N_enc ≥ 1
     * @param decoderLayers   N_dec ≥ 1
     * @param dModel          d, divisible by heads
     * @param heads           H
     * @param dFf             width of each MLP
     * @param activation      MLP activation
     * @param layerNorm       pre-norm LayerNorm; false = none at all
     * @param tiedUnembedding logits = h E_decᵀ, no {@code unembed} tensor
     * @param attentionBias   b_Q, b_K, b_V, b_O in every attention
     * @param padId           source padding id (masked as a key)
     * @param bosId           first decoder input of greedy decoding
     * @param eosId           end of an output sequence
     * @param seed            initialization seed
     */
    public record Config(int sourceVocabSize, int targetVocabSize, int sourceLength, int targetLength, int encoderLayers,
                         int decoderLayers, int dModel, int heads, int dFf, Nonlinearity activation, boolean layerNorm,
                         boolean tiedUnembedding, boolean attentionBias, int padId, int bosId, int eosId, long seed) {
        public Config {
            positive("source vocab size", sourceVocabSize, "setSourceVocabSize");
            positive("target vocab size", targetVocabSize, "setTargetVocabSize");
            positive("source length", sourceLength, "setSourceLength");
            positive("target length", targetLength, "setTargetLength");
            positive("number of encoder layers", encoderLayers, "optLayers");
            positive("number of decoder layers", decoderLayers, "optLayers");
            positive("d_model", dModel, "optDModel");
            positive("number of heads", heads, "optHeads");
            positive("d_ff", dFf, "optDFf");
            Objects.requireNonNull(activation, "activation");
            if (dModel % heads != 0) {
                throw new IllegalArgumentException("d_model " + dModel + " is not divisible by " + heads + " heads; choose heads dividing d_model");
            }
            if (padId < 0 || padId >= sourceVocabSize) throw new IllegalArgumentException("pad id " + padId + " is not a source id");
            if (bosId < 0 || bosId >= targetVocabSize || eosId < 0 || eosId >= targetVocabSize) {
                throw new IllegalArgumentException("bos id " + bosId + " and eos id " + eosId + " must be target ids in [0, " + targetVocabSize + ")");
            }
        }
    }

    private final Config config;
    private final Encoder encoder;
    private final Decoder decoder;
    private final Parameter unembed;

    public EncoderDecoderTransformer(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        encoder = child("encoder", new Encoder(config));
        decoder = child("decoder", new Decoder(config));
        int d = config.dModel();
        unembed = config.tiedUnembedding() ? null : randomParameter("unembed", 1 / Math.sqrt(d), d, config.targetVocabSize());
        seedInitializers(config.seed());
    }

    public static Builder builder() { return new Builder(); }

    public Config config() { return config; }

    /**
     * Teacher-forced logits.
     *
     * @param src   source ids [B, S] (padded with the pad id)
     * @param tgtIn decoder input ids [B, T], starting with {@code <bos>}; the result lives on its manager
     * @return [B, T, V_tgt]
     */
    public NDArray logits(ParameterStore store, NDArray src, NDArray tgtIn, boolean training) {
        if (src.getShape().get(0) != tgtIn.getShape().get(0)) {
            throw new IllegalArgumentException("source batch " + src.getShape() + " and target batch " + tgtIn.getShape() + " differ");
        }
        NDArray sourceMask = Masks.padding(src, config.padId());
        NDArray memory = encoder.apply(store, src, sourceMask, training);
        return unembedding(store, decoder.apply(store, tgtIn, memory, sourceMask, training), training);
    }

    private NDArray unembedding(ParameterStore store, NDArray h, boolean training) {
        return unembed == null ? Linear.linear(h, value(store, decoder.embedding(), h, training)).singletonOrThrow()
                : h.matMul(value(store, unembed, h, training));
    }

    /**
     * Greedy decoding: starting from {@code <bos>}, appends the arg-max token until every row has produced
     * {@code <eos>} or {@code maxLength} tokens exist. Runs without gradient recording on a sub-manager of the
     * source's manager, which it closes.
     *
     * @param source    source ids [B, S] (int32 or int64); not modified
     * @param maxLength at most this many output tokens, ≤ the target length
     * @return per row the generated ids (without {@code <bos>}), up to and including the first {@code <eos>}
     */
    public int[][] greedyDecode(ParameterStore store, NDArray source, int maxLength) {
        if (maxLength < 1 || maxLength > config.targetLength()) {
            throw new IllegalArgumentException("maxLength must lie in [1, " + config.targetLength() + "] (the target length), got " + maxLength);
        }
        int batch = (int) source.getShape().get(0);
        int[][] out = new int[batch][];
        try (NDManager scope = source.getManager().newSubManager()) {
            // a copy on the scope, so that the encoder's output and every temporary are freed with it
            NDArray src = scope.create(Embeddings.int64(source).toLongArray(), source.getShape());
            NDArray sourceMask = Masks.padding(src, config.padId());
            NDArray memory = encoder.apply(store, src, sourceMask, false);
            long[] prefix = new long[batch * (maxLength + 1)];
            for (int i = 0; i < batch; i++) prefix[i * (maxLength + 1)] = config.bosId();
            int finished = 0;
            for (int t = 1; t <= maxLength && finished < batch; t++) {
                try (NDManager step = scope.newSubManager()) {
                    long[] window = new long[batch * t];
                    for (int i = 0; i < batch; i++) System.arraycopy(prefix, i * (maxLength + 1), window, i * t, t);
                    NDArray tgtIn = step.create(window, new Shape(batch, t));
                    NDArray h = decoder.apply(store, tgtIn, memory, sourceMask, false);
                    long[] next = DecoderTransformer.lastPosition(unembedding(store, h, false)).argMax(-1).toLongArray();
                    for (int i = 0; i < batch; i++) {
                        if (out[i] != null) continue;
                        prefix[i * (maxLength + 1) + t] = next[i];
                        if (next[i] == config.eosId() || t == maxLength) {
                            out[i] = new int[t];
                            for (int j = 0; j < t; j++) out[i][j] = (int) prefix[i * (maxLength + 1) + 1 + j];
                            finished++;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Exact-match accuracy: the fraction of rows whose decoded ids equal the target's ids after {@code <bos>} up to
     * and including its first {@code <eos>} (a decode that never produced {@code <eos>} is wrong).
     *
     * @param decoded from {@link #greedyDecode}
     * @param targets encoded targets as in the SCAN dataset: [{@code <bos>}] actions {@code <eos>} padding
     */
    public double sequenceAccuracy(int[][] decoded, int[][] targets) {
        if (decoded.length != targets.length) {
            throw new IllegalArgumentException(decoded.length + " decoded rows but " + targets.length + " targets");
        }
        if (decoded.length == 0) throw new IllegalArgumentException("no rows to score");
        int correct = 0;
        for (int i = 0; i < decoded.length; i++) {
            if (Arrays.equals(decoded[i], expected(targets[i]))) correct++;
        }
        return (double) correct / decoded.length;
    }

    /** The target's ids after an optional {@code <bos>}, through its first {@code <eos>}. */
    private int[] expected(int[] target) {
        int start = target.length > 0 && target[0] == config.bosId() ? 1 : 0;
        for (int j = start; j < target.length; j++) {
            if (target[j] == config.eosId()) return Arrays.copyOfRange(target, start, j + 1);
        }
        throw new IllegalArgumentException("target " + Arrays.toString(target) + " has no <eos> (id " + config.eosId() + ")");
    }

    /** Inputs (src [B, S], tgtIn [B, T]); output (logits [B, T, V_tgt]). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) throw new IllegalArgumentException("expected inputs (src, tgtIn), got " + inputs.size() + " arrays");
        return new NDList(logits(store, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1].add(config.targetVocabSize())};
    }

    @Override
    public String toString() {
        return "EncoderDecoderTransformer" + config + ", " + NamedParameters.count(this) + " parameters";
    }

    /**
     * Builder. Required: {@link #setSourceVocabSize}, {@link #setTargetVocabSize}, {@link #setSourceLength},
     * {@link #setTargetLength}. Defaults: 3 + 3 layers, d_model 256, 4 heads, d_ff = 4·d_model, ReLU, LayerNorm on,
     * untied, no attention biases, the ids of {@link Vocabulary} ({@code <pad>} 0, {@code <bos>} 1, {@code <eos>} 2),
     * seed 0.
     */
    public static final class Builder {
        private int sourceVocabSize;
        private int targetVocabSize;
        private int sourceLength;
        private int targetLength;
        private int encoderLayers = 3;
        private int decoderLayers = 3;
        private int dModel = 256;
        private int heads = 4;
        private int dFf = -1;
        private Nonlinearity activation = Nonlinearity.RELU;
        private boolean layerNorm = true;
        private boolean tied;
        private boolean attentionBias;
        private int padId = Vocabulary.PAD;
        private int bosId = Vocabulary.BOS;
        private int eosId = Vocabulary.EOS;
        private long seed;

        public Builder setSourceVocabSize(int v) { this.sourceVocabSize = v; return this; }
        public Builder setTargetVocabSize(int v) { this.targetVocabSize = v; return this; }
        public Builder setSourceLength(int s) { this.sourceLength = s; return this; }
        /** Decoder positions: for SCAN targets of length L (with bos and eos), L − 1. */
        public Builder setTargetLength(int t) { this.targetLength = t; return this; }
        public Builder optLayers(int encoder, int decoder) { this.encoderLayers = encoder; this.decoderLayers = decoder; return this; }
        public Builder optDModel(int d) { this.dModel = d; return this; }
        public Builder optHeads(int h) { this.heads = h; return this; }
        /** MLP width; default 4·d_model. */
        public Builder optDFf(int f) { this.dFf = f; return this; }
        public Builder optActivation(Nonlinearity a) { this.activation = a; return this; }
        public Builder optLayerNorm(boolean on) { this.layerNorm = on; return this; }
        public Builder optTiedUnembedding(boolean on) { this.tied = on; return this; }
        public Builder optAttentionBias(boolean on) { this.attentionBias = on; return this; }
        public Builder optSpecialIds(int pad, int bos, int eos) { this.padId = pad; this.bosId = bos; this.eosId = eos; return this; }
        public Builder optSeed(long s) { this.seed = s; return this; }

        public EncoderDecoderTransformer build() {
            if (sourceVocabSize == 0) throw new IllegalArgumentException("the source vocab size is required: call setSourceVocabSize");
            if (targetVocabSize == 0) throw new IllegalArgumentException("the target vocab size is required: call setTargetVocabSize");
            if (sourceLength == 0) throw new IllegalArgumentException("the source length is required: call setSourceLength");
            if (targetLength == 0) throw new IllegalArgumentException("the target length is required: call setTargetLength");
            return new EncoderDecoderTransformer(new Config(sourceVocabSize, targetVocabSize, sourceLength, targetLength,
                    encoderLayers, decoderLayers, dModel, heads, dFf == -1 ? 4 * dModel : dFf, activation, layerNorm, tied,
                    attentionBias, padId, bosId, eosId, seed));
        }
    }
}
