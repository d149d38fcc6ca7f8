package org.spectraledge.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.spectraledge.train.RunFolder;
import org.spectraledge.train.TrainConfig;

/**
 * The result row of a finished run, computed from its run folder alone ({@code metrics.csv} and the window CSV of its
 * first captured group), so that a run resumed after a kill gives the same row as an uninterrupted one:
 * <ul>
 *   <li>memorization and grok steps from the evals (SPEC §7, thresholds 0.99 and 0.95);</li>
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
        Windows w;
        try (RunFolder rf = new RunFolder(folder, groups, config.window())) {
            evals = rf.readMetrics();
            w = Windows.read(rf.windows(groups.get(0)));
        }
        if (evals.isEmpty()) {
            return new RunResult(run.runId(), run.columns(), false, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Double.NaN, seconds, status);
        }
        EvalLog log = new EvalLog(evals);
        GapEvents events = GapEventDetector.builder().build().detect(new GapSeries(w.steps, w.g23, w.gapRatio, w.adiabatic), log);
        OptionalInt plain = OptionalInt.empty(), weighted = OptionalInt.empty();
        int i = events.grokStep().isPresent() ? atOrBefore(w.steps, events.grokStep().getAsLong()) : -1;
        if (i >= 0) {
            plain = w.kstarPlain[i];
            weighted = w.kstarWeighted[i];
        }
        return new RunResult(run.runId(), run.columns(), events.grokked(), events.memorizationStep(), events.grokStep(),
                events.eventStep(), events.leadTime(), plain, weighted, evals.get(evals.size() - 1).testAcc(), seconds, status);
    }

    /** Index of the last step ≤ {@code target}; −1 if none. Steps increase. */
    private static int atOrBefore(long[] steps, long target) {
        int i = Arrays.binarySearch(steps, target);
        return i >= 0 ? i : -i - 2;
    }

    /** The columns of a window CSV that the row needs; NaN where a cell is empty. */
    private record Windows(long[] steps, OptionalInt[] kstarPlain, OptionalInt[] kstarWeighted, double[] gapRatio, double[] g23,
                           double[] adiabatic) {

        static Windows read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the window log " + file + ": " + e.getMessage(), e);
            }
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            int step = column(header, "step", file), plain = column(header, "kstar_plain", file),
                    weighted = column(header, "kstar_weighted", file), ratio = column(header, "gap_ratio", file),
                    g23 = column(header, "g23", file), adiabatic = column(header, "adiabatic", file);
            List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
            int n = rows.size();
            Windows w = new Windows(new long[n], new OptionalInt[n], new OptionalInt[n], new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                String[] r = rows.get(i);
                w.steps[i] = Long.parseLong(r[step]);
                w.kstarPlain[i] = r[plain].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(r[plain]));
                w.kstarWeighted[i] = r[weighted].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(r[weighted]));
                w.gapRatio[i] = number(r[ratio]);
                w.g23[i] = number(r[g23]);
                w.adiabatic[i] = number(r[adiabatic]);
            }
            return w;
        }

        private static int column(List<String> header, String name, Path file) {
            int i = header.indexOf(name);
            if (i < 0) throw new IllegalStateException(file + " has no column " + name + "; is it a window log of spectral-edge train?");
            return i;
        }

        private static double number(String s) {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }
    }
}
