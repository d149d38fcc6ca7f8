package org.spectraledge.train.model;

import org.spectraledge.datasets.ModularLayout;
import org.spectraledge.datasets.ScanDataset;
import org.spectraledge.datasets.ScanGrammar;

/**
 * The models of the reference setups of framework §8, each with its parameter count. Every preset is seed 0; call the
 * builder directly for another seed or a variation. Where the framework (§8) fixes a value it is cited; the rest is our choice,
 * marked as such.
 */
public final class ModelPresets {

    /** Sequence length of {@link #dyck()}: the Dyck dataset's default length. */
    public static final int DYCK_LENGTH = 24;

    private ModelPresets() {}

    /**
     * The fast grokking MLP (framework §8: "MLP with learned embeddings on (a+b) mod 59, d = 64"): embeddings d = 64 for
     * [a, b] (layout {@link ModularLayout#PAIR}, vocab p), one ReLU hidden layer of width 256 (our choice), p classes.
     * 64p + 33,024 + 256p parameters: 51,904 at p = 59. With AdamW lr 3e-3, β = (0.9, 0.98), ω = 1, full batch,
     * train fraction 0.5, the same model in PyTorch reached test accuracy ≥ 0.95 at step 1,100 (width 64: 1,850); with
     * ω = 0 it memorized but stayed at chance on the test set through 3,000 steps.
     */
    public static MlpOnEmbeddings fastMlp(int p) {
        return MlpOnEmbeddings.builder().setVocabSize(ModularLayout.PAIR.vocabSize(p)).optClasses(p)
                .optInputLength(ModularLayout.PAIR.length()).optEmbedDim(64).optWidth(256).optHiddenLayers(1).build();
    }

    /**
     * Nanda et al. 2023 (framework §8): 1 layer, d_model 128, 4 heads, d_mlp 512, ReLU, no LayerNorm, untied, no attention
     * biases; input [a, b, =] (layout {@link ModularLayout#PAIR_EQUALS}, vocab p + 1), answer read at the last
     * position over p classes. 256p + 197,760 parameters: 226,688 at p = 113.
     */
    public static DecoderTransformer nanda(int p) {
        return DecoderTransformer.builder().setVocabSize(ModularLayout.PAIR_EQUALS.vocabSize(p))
                .setContextLength(ModularLayout.PAIR_EQUALS.length()).optOutputSize(p).optLayers(1).optDModel(128)
                .optHeads(4).optDFf(512).optActivation(Nonlinearity.RELU).optLayerNorm(false).build();
    }

    /**
     * The author's modular-arithmetic transformer (framework §8, "~290k parameters"): 2 layers, d_model 128, 4 heads,
     * d_ff 256, ReLU, pre-norm LayerNorm, untied; input [a, ∘, b, =] (layout {@link ModularLayout#OP_EQUALS}, vocab
     * p + 2), p classes. 256p + 264,960 parameters: 289,792 at p = 97.
     */
    public static DecoderTransformer powerTransformer(int p) {
        return DecoderTransformer.builder().setVocabSize(ModularLayout.OP_EQUALS.vocabSize(p))
                .setContextLength(ModularLayout.OP_EQUALS.length()).optOutputSize(p).optLayers(2).optDModel(128)
                .optHeads(4).optDFf(256).optActivation(Nonlinearity.RELU).optLayerNorm(true).build();
    }

    /**
     * Dyck-1 depth prediction (framework §8: 2-layer causal transformer, d_model 128): 4 heads, d_ff 512, ReLU, LayerNorm
     * (our choices); input the brackets (vocab 2), a depth class 0 … L/2 at every position. 400,768 parameters at
     * L = {@value #DYCK_LENGTH}.
     */
    public static DecoderTransformer dyck() {
        return dyck(DYCK_LENGTH);
    }

    /** {@link #dyck()} for sequences of {@code length} brackets (even). */
    public static DecoderTransformer dyck(int length) {
        if (length < 2 || length % 2 != 0) throw new IllegalArgumentException("Dyck length must be even and ≥ 2, got " + length);
        return DecoderTransformer.builder().setVocabSize(2).setContextLength(length).optOutputSize(length / 2 + 1)
                .optLayers(2).optDModel(128).optHeads(4).optDFf(512).optActivation(Nonlinearity.RELU).optLayerNorm(true)
                .build();
    }

    /**
     * SCAN (framework §8: 3 + 3 encoder–decoder, d_model 256): 4 heads, d_ff 512, ReLU, LayerNorm, untied (our choices);
     * the SCAN vocabularies and lengths of {@link ScanDataset} (source 10, decoder input 49). 3,969,280 parameters.
     */
    public static EncoderDecoderTransformer scan() {
        return EncoderDecoderTransformer.builder().setSourceVocabSize(ScanGrammar.COMMAND_VOCAB.size())
                .setTargetVocabSize(ScanGrammar.ACTION_VOCAB.size()).setSourceLength(ScanDataset.SOURCE_LENGTH)
                .setTargetLength(ScanDataset.TARGET_LENGTH - 1).optLayers(3, 3).optDModel(256).optHeads(4).optDFf(512)
                .optActivation(Nonlinearity.RELU).optLayerNorm(true).build();
    }
}
