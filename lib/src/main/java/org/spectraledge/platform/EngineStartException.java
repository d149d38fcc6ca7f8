package org.spectraledge.platform;

import java.util.List;

/**
 * The offline PyTorch engine cannot start. The message lists each missing piece and its fix, one
 * per line, so that it can be shown to a user as is.
 */
public final class EngineStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one sentence per problem, each ending with the fix
     * @param cause the DJL or JVM error behind the problems, or {@code null}
     */
    public EngineStartException(List<String> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem with its fix, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an EngineStartException needs at least one problem");
        }
        return "Cannot start the offline PyTorch engine:" + System.lineSeparator() + " - "
                + String.join(System.lineSeparator() + " - ", problems);
    }
}
