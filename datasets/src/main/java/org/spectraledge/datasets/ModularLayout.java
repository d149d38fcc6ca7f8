package org.spectraledge.datasets;

/**
 * How one example a ∘ b is laid out as token ids. Numbers 0 … p−1 are their own ids; the extra
 * symbols get the ids just after them.
 *
 * <table>
 *   <caption>Layouts</caption>
 *   <tr><th>layout</th><th>tokens</th><th>vocabulary</th><th>used by</th></tr>
 *   <tr><td>PAIR</td><td>[a, b]</td><td>p</td><td>the MLP over embeddings</td></tr>
 *   <tr><td>PAIR_EQUALS</td><td>[a, b, =] with = = p</td><td>p + 1</td>
 *       <td>Nanda et al. 2023 (read the answer at "=")</td></tr>
 *   <tr><td>OP_EQUALS</td><td>[a, ∘, b, =] with ∘ = p, = = p + 1</td><td>p + 2</td>
 *       <td>Power et al. 2022</td></tr>
 * </table>
 *
 * The label is always the result in [0, p), so a model with an untied unembedding has p classes.
 */
public enum ModularLayout {
    /** [a, b]; vocabulary p. */
    PAIR(2, 0),
    /** [a, b, =]; vocabulary p + 1. */
    PAIR_EQUALS(3, 1),
    /** [a, ∘, b, =]; vocabulary p + 2. */
    OP_EQUALS(4, 2);

    private final int length;
    private final int extraTokens;

    ModularLayout(int length, int extraTokens) {
        this.length = length;
        this.extraTokens = extraTokens;
    }

    /** Tokens per example. */
    public int length() {
        return length;
    }

    /** Input vocabulary size for modulus p. */
    public int vocabSize(int p) {
        return p + extraTokens;
    }

    /** The token ids of a ∘ b. */
    public int[] encode(int a, int b, int p) {
        return switch (this) {
            case PAIR -> new int[] {a, b};
            case PAIR_EQUALS -> new int[] {a, b, p};
            case OP_EQUALS -> new int[] {a, p, b, p + 1};
        };
    }

    /** Operand a of an encoded example. */
    public int a(int[] tokens) {
        return tokens[0];
    }

    /** Operand b of an encoded example. */
    public int b(int[] tokens) {
        return this == OP_EQUALS ? tokens[2] : tokens[1];
    }
}
