package org.spectraledge.train.model;

import static org.spectraledge.train.model.DecoderTransformer.positive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fast grokking model: an MLP over learned token embeddings.
 * <pre>
 *   h₀ = concat(E[a], E[b])                       [B, n·d]     (n = input length, 2 for (a, b))
 *   h_{k+1} = act(h_k W_k + b_k)                   k = 0 … K−1  (mlp.k.W, mlp.k.b)
 *   logits = h_K U                                [B, classes] (unembed, no bias)
 * </pre>
 * The embeddings are <em>concatenated</em>, not summed: a sum is symmetric in a and b, so it could not represent
 * a − b or a / b; concatenation serves every operation of Power et al. 2022 (for a + b it is equivalent up to the
 * first layer's weights). Input: ids [B, n] (the {@code PAIR} layout of modular arithmetic: [a, b], vocab p).
 *
 * <p>Parameter count: V·d + (n·d·w + w) + (K−1)·(w² + w) + w·classes, for vocab V, embedding width d, hidden width
 * w and K hidden layers.
 */
public final class MlpOnEmbeddings extends NamedBlock {

    /**
     * @param vocabSize    V, ids lie in [0, V)
     * @param classes      number of logits (p for mod p)
     * @param inputLength  n, tokens per example
     * @param embedDim     d
     * @param width        w, units per hidden layer
     * @param hiddenLayers K ≥ 1
     * @param activation   hidden activation
     * @param seed         initialization seed
     */
    public record Config(int vocabSize, int classes, int inputLength, int embedDim, int width, int hiddenLayers,
                         Nonlinearity activation, long seed) {
        public Config {
            positive("vocab size", vocabSize, "setVocabSize");
            positive("number of classes", classes, "optClasses");
            positive("input length", inputLength, "optInputLength");
            positive("embedding width", embedDim, "optEmbedDim");
            positive("hidden width", width, "optWidth");
            positive("number of hidden layers", hiddenLayers, "optHiddenLayers");
            Objects.requireNonNull(activation, "activation");
        }
    }

    private final Config config;
    private final Parameter embed;
    private final List<Dense> mlp = new ArrayList<>();
    private final Parameter unembed;

    public MlpOnEmbeddings(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        embed = randomParameter("embed", 1 / Math.sqrt(config.embedDim()), config.vocabSize(), config.embedDim());
        int in = config.inputLength() * config.embedDim();
        for (int k = 0; k < config.hiddenLayers(); k++) {
            mlp.add(child("mlp." + k, new Dense(in, config.width())));
            in = config.width();
        }
        unembed = randomParameter("unembed", 1 / Math.sqrt(in), in, config.classes());
        seedInitializers(config.seed());
    }

    public static Builder builder() { return new Builder(); }

    public Config config() { return config; }

    /**
     * @param ids token ids [B, n]; the result and every temporary live on its manager
     * @return logits [B, classes]
     */
    public NDArray logits(ParameterStore store, NDArray ids, boolean training) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2 || shape.get(1) != config.inputLength()) {
            throw new IllegalArgumentException("expected ids [batch, " + config.inputLength() + "], got " + shape);
        }
        NDArray h = Embeddings.lookup(ids, value(store, embed, ids, training))
                .reshape(shape.get(0), (long) config.inputLength() * config.embedDim());
        for (Dense layer : mlp) {
            h = config.activation().apply(layer.apply(store, h, training));
        }
        return h.matMul(value(store, unembed, h, training));
    }

    /** Input (ids [B, n]); output (logits [B, classes]). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.classes())};
    }

    @Override
    public String toString() {
        return "MlpOnEmbeddings" + config + ", " + NamedParameters.count(this) + " parameters";
    }

    /**
     * Builder. Required: {@link #setVocabSize}. Defaults: classes = vocab size, input length 2, embedding width 64,
     * hidden width 256, 1 hidden layer, ReLU, seed 0.
     */
    public static final class Builder {
        private int vocabSize;
        private int classes = -1;
        private int inputLength = 2;
        private int embedDim = 64;
        private int width = 256;
        private int hiddenLayers = 1;
        private Nonlinearity activation = Nonlinearity.RELU;
        private long seed;

        public Builder setVocabSize(int v) { this.vocabSize = v; return this; }
        /** Number of logits; default the vocab size (p for (a, b) mod p). */
        public Builder optClasses(int c) { this.classes = c; return this; }
        public Builder optInputLength(int n) { this.inputLength = n; return this; }
        public Builder optEmbedDim(int d) { this.embedDim = d; return this; }
        public Builder optWidth(int w) { this.width = w; return this; }
        public Builder optHiddenLayers(int k) { this.hiddenLayers = k; return this; }
        public Builder optActivation(Nonlinearity a) { this.activation = a; return this; }
        public Builder optSeed(long s) { this.seed = s; return this; }

        public MlpOnEmbeddings build() {
            if (vocabSize == 0) throw new IllegalArgumentException("the vocab size is required: call setVocabSize");
            return new MlpOnEmbeddings(new Config(vocabSize, classes == -1 ? vocabSize : classes, inputLength, embedDim, width,
                    hiddenLayers, activation, seed));
        }
    }
}
