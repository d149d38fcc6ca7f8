package org.spectraledge.kernel.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spectraledge.options.Arguments;
import org.spectraledge.options.UsageException;
import org.spectraledge.datasets.ModularArithmetic;
import org.spectraledge.datasets.TaskDataset;
import org.spectraledge.datasets.TaskName;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.table.DatasetTable;
import org.spectraledge.run.TrainConfig;

/**
 * {@code %dataset TASK [--p P] [--frac F] [--seed S] [--rows N]}: the first examples of a task's training and test
 * splits as a table. Modular tasks default to {@code %train}'s p and train fraction, so the preview shows the data
 * {@code %train} with the same options trains on; dyck, scan and parity use their generators' defaults.
 */
final class DatasetMagic {

    static final String USAGE = "%dataset TASK [--p P] [--frac F] [--seed S] [--rows N]";

    /** Default rows shown per split. */
    static final int DEFAULT_ROWS = 5;

    private DatasetMagic() {}

    static String usage() {
        return USAGE + "\n  TASK: " + TaskName.validNames() + "\n  --p and --frac apply to modular tasks (defaults "
                + TrainConfig.DEFAULTS.get("p") + " and " + TrainConfig.DEFAULTS.get("frac") + ", as for %train); --rows per split (default "
                + DEFAULT_ROWS + ")";
    }

    static CellResult run(MagicCall call) throws CellException {
        try {
            Arguments args = new Arguments(call.arguments(), Set.of("p", "frac", "seed", "rows"), Set.of(), Map.of());
            if (args.positional().size() != 1) {
                throw new UsageException(args.positional().isEmpty() ? "name the task" : "one task at a time, got " + args.positional());
            }
            TaskName task;
            try {
                task = TaskName.parse(args.positional().get(0));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            long seed = args.integer("seed", 0, 0, Integer.MAX_VALUE);
            int rows = args.integer("rows", DEFAULT_ROWS, 1, 10_000);
            TaskDataset data;
            if (task.isModular()) {
                int p = args.integer("p", Integer.parseInt(TrainConfig.DEFAULTS.get("p")), 2, ModularArithmetic.MAX_P);
                double frac = args.number("frac", Double.parseDouble(TrainConfig.DEFAULTS.get("frac")), 0);
                try {
                    data = ModularArithmetic.builder().setOp(task.modularOp()).setP(p).optTrainFraction(frac).optSeed(seed).build();
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            } else {
                if (args.has("p") || args.has("frac")) throw new UsageException("--p and --frac apply only to modular tasks, not " + task);
                data = task.defaults(seed);
            }
            return CellResult.of(DatasetTable.preview(data, rows));
        } catch (UsageException e) {
            throw new MagicException(call, e.getMessage() + "\nusage: " + usage());
        }
    }

    /** Task names as the first argument, option names after {@code --}. */
    static List<String> complete(List<String> before, String word) {
        if (word.startsWith("-")) return List.of("--p", "--frac", "--seed", "--rows");
        if (before.isEmpty()) {
            List<String> tasks = new ArrayList<>();
            for (TaskName t : TaskName.values()) tasks.add(t.cliName());
            return tasks;
        }
        return List.of();
    }
}
