package org.spectraledge.run;

/**
 * A training option with a value it cannot take, or an option that does not exist. The message names the option
 * without dashes ({@code lr must be a learning rate > 0, got -1}); front ends show it their way: the command line and
 * magics as {@code --lr …}, sweep files as the key {@code "lr"}.
 */
public class InvalidOptionException extends IllegalArgumentException {
    private final String option;
    private final String problem;

    /**
     * @param option  the option's name, e.g. {@code lr}
     * @param problem what is wrong and what is expected, e.g. {@code must be a learning rate > 0, got -1}
     */
    public InvalidOptionException(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
        this.problem = problem;
    }

    /** The option's name, without dashes. */
    public String option() {
        return option;
    }

    /** What is wrong, without the option's name. */
    public String problem() {
        return problem;
    }

    /** The message with the option as typed on the command line: {@code --lr must be …}. */
    public String asCommandLine() {
        return "--" + option + " " + problem;
    }
}
