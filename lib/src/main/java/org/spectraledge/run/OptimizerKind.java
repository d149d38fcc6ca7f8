package org.spectraledge.run;

/** The optimizers a run can use, by their command-line names. */
public enum OptimizerKind {
    /** AdamW with decoupled weight decay ({@code train.AdamW}). */
    ADAMW("AdamW, decoupled weight decay"),
    /** SGD with heavy-ball or no momentum ({@code train.SgdMomentum}). */
    SGD("SGD with momentum"),
    /** Muon on hidden 2-D matrices, AdamW for the rest ({@code train.Muon}). */
    MUON("Muon on hidden matrices, AdamW for embeddings, biases and gains");

    private final String description;

    OptimizerKind(String description) {
        this.description = description;
    }

    /** The name used on the command line, in magics and in sweep files, e.g. {@code adamw}. */
    public String cliName() {
        return ChoiceNames.of(this);
    }

    /** One line for help texts. */
    public String description() {
        return description;
    }

    /**
     * The optimizer called {@code name} (case-insensitive).
     *
     * @throws InvalidOptionException naming the valid choices
     */
    public static OptimizerKind parse(String name) {
        return ChoiceNames.parse(OptimizerKind.class, "optimizer", name);
    }
}
