package org.spectraledge.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.io.NpyReader;
import org.spectraledge.testing.Python;

/**
 * The forward pass (and one backward pass) of each model against the same formulas written in plain PyTorch ops
 * by Debian's python3-torch, from the same weights exported to .npy. Biases, γ and β are drawn at random so that
 * they are exercised too.
 */
class TorchOracleTest {

    /** Loads every {@code <name>.npy} as a parameter and computes logits (and gradients when labels are given). */
    private static final String ORACLE = """
            import json, math, os, sys
            import numpy as np, torch
            torch.set_num_threads(1)
            d, cfg = sys.argv[1], json.loads(sys.argv[2])
            P = {f[:-4]: torch.tensor(np.load(os.path.join(d, f)), requires_grad=True)
                 for f in os.listdir(d) if f.endswith('.npy') and not f.startswith('_')}
            def inp(name): return torch.tensor(np.load(os.path.join(d, '_' + name + '.npy'))).long()
            def act(x): return torch.relu(x) if cfg['act'] == 'relu' else torch.nn.functional.gelu(x)
            def ln(x, pre):
                if not cfg.get('ln', False): return x
                mu = x.mean(-1, keepdim=True)
                var = ((x - mu) ** 2).mean(-1, keepdim=True)
                return (x - mu) / torch.sqrt(var + 1e-5) * P[pre + 'gamma'] + P[pre + 'beta']
            def lin(x, pre, w, b):
                y = x @ P[pre + w]
                return y + P[pre + b] if pre + b in P else y
            def attn(x, m, pre, allowed):
                H = cfg['heads']; B, Tq, D = x.shape; Tk = m.shape[1]; dh = D // H
                q = lin(x, pre, 'W_Q', 'b_Q').view(B, Tq, H, dh).transpose(1, 2)
                k = lin(m, pre, 'W_K', 'b_K').view(B, Tk, H, dh).transpose(1, 2)
                v = lin(m, pre, 'W_V', 'b_V').view(B, Tk, H, dh).transpose(1, 2)
                s = (q @ k.transpose(-1, -2) / math.sqrt(dh)).masked_fill(~allowed, float('-inf'))
                return lin((torch.softmax(s, -1) @ v).transpose(1, 2).reshape(B, Tq, D), pre, 'W_O', 'b_O')
            def mlp(x, pre): return act(x @ P[pre + 'W_in'] + P[pre + 'b_in']) @ P[pre + 'W_out'] + P[pre + 'b_out']
            def embed(ids, pre): return P[pre + 'embed'][ids] + P[pre + 'pos_embed'][:ids.shape[1]]
            def causal(T): return torch.tril(torch.ones(T, T, dtype=torch.bool))
            def unembed(h, table): return h @ P['unembed'] if 'unembed' in P else h @ P[table].T
            kind = cfg['kind']
            if kind == 'mlp':
                ids = inp('ids'); h = P['embed'][ids].reshape(ids.shape[0], -1); k = 0
                while f'mlp.{k}.W' in P:
                    h = act(h @ P[f'mlp.{k}.W'] + P[f'mlp.{k}.b']); k += 1
                logits = h @ P['unembed']
            elif kind == 'decoder':
                ids = inp('ids'); x = embed(ids, '')
                for l in range(cfg['layers']):
                    pre = f'blocks.{l}.'
                    h = ln(x, pre + 'ln1.'); x = x + attn(h, h, pre + 'attn.', causal(ids.shape[1]))
                    x = x + mlp(ln(x, pre + 'ln2.'), pre + 'mlp.')
                logits = unembed(ln(x, 'ln_final.'), 'embed')
            else:
                src = inp('src'); keep = (src != cfg['pad'])[:, None, None, :]
                x = embed(src, 'encoder.')
                for l in range(cfg['enc_layers']):
                    pre = f'encoder.blocks.{l}.'
                    h = ln(x, pre + 'ln1.'); x = x + attn(h, h, pre + 'attn.', keep)
                    x = x + mlp(ln(x, pre + 'ln2.'), pre + 'mlp.')
                mem = ln(x, 'encoder.ln_final.')
                def decode(tgt):
                    x = embed(tgt, 'decoder.')
                    for l in range(cfg['dec_layers']):
                        pre = f'decoder.blocks.{l}.'
                        h = ln(x, pre + 'ln1.'); x = x + attn(h, h, pre + 'self_attn.', causal(tgt.shape[1]))
                        x = x + attn(ln(x, pre + 'ln2.'), mem, pre + 'cross_attn.', keep)
                        x = x + mlp(ln(x, pre + 'ln3.'), pre + 'mlp.')
                    return unembed(ln(x, 'decoder.ln_final.'), 'decoder.embed')
                logits = decode(inp('tgt'))
                with torch.no_grad():
                    seq = torch.full((src.shape[0], 1), cfg['bos'], dtype=torch.long)
                    for t in range(cfg['max_len']):
                        seq = torch.cat([seq, decode(seq)[:, -1].argmax(-1, keepdim=True)], 1)
                np.save(os.path.join(d, '_torch_greedy.npy'), seq[:, 1:].numpy().astype(np.float32))
            np.save(os.path.join(d, '_torch_logits.npy'), logits.detach().numpy().astype(np.float32))
            if os.path.exists(os.path.join(d, '_labels.npy')):
                labels = inp('labels')
                loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
                loss.backward()
                for name, p in P.items():
                    np.save(os.path.join(d, '_grad.' + name + '.npy'), p.grad.numpy().astype(np.float32))
                print(loss.item())
            """;

    private static final double TOLERANCE = 1e-5;

    private static NDManager manager;

    @BeforeAll
    static void start() {
        Python.require("torch", "numpy");
        manager = ModelTesting.manager();
    }

    @AfterAll
    static void stop() {
        if (manager != null) manager.close();
    }

    private static float[] torchArray(Path dir, String name) throws IOException {
        return NpyReader.read(dir.resolve("_" + name + ".npy")).floats();
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        double diff = ModelTesting.maxAbsDiff(expected, actual);
        assertTrue(diff <= TOLERANCE, what + ": max |DJL − torch| = " + diff);
    }

    private static DecoderTransformer decoder(boolean ln, boolean tied, boolean bias, Nonlinearity act) {
        return DecoderTransformer.builder().setVocabSize(9).setContextLength(5).optOutputSize(9).optLayers(2).optDModel(16)
                .optHeads(2).optDFf(24).optActivation(act).optLayerNorm(ln).optTiedUnembedding(tied).optAttentionBias(bias)
                .optSeed(11).build();
    }

    @Test
    void decoderWithLayerNormGeluTiedBiases(@TempDir Path dir) throws IOException {
        checkDecoder(decoder(true, true, true, Nonlinearity.GELU), "gelu", dir);
    }

    @Test
    void decoderWithoutLayerNormReluUntied(@TempDir Path dir) throws IOException {
        checkDecoder(decoder(false, false, false, Nonlinearity.RELU), "relu", dir);
    }

    private static void checkDecoder(DecoderTransformer model, String act, Path dir) throws IOException {
        int[][] ids = {{1, 2, 3, 4, 5}, {8, 0, 8, 0, 3}, {4, 4, 4, 4, 4}};
        int[][] labels = {{2, 3, 4, 5, 6}, {0, 8, 0, 3, 1}, {7, 6, 5, 4, 3}};
        DecoderTransformer.Config c = model.config();
        String cfg = String.format("{\"kind\": \"decoder\", \"act\": \"%s\", \"ln\": %b, \"heads\": %d, \"layers\": %d}",
                act, c.layerNorm(), c.heads(), c.layers());
        try (NDManager m = manager.newSubManager()) {
            ModelTesting.initialized(ModelTesting.withRandomConstants(model, 3, 0.3), m);
            ParameterStore store = ModelTesting.store(m);
            NDArray input = ModelTesting.ids(m, ids);
            float[] logits;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = model.logits(store, input, true);
                logits = out.toFloatArray();
                collector.backward(crossEntropy(out.reshape(-1, c.outputSize()), ModelTesting.ids(m, labels).reshape(-1), c.outputSize()));
            }
            ModelTesting.exportWeights(model, dir);
            ModelTesting.write(dir.resolve("_ids.npy"), input);
            ModelTesting.write(dir.resolve("_labels.npy"), ModelTesting.ids(m, labels));
            Python.check(ORACLE, List.of(dir.toString(), cfg));
            assertClose(torchArray(dir, "torch_logits"), logits, "logits");
            for (NamedParameter p : model.namedParameters()) {
                assertClose(torchArray(dir, "grad." + p.name()), p.parameter().getArray().getGradient().toFloatArray(), "∂L/∂" + p.name());
            }
        }
    }

    /** Mean cross-entropy over rows, built without Java scalars (see package-info). */
    private static NDArray crossEntropy(NDArray logits, NDArray labels, int classes) {
        NDArray oneHot = labels.toType(DataType.INT64, false).oneHot(classes);
        return logits.logSoftmax(-1).mul(oneHot).sum(new int[] {-1}).mean().neg();
    }

    @Test
    void mlpForwardAndGradient(@TempDir Path dir) throws IOException {
        MlpOnEmbeddings model = MlpOnEmbeddings.builder().setVocabSize(13).optClasses(11).optEmbedDim(6).optWidth(10)
                .optHiddenLayers(2).optSeed(4).build();
        int[][] ids = {{0, 1}, {12, 5}, {7, 7}, {3, 11}};
        int[] labels = {1, 6, 3, 10};
        try (NDManager m = manager.newSubManager()) {
            ModelTesting.initialized(ModelTesting.withRandomConstants(model, 8, 0.3), m);
            ParameterStore store = ModelTesting.store(m);
            NDArray input = ModelTesting.ids(m, ids);
            NDArray target = m.create(labels);
            float[] logits;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = model.logits(store, input, true);
                logits = out.toFloatArray();
                collector.backward(crossEntropy(out, target, 11));
            }
            ModelTesting.exportWeights(model, dir);
            ModelTesting.write(dir.resolve("_ids.npy"), input);
            ModelTesting.write(dir.resolve("_labels.npy"), target);
            Python.check(ORACLE, List.of(dir.toString(), "{\"kind\": \"mlp\", \"act\": \"relu\"}"));
            assertClose(torchArray(dir, "torch_logits"), logits, "logits");
            for (NamedParameter p : model.namedParameters()) {
                assertClose(torchArray(dir, "grad." + p.name()), p.parameter().getArray().getGradient().toFloatArray(), "∂L/∂" + p.name());
            }
        }
    }

    @Test
    void encoderDecoderForwardAndGreedyDecoding(@TempDir Path dir) throws IOException {
        EncoderDecoderTransformer model = EncoderDecoderTransformer.builder().setSourceVocabSize(10).setTargetVocabSize(7)
                .setSourceLength(6).setTargetLength(5).optLayers(1, 2).optDModel(16).optHeads(4).optDFf(20)
                .optAttentionBias(true).optSeed(9).build();
        int[][] src = {{3, 4, 5, 2, 0, 0}, {9, 2, 0, 0, 0, 0}, {6, 7, 8, 9, 3, 2}};
        int[][] tgt = {{1, 3, 4, 2, 0}, {1, 6, 6, 6, 2}, {1, 5, 2, 0, 0}};
        int maxLength = 5;
        try (NDManager m = manager.newSubManager()) {
            ModelTesting.initialized(ModelTesting.withRandomConstants(model, 2, 0.3), m);
            ParameterStore store = ModelTesting.store(m);
            NDArray source = ModelTesting.ids(m, src);
            float[] logits = model.logits(store, source, ModelTesting.ids(m, tgt), false).toFloatArray();
            int[][] decoded = model.greedyDecode(store, source, maxLength);
            ModelTesting.exportWeights(model, dir);
            ModelTesting.write(dir.resolve("_src.npy"), source);
            ModelTesting.write(dir.resolve("_tgt.npy"), ModelTesting.ids(m, tgt));
            EncoderDecoderTransformer.Config c = model.config();
            String cfg = String.format("{\"kind\": \"encdec\", \"act\": \"relu\", \"ln\": true, \"heads\": %d, \"enc_layers\": %d, "
                    + "\"dec_layers\": %d, \"pad\": %d, \"bos\": %d, \"max_len\": %d}",
                    c.heads(), c.encoderLayers(), c.decoderLayers(), c.padId(), c.bosId(), maxLength);
            Python.check(ORACLE, List.of(dir.toString(), cfg));
            assertClose(torchArray(dir, "torch_logits"), logits, "logits");
            float[] greedy = torchArray(dir, "torch_greedy");
            for (int i = 0; i < src.length; i++) {
                int[] expected = new int[maxLength];
                int length = maxLength;
                for (int t = 0; t < maxLength; t++) {
                    expected[t] = (int) greedy[i * maxLength + t];
                    if (expected[t] == c.eosId()) { length = t + 1; break; }
                }
                assertArrayEquals(Arrays.copyOf(expected, length), decoded[i], "greedy row " + i);
            }
        }
    }

    @Test
    void sequenceAccuracyIsExactMatchThroughEos() {
        EncoderDecoderTransformer model = EncoderDecoderTransformer.builder().setSourceVocabSize(5).setTargetVocabSize(6)
                .setSourceLength(3).setTargetLength(4).optLayers(1, 1).optDModel(4).optHeads(1).build();
        int[][] targets = {{1, 3, 4, 2, 0}, {1, 5, 2, 0, 0}, {1, 3, 2, 0, 0}, {1, 4, 4, 4, 2}};
        int[][] decoded = {{3, 4, 2}, {5, 5, 2}, {3}, {4, 4, 4, 2}};
        assertEquals(0.5, model.sequenceAccuracy(decoded, targets));
    }
}
