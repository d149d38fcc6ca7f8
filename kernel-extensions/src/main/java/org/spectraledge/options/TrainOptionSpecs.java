package org.spectraledge.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import org.spectraledge.run.TrainOption;

/**
 * The options of {@code spectral-edge train} and of the {@code %train} magic, built from the one table of training
 * options, {@link TrainOption}: an option per row ({@code --lr X}, its description and default), grouped by
 * {@link TrainOption.Section} under a heading, plus {@code --out DIR} ({@code -o}) and {@code --resume}. Values stay
 * text here, so {@link org.spectraledge.run.TrainConfig#parse} checks them and every front end reports a bad value
 * with the same message.
 */
public final class TrainOptionSpecs {
    /** The run folder. */
    public static final String OUT = "--out";
    /** Continue the run in the folder from its newest checkpoint. */
    public static final String RESUME = "--resume";

    private TrainOptionSpecs() {}

    /**
     * Adds every training option, {@code --out} and {@code --resume} to {@code spec}.
     *
     * @param spec the command; Modified
     * @return {@code spec}
     */
    public static CommandSpec addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-o", OUT).paramLabel("DIR").type(String.class)
                .description("the run folder: metrics.csv, windows.csv, summary.json, checkpoints/").build());
        spec.addOption(OptionSpec.builder(RESUME).arity("0")
                .description("continue the run in the --out folder from its newest checkpoint, with its configuration").build());
        return addTrainingOptions(spec);
    }

    /**
     * Adds every training option of the table, in its sections, to {@code spec} (for commands that train but have no
     * run folder of their own).
     *
     * @param spec the command; Modified
     * @return {@code spec}
     */
    public static CommandSpec addTrainingOptions(CommandSpec spec) {
        for (TrainOption.Section section : TrainOption.Section.values()) {
            ArgGroupSpec.Builder group = ArgGroupSpec.builder().heading("%n" + section.heading() + ":%n").exclusive(false).multiplicity("0..1");
            for (TrainOption option : TrainOption.values()) {
                if (option.section() == section) group.addArg(option(option));
            }
            spec.addArgGroup(group.build());
        }
        return spec;
    }

    /**
     * The option of one table row: {@code --NAME LABEL}, the row's description with its default, and the names a choice
     * takes for completion. Every option may be repeated on the command line; {@link org.spectraledge.run.TrainConfig}
     * accepts that only for {@code --group} and says so for the others.
     */
    public static OptionSpec option(TrainOption option) {
        OptionSpec.Builder b = OptionSpec.builder("--" + option.cliName())
                .type(List.class).auxiliaryTypes(String.class).arity("1")
                .paramLabel(label(option))
                .description(option.description() + " (default: " + option.defaultValue() + ")");
        if (!option.choices().isEmpty()) b.completionCandidates(option.choices());
        return b.build();
    }

    /** The parameter label of the help texts: {@code N} for integers, {@code X} for numbers, the option's name for names. */
    static String label(TrainOption option) {
        return switch (option.type()) {
            case INTEGER -> "N";
            case NUMBER -> "X";
            case CHOICE, LIST -> option.cliName().toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** The training options given in a parse of a command built with {@link #addTrainingOptions}, by name, as given. */
    public static Map<String, List<String>> trainingOptions(ParseResult parsed) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (TrainOption option : TrainOption.values()) {
            OptionSpec matched = parsed.matchedOption("--" + option.cliName());
            if (matched != null) options.put(option.cliName(), new ArrayList<>(matched.originalStringValues()));
        }
        return options;
    }

    /**
     * The training arguments of a parse of a command built with {@link #addTo}.
     *
     * @throws UsageException if {@code --resume} comes with training options
     */
    public static TrainArguments arguments(ParseResult parsed) {
        Map<String, List<String>> options = trainingOptions(parsed);
        OptionSpec out = parsed.matchedOption(OUT);
        boolean resume = parsed.hasMatchedOption(RESUME);
        if (resume && !options.isEmpty()) {
            throw new UsageException("--resume takes the configuration from the run folder; give only --out");
        }
        return new TrainArguments(options, out == null ? Optional.empty() : Optional.of(Path.of(out.<String>getValue())), resume);
    }
}
