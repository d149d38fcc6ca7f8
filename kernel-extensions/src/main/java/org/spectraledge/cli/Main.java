package org.spectraledge.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectraledge.options.OptionParsing;
import org.spectraledge.options.UsageException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code bin/spectral-edge}: the root command, its subcommands, and how errors become exit codes: 0
 * success, 1 failure ({@code spectral-edge CMD: MESSAGE} on standard error), 2 usage error (the message, a blank line
 * and the command's usage, on standard error).
 */
@Command(name = "spectral-edge", versionProvider = Version.class,
        description = "Spectral edge of training: train with update capture, analyze snapshots, sweep, and run notebooks.",
        footer = "'spectral-edge COMMAND --help' shows a command's options.")
public final class Main implements Callable<Integer> {

    @Mixin private HelpOption help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    private boolean version;

    @Spec private CommandSpec spec;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args.toArray(String[]::new));
    }

    /** The root command with every subcommand, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        Streams io = new Streams(out, err);
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand(new CommandLine(new DemoCommand(io)))
                .addSubcommand(new CommandLine(new AnalyzeCommand(io)))
                .addSubcommand(TrainCommand.commandLine(io))
                .addSubcommand(new CommandLine(new SweepCommand(io)))
                .addSubcommand(CollapseCommand.commandLine(io))
                .addSubcommand(new CommandLine(new EvidenceCommand(io)).addSubcommand(new CommandLine(new EvidenceCommand.Pack(io))))
                .addSubcommand(new CommandLine(new RunnerCommands.Run(io)))
                .addSubcommand(new CommandLine(new RunnerCommands.Script(io)))
                .addSubcommand(new CommandLine(new KernelCommands.Install()))
                .addSubcommand(new CommandLine(new KernelCommands.Serve()))
                .addSubcommand(new CommandLine(new AutoComplete.GenerateCompletion()))
                .addSubcommand(new CommandLine(new CommandLine.HelpCommand()));
        CommandSpec completion = root.getSubcommands().get("generate-completion").getCommandSpec();
        completion.usageMessage().hidden(false).description(
                "print a bash/zsh completion script: source <(spectral-edge generate-completion)");
        style(root);
        Overview.install(root);
        root.setExpandAtFiles(false) // arguments as written, as the magics read them
                .setOut(writer(out))
                .setErr(writer(err))
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> e instanceof UsageException
                        ? usageError(commandLine, e.getMessage())
                        : failure(commandLine, e));
        return root;
    }

    /** Without a command: the overview, and exit code 2 (a command is missing). */
    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    private static void style(CommandLine command) {
        OptionParsing.style(command.getCommandSpec());
        command.getSubcommands().values().forEach(Main::style);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (command.getCommandSpec().parent() == null && e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty() && !u.isUnknownOption()) {
            return usageError(command, "unknown command '" + u.getUnmatched().get(0) + "'");
        }
        return usageError(command, OptionParsing.message(e));
    }

    private static int usageError(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        err.println();
        command.usage(err, CommandLine.Help.Ansi.OFF);
        err.flush();
        return 2;
    }

    private static int failure(CommandLine command, Exception e) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        err.flush();
        return 1;
    }

    /** A writer onto {@code stream} in the stream's own encoding (help texts hold η, β₁, σ). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override public void write(char[] text, int offset, int length) { stream.print(new String(text, offset, length)); }
            @Override public void flush() { stream.flush(); }
            @Override public void close() { stream.flush(); }
        }, true);
    }

    /** The streams the subcommands print to: results on {@code out}, progress and notes on {@code err}. */
    record Streams(PrintStream out, PrintStream err) {}
}
