package org.spectraledge.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The command list of {@code spectral-edge --help}, grouped by what the commands are for. */
final class Overview {
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Research", List.of("demo", "train", "sweep", "evidence", "collapse", "analyze"));
        GROUPS.put("Notebooks without Jupyter", List.of("run", "script"));
        GROUPS.put("Jupyter", List.of("install-kernel", "kernel"));
        GROUPS.put("Shell", List.of("generate-completion", "help"));
    }

    private Overview() {}

    /** Replaces the root's flat command list by the groups; a command in no group is listed under "Other". */
    static void install(CommandLine root) {
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            Map<String, CommandLine> commands = new LinkedHashMap<>(root.getSubcommands());
            StringBuilder b = new StringBuilder();
            GROUPS.forEach((heading, names) -> {
                b.append(String.format("%n%s:%n", heading));
                for (String name : names) {
                    CommandLine c = commands.remove(name);
                    if (c != null) b.append(line(name, c));
                }
            });
            if (!commands.isEmpty()) {
                b.append(String.format("%nOther:%n"));
                commands.forEach((name, c) -> b.append(line(name, c)));
            }
            return b.toString();
        });
    }

    private static String line(String name, CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        String[] text = usage.header().length > 0 ? usage.header() : usage.description();
        return String.format("  %-20s %s%n", name, text.length > 0 ? text[0] : "");
    }
}
