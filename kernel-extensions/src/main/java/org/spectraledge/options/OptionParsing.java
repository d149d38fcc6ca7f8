package org.spectraledge.options;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the command line and the magics share about picocli commands: the layout of usage texts, parsing into a
 * {@link UsageException} with one wording of every error, and completion of arguments from a command's options.
 */
public final class OptionParsing {
    /** Columns of the usage texts. */
    public static final int WIDTH = 100;

    private OptionParsing() {}

    /**
     * Lays out the usage text of {@code spec}: {@code usage: SYNOPSIS}, the description after a blank line, options in
     * the order they were declared, a blank line before each section.
     *
     * @param spec the command; Modified
     * @return {@code spec}
     */
    public static CommandSpec style(CommandSpec spec) {
        spec.usageMessage().synopsisHeading("usage: ").descriptionHeading("%n").parameterListHeading("%n")
                .optionListHeading("%nOptions:%n").commandListHeading("%nCommands:%n").footerHeading("%n")
                .sortOptions(false).sortSynopsis(false).abbreviateSynopsis(true).width(WIDTH).autoWidth(false);
        return spec;
    }

    /**
     * Lays out the usage text of a magic, {@link #style} with {@code synopsis} (such as {@code %train [options]}) as
     * its first line.
     *
     * @param spec the magic's options; Modified
     * @return {@code spec}
     */
    public static CommandSpec magic(CommandSpec spec, String synopsis) {
        style(spec).usageMessage().customSynopsis(synopsis.replace("%", "%%")); // picocli formats the synopsis
        return spec;
    }

    /**
     * The spec of a magic whose options are those of a command-line command: {@code options} (a picocli-annotated
     * object, fresh per call, that the parse fills in) mixed into a magic named {@code name}.
     */
    public static CommandSpec magic(String name, String synopsis, String description, Object options) {
        CommandSpec spec = magic(CommandSpec.create().name(name), synopsis);
        spec.addMixin(name, CommandSpec.forAnnotatedObject(options));
        spec.usageMessage().description(description);
        return spec;
    }

    /**
     * Parses {@code args} with a fresh {@link CommandLine} of {@code spec}. Arguments are taken as written: {@code @FILE}
     * is not expanded into the file's lines.
     *
     * @throws UsageException with {@link #message}'s wording of what is wrong
     */
    public static ParseResult parse(CommandSpec spec, List<String> args) {
        try {
            return new CommandLine(spec).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageException(message(e));
        }
    }

    /**
     * What is wrong with the arguments: picocli's message, except that an unknown option is named alone, with the
     * options it resembles ({@code Unknown option: '--stepz' (did you mean --steps?)}).
     */
    public static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);   // an unknown option's value is unmatched too; name only the option
            if (u.isUnknownOption()) {
                List<String> suggestions = u.getSuggestions();
                return "Unknown option: '" + first + "'" + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
            }
        }
        return e.getMessage();
    }

    /** The usage text of {@code spec}, ending without a line break. */
    public static String usage(CommandSpec spec) {
        StringWriter text = new StringWriter();
        new CommandLine(spec).usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString().stripTrailing();
    }

    /**
     * Completes the word being typed in arguments of {@code spec}: the option's names (from {@code completionCandidates})
     * after an option that takes one, option names after {@code -}, else the names the next positional parameter takes.
     *
     * @param before the complete arguments before the word
     * @param word   the part of the word typed so far
     * @return candidates that start with {@code word}, in declaration order
     */
    public static List<String> complete(CommandSpec spec, List<String> before, String word) {
        int positionals = 0;
        ArgSpec pending = null;
        for (String arg : before) {
            if (pending != null) {
                pending = null;
                continue;
            }
            OptionSpec option = arg.contains("=") ? null : spec.findOption(arg);
            if (option != null) {
                if (option.arity().max() > 0) pending = option;
            } else if (!arg.startsWith("-")) {
                positionals++;
            }
        }
        List<String> candidates = new ArrayList<>();
        if (pending != null) {
            candidates(pending, candidates);
        } else if (word.startsWith("-")) {
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) candidates.add(option.longestName());
            }
        } else {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (p.index().contains(positionals)) candidates(p, candidates);
            }
        }
        candidates.removeIf(c -> !c.startsWith(word));
        return candidates;
    }

    private static void candidates(ArgSpec arg, List<String> into) {
        if (arg.completionCandidates() != null) arg.completionCandidates().forEach(into::add);
    }
}
