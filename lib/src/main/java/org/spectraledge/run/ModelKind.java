package org.spectraledge.run;

/** The model families a run can train (framework §8), by their command-line names. */
public enum ModelKind {
    /** The fast grokking MLP on learned embeddings. */
    MLP("the fast grokking MLP on learned embeddings"),
    /** Nanda et al.'s one-layer transformer without LayerNorm. */
    NANDA("Nanda et al.'s 1-layer transformer, no LayerNorm"),
    /** The author's two-layer decoder transformer (d_model 128, 4 heads, d_ff 256). */
    TRANSFORMER("the author's 2-layer transformer (d_model 128, 4 heads, d_ff 256)");

    private final String description;

    ModelKind(String description) {
        this.description = description;
    }

    /** The name used on the command line, in magics and in sweep files, e.g. {@code transformer}. */
    public String cliName() {
        return ChoiceNames.of(this);
    }

    /** One line for help texts. */
    public String description() {
        return description;
    }

    /**
     * The model called {@code name} (case-insensitive).
     *
     * @throws InvalidOptionException naming the valid choices
     */
    public static ModelKind parse(String name) {
        return ChoiceNames.parse(ModelKind.class, "model", name);
    }
}
