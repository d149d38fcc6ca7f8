package org.spectraledge.train.model;

import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The project's dotted parameter names of a model, in a fixed order: the contract that parameter groups
 * ({@code all}, {@code trunk}, {@code attention}, {@code layer:N}, globs) and snapshots rely on.
 *
 * <p>Orders: decoder-only transformer {@code embed, pos_embed, blocks.0.ln1.gamma, blocks.0.ln1.beta,
 * blocks.0.attn.W_Q, [b_Q,] W_K, [b_K,] W_V, [b_V,] W_O, [b_O,] blocks.0.ln2.gamma, beta, blocks.0.mlp.W_in, b_in,
 * W_out, b_out, …, ln_final.gamma, ln_final.beta, [unembed]}; MLP {@code embed, mlp.0.W, mlp.0.b, …, unembed};
 * encoder–decoder {@code encoder.embed, encoder.pos_embed, encoder.blocks.i.…, encoder.ln_final.…, decoder.embed,
 * decoder.pos_embed, decoder.blocks.i.{ln1, self_attn, ln2, cross_attn, ln3, mlp}.…, decoder.ln_final.…, [unembed]}.
 * LayerNorm entries are absent without LayerNorm, {@code unembed} is absent when tied.
 */
public final class NamedParameters {

    private NamedParameters() {}

    /**
     * The named parameters of one of this package's models.
     *
     * @throws IllegalArgumentException if the block is not a {@link NamedBlock} (its DJL names are not our contract)
     */
    public static List<NamedParameter> of(Block block) {
        if (block instanceof NamedBlock named) return named.namedParameters();
        String djlNames = block.getParameters().stream().map(Pair::getKey).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(block.getClass().getSimpleName() + " has no project parameter names; build the "
                + "model with MlpOnEmbeddings, DecoderTransformer or EncoderDecoderTransformer (its DJL names are: "
                + djlNames + ")");
    }

    /** The snapshot layout of a model: each tensor's dotted name and element count, in the order of {@link #of}. */
    public static ParameterLayout layout(Block block) {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        for (NamedParameter p : of(block)) {
            if (p.size() > Integer.MAX_VALUE) throw new IllegalArgumentException("parameter '" + p.name() + "' is too large for a snapshot");
            builder.add(p.name(), (int) p.size());
        }
        return builder.build();
    }

    /** The total number of parameters of a model. */
    public static long count(Block block) {
        return of(block).stream().mapToLong(NamedParameter::size).sum();
    }
}
