package org.spectraledge.datasets;

import java.util.List;
import java.util.Objects;

/**
 * One SCAN example: a command and its action sequence.
 *
 * @param command the command, words separated by single spaces, e.g. {@code "jump twice"}
 * @param actions its interpretation, e.g. [I_JUMP, I_JUMP]
 */
public record ScanPair(String command, List<String> actions) {

    public ScanPair {
        Objects.requireNonNull(command, "command");
        actions = List.copyOf(actions);
        if (command.isBlank() || actions.isEmpty()) {
            throw new IllegalArgumentException("a SCAN pair needs a command and at least one action, got '"
                    + command + "' → " + actions);
        }
    }

    /** The pair for a command, interpreted by {@link ScanGrammar#interpret}. */
    public static ScanPair of(String command) {
        return new ScanPair(command, ScanGrammar.interpret(command));
    }

    /** The command's words. */
    public List<String> commandWords() {
        return List.of(command.split(" "));
    }

    /** The actions joined by spaces, e.g. {@code "I_JUMP I_JUMP"}. */
    public String actionText() {
        return String.join(" ", actions);
    }

    @Override
    public String toString() {
        return command + " → " + actionText();
    }
}
