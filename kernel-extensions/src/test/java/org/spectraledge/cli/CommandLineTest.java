package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.datasets.TaskName;
import org.spectraledge.kernel.magics.DomainMagics;
import org.spectraledge.kernel.magics.MagicCall;
import org.spectraledge.kernel.magics.MagicException;
import org.spectraledge.kernel.magics.Magics;
import org.spectraledge.run.TrainOption;

/** The root command, help, version and completion, and the options the command line shares with the magics. */
class CommandLineTest {
    private static final List<String> COMMANDS = List.of("demo", "analyze", "train", "sweep", "install-kernel", "kernel", "run", "script",
            "generate-completion", "help");

    @TempDir Path dir;

    /** Help text with every line break and indentation as one space, so that a wrapped description reads as written. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void withoutArgumentsTheOverviewListsEveryCommandAndExitsWith2() {
        CliOutcome none = CliOutcome.run();
        assertEquals(2, none.code());
        assertTrue(none.out().startsWith("usage: spectral-edge"), none.out());
        for (String command : COMMANDS) assertTrue(none.out().contains("\n  " + command + " "), command + " in " + none.out());
        CliOutcome help = CliOutcome.run("--help");
        assertEquals(0, help.code());
        assertEquals(none.out(), help.out());
        assertEquals(0, CliOutcome.run("help", "train").code());
    }

    @Test
    void everyCommandHasHelpStartingWithItsUsage() {
        for (String command : COMMANDS.subList(0, 8)) {
            CliOutcome o = CliOutcome.run(command, "--help");
            assertEquals(0, o.code(), command + ": " + o.err());
            assertTrue(o.out().startsWith("usage: spectral-edge " + command), o.out());
        }
    }

    @Test
    void trainHelpDescribesEveryTrainingOptionBySection() {
        String help = CliOutcome.run("train", "--help").out();
        String flat = flat(help);
        for (TrainOption option : TrainOption.values()) {
            assertTrue(flat.contains("--" + option.cliName() + "="), option + " in " + help);
            assertTrue(flat.contains(flat(option.description()) + " (default: " + option.defaultValue() + ")"), option + " in " + help);
        }
        for (TrainOption.Section section : TrainOption.Section.values()) {
            assertTrue(help.contains("\n" + section.heading() + ":\n"), section + " in " + help);
        }
        assertTrue(help.indexOf("Task and data:") < help.indexOf("--seed=") && help.indexOf("--seed=") < help.indexOf("Model:"),
                "seed is listed with the data options: " + help);
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        CliOutcome o = CliOutcome.run("--version");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().matches("spectral-edge \\S+\\R"), o.out());
        assertEquals("spectral-edge " + Version.current(), o.out().strip());
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        CliOutcome.run("train", "--bogus", "1", "--out", dir.toString()).assertUsage("train", "Unknown option: '--bogus'");
        CliOutcome.run("analyze", "x.npy", "--windw", "3").assertUsage("analyze", "Unknown option: '--windw' (did you mean --window?)");
        CliOutcome root = CliOutcome.run("--bogus");
        assertEquals(2, root.code());
        assertTrue(root.err().startsWith("spectral-edge: Unknown option: '--bogus'\n\nusage: spectral-edge"), root.err());
        CliOutcome command = CliOutcome.run("frobnicate");
        assertEquals(2, command.code());
        assertTrue(command.err().startsWith("spectral-edge: unknown command 'frobnicate'\n\nusage: spectral-edge"), command.err());
    }

    @Test
    void aUsageErrorIsTheMessageABlankLineAndTheUsage() {
        CliOutcome o = CliOutcome.run("train", "--lr", "-1", "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("spectral-edge train: --lr must be a learning rate > 0, got -1.0\n\nusage: spectral-edge train "),
                o.err());
        assertEquals("", o.out());
    }

    @Test
    void theTrainMagicAndTheCommandLineSayTheSameAboutABadValue() {
        Magics magics = DomainMagics.register(new Magics(), null, null, dir.resolve("runs"));
        for (String args : List.of("--lr -1", "--p abc", "--optimizer adam", "--steps 10 --steps 20", "--stepz 3", "--resume --lr 1")) {
            CliOutcome cli = CliOutcome.run(("train " + args + " --out " + dir.resolve("x")).split(" "));
            assertEquals(2, cli.code(), args);
            String message = cli.err().lines().findFirst().orElseThrow().substring("spectral-edge train: ".length());
            MagicException magic = assertThrows(MagicException.class, () -> magics.run(new MagicCall("train", args, "", 1, "In [1]"), false));
            assertTrue(magic.getMessage().startsWith(message + "\n"), args + ": '" + message + "' vs " + magic.getMessage());
            assertTrue(magic.getMessage().contains("\nusage: %train "), magic.getMessage());
        }
    }

    @Test
    void theCompletionScriptKnowsTheTrainingOptionsAndTheTasks() {
        CliOutcome o = CliOutcome.run("generate-completion");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("#!/usr/bin/env bash"), o.out().substring(0, 200));
        for (TrainOption option : TrainOption.values()) assertTrue(o.out().contains("--" + option.cliName()), option.cliName());
        for (TaskName task : TaskName.values()) assertTrue(o.out().contains(task.cliName()), task.cliName());
        for (String command : COMMANDS) assertTrue(o.out().contains(command), command);
    }
}
