package org.spectraledge.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.spectraledge.options.UsageException;
/** Entry point of {@code bin/spectral-edge}: dispatches to a subcommand. */
public final class Main {
    private static final List<Command> COMMANDS = List.of(new DemoCommand(), new AnalyzeCommand(), new TrainCommand(), new SweepCommand(),
            new KernelCommands.Install(), new KernelCommands.Serve(), new RunnerCommands.Run(), new RunnerCommands.Script());

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.println(overview());
            return args.isEmpty() ? 2 : 0;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
        if (command.isEmpty()) {
            err.println("spectral-edge: unknown command '" + args.get(0) + "'\n");
            err.println(overview());
            return 2;
        }
        Command c = command.get();
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(c.usage());
            return 0;
        }
        try {
            return c.run(rest, out, err);
        } catch (UsageException e) {
            err.println("spectral-edge " + c.name() + ": " + e.getMessage() + "\n");
            err.println(c.usage());
            return 2;
        } catch (Exception e) {
            err.println("spectral-edge " + c.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static String overview() {
        StringBuilder b = new StringBuilder("usage: spectral-edge COMMAND [ARGS]\n\ncommands:\n");
        for (Command c : COMMANDS) b.append(String.format("  %-14s %s%n", c.name(), c.summary()));
        b.append("\n'spectral-edge COMMAND --help' shows a command's options.");
        return b.toString();
    }
}
