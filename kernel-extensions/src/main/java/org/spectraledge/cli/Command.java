package org.spectraledge.cli;

import java.io.PrintStream;
import java.util.List;

import org.spectraledge.options.UsageException;
/** One subcommand of {@code bin/spectral-edge}. */
public interface Command {
    /** The word that selects it, e.g. {@code analyze}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full usage text. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code (0 success)
     * @throws UsageException for bad arguments (exit code 2, usage printed)
     * @throws Exception      for anything else that went wrong (exit code 1, message printed)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
