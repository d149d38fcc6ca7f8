package org.spectraledge.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} of every subcommand: its usage on standard output, exit code 0. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;
}
