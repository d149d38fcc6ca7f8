package org.spectraledge.kernel.magics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectraledge.datasets.ModularArithmetic;
import org.spectraledge.datasets.TaskDataset;
import org.spectraledge.datasets.TaskName;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.options.OptionParsing;
import org.spectraledge.options.TrainOptionSpecs;
import org.spectraledge.options.UsageException;
import org.spectraledge.run.InvalidOptionException;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainOption;
import org.spectraledge.table.DatasetTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code %dataset TASK [--p P] [--frac F] [--seed S] [--rows N]}: the first examples of a task's training and test
 * splits as a table. {@code --p}, {@code --frac} and {@code --seed} are {@code %train}'s options (the same
 * {@link TrainOption} rows, defaults and checks), so the preview shows the data {@code %train} with the same options
 * trains on; dyck, scan and parity use their generators' defaults.
 */
final class DatasetMagic {

    static final String USAGE = "%dataset TASK [--p P] [--frac F] [--seed S] [--rows N]";

    /** Default rows shown per split. */
    static final int DEFAULT_ROWS = 5;

    /** The training options that shape the data. */
    private static final List<TrainOption> DATA_OPTIONS = List.of(TrainOption.P, TrainOption.FRAC, TrainOption.SEED);

    /** The task and the number of rows; the data options are added from the table. */
    static final class Options {
        @Parameters(paramLabel = "TASK", completionCandidates = Tasks.class, description = "the task")
        String task;

        @Option(names = "--rows", paramLabel = "N", defaultValue = "" + DEFAULT_ROWS,
                description = "rows shown per split (default: " + DEFAULT_ROWS + ")")
        int rows;
    }

    /** Task names, for completion. */
    static final class Tasks implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() {
            return TrainOption.TASK.choices().iterator();
        }
    }

    private DatasetMagic() {}

    /** A fresh spec (and options object) per call. */
    private static CommandSpec spec(Options options) {
        CommandSpec spec = OptionParsing.magic(CommandSpec.forAnnotatedObject(options).name("dataset"), USAGE);
        spec.usageMessage().description("TASK: " + TaskName.validNames() + ". --p and --frac apply to modular tasks.");
        for (TrainOption option : DATA_OPTIONS) spec.addOption(TrainOptionSpecs.option(option));
        return spec;
    }

    static String usage() {
        return OptionParsing.usage(spec(new Options()));
    }

    static CellResult run(MagicCall call) throws CellException {
        try {
            Options args = new Options();
            ParseResult parsed = OptionParsing.parse(spec(args), call.arguments());
            TaskName task;
            try {
                task = TaskName.parse(args.task);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (args.rows < 1 || args.rows > 10_000) throw new UsageException("--rows must lie in [1, 10000], got " + args.rows);
            Map<String, List<String>> given = new LinkedHashMap<>();
            for (TrainOption option : DATA_OPTIONS) {
                OptionSpec o = parsed.matchedOption("--" + option.cliName());
                if (o != null) given.put(option.cliName(), o.originalStringValues());
            }
            TrainConfig config;
            try {
                config = TrainConfig.parse(given);
            } catch (InvalidOptionException e) {
                throw new UsageException(e.asCommandLine());
            }
            TaskDataset data;
            if (task.isModular()) {
                try {
                    data = ModularArithmetic.builder().setOp(task.modularOp()).setP(config.p()).optTrainFraction(config.frac())
                            .optSeed(config.seed()).build();
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            } else {
                if (given.containsKey("p") || given.containsKey("frac")) {
                    throw new UsageException("--p and --frac apply only to modular tasks, not " + task);
                }
                data = task.defaults(config.seed());
            }
            return CellResult.of(DatasetTable.preview(data, args.rows));
        } catch (UsageException e) {
            throw new MagicException(call, e.getMessage() + "\n" + usage());
        }
    }

    /** Task names as the first argument, option names after {@code -}. */
    static List<String> complete(List<String> before, String word) {
        return OptionParsing.complete(spec(new Options()), before, word);
    }
}
