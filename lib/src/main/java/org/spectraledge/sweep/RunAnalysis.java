package org.spectraledge.sweep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.events.GapEventDetector;
import org.spectraledge.events.GapEvents;
import org.spectraledge.events.GapSeries;
import org.spectraledge.plot.RunSeries;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.table.WindowTable;
import org.spectraledge.run.RunFolder;
import org.spectraledge.run.TrainConfig;
import tech.tablesaw.api.Table;

/**
 * The result row of a finished run, computed from its run folder alone ({@code metrics.csv} and the window CSV of its
 * first captured group), so that a run resumed after a kill gives the same row as an uninterrupted one:
 * <ul>
 *   <li>memorization and grok steps from the evals (framework §7, thresholds 0.99 and 0.95);</li>
 *   <li>the gap event and lead time from {@code GapEventDetector.builder().build()} (the library default) over the
 *       windows' g₂₃, R and 𝒜;</li>
 *   <li>k* under the {@code plain} and {@code weighted} rules in the newest window at or before the grok step, as
 *       {@code GrokTrial.kStarAtGrok()} reads it (no look past the event); empty if the run did not grok or no window
 *       is that early;</li>
 *   <li>the final test accuracy: that of the last eval.</li>
 * </ul>
 */
final class RunAnalysis {

    private RunAnalysis() {}

    /**
     * @param seconds training wall time from the run's summary
     * @param status  the row's status
     */
    static RunResult of(RunSpec run, Path folder, TrainConfig config, double seconds, String status) {
        List<String> groups = config.parameterGroups().stream().map(ParameterGroup::name).toList();
        List<EvalRecord> evals;
        Table windows;
        try (RunFolder rf = new RunFolder(folder, groups, config.window())) {
            evals = rf.readMetrics();
            windows = WindowTable.read(rf.windows(groups.get(0)));
        }
        if (evals.isEmpty()) {
            return new RunResult(run.runId(), run.columns(), false, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Double.NaN, seconds, status);
        }
        // the run's windows.csv: gap_ratio is the headline (plain) rule's R; k* is read under both rules
        RunSeries plain = RunSeries.of(windows, GapRule.PLAIN), weighted = RunSeries.of(windows, GapRule.WEIGHTED);
        long[] steps = Arrays.stream(plain.steps()).mapToLong(s -> (long) s).toArray();
        EvalLog log = new EvalLog(evals);
        GapEvents events = GapEventDetector.builder().build()
                .detect(new GapSeries(steps, plain.g23(), plain.gapRatio(), plain.adiabatic()), log);
        OptionalInt kPlain = OptionalInt.empty(), kWeighted = OptionalInt.empty();
        int i = events.grokStep().isPresent() ? atOrBefore(steps, events.grokStep().getAsLong()) : -1;
        if (i >= 0) {
            kPlain = kStar(plain.kStar()[i]);
            kWeighted = kStar(weighted.kStar()[i]);
        }
        return new RunResult(run.runId(), run.columns(), events.grokked(), events.memorizationStep(), events.grokStep(),
                events.eventStep(), events.leadTime(), kPlain, kWeighted, evals.get(evals.size() - 1).testAcc(), seconds, status);
    }

    /** Index of the last step ≤ {@code target}; −1 if none. Steps increase. */
    private static int atOrBefore(long[] steps, long target) {
        int i = Arrays.binarySearch(steps, target);
        return i >= 0 ? i : -i - 2;
    }

    /** A k* cell of the window table: NaN where the window had none. */
    private static OptionalInt kStar(double k) {
        return Double.isNaN(k) ? OptionalInt.empty() : OptionalInt.of((int) k);
    }
}
