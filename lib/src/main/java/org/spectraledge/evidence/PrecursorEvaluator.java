package org.spectraledge.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.spectraledge.events.GapEventDetector;
import org.spectraledge.events.GapEvents;
import org.spectraledge.events.GapSeries;
import org.spectraledge.stats.Bootstrap;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.Estimate;
import org.spectraledge.stats.RocCurve;

/**
 * Judges the gap event as a precursor of grokking over a sweep (framework §7b):
 * <ol>
 *   <li>label each run: positive if {@code summary.json} has a grok step, negative otherwise;</li>
 *   <li>run the {@link GapEventDetector} of the settings on each run's windows and classify its event against the
 *       horizon H ({@link AlarmTable});</li>
 *   <li>repeat with the search start moved by each shift ({@link SearchStartSensitivity});</li>
 *   <li>collect the lead times and bootstrap their median ({@link LeadTimes});</li>
 *   <li>score every positive at c = grok − H and every negative at each positive's c (only if its windows reach c),
 *       from windows with step ≤ c only, and build one ROC per {@link CutoffScore} ({@link ScoreRoc}).</li>
 * </ol>
 *
 * <pre>{@code
 * PrecursorSettings s = PrecursorSettings.builder().setHorizon(500).setSettleWindows(10).build();
 * PrecursorEvaluation e = PrecursorEvaluator.evaluate(Path.of("sweeps/wd"), s);
 * System.out.println(e.report());
 * e.writeCsv(Path.of("sweeps/wd-precursor"));
 * }</pre>
 */
public final class PrecursorEvaluator {
    private PrecursorEvaluator() {}

    /** Reads the sweep folder and evaluates it; see {@link SweepFolder#read} for the errors on a bad folder. */
    public static PrecursorEvaluation evaluate(Path sweep, PrecursorSettings settings) {
        return evaluate(sweep, SweepFolder.read(sweep, settings.group()), settings);
    }

    /**
     * Evaluates runs already read.
     *
     * @param source where the runs came from (printed in the report)
     * @throws IllegalArgumentException with fewer than 2 runs
     */
    public static PrecursorEvaluation evaluate(Path source, List<SweepRun> runs, PrecursorSettings settings) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("N = " + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " in "
                    + source + ": judging a precursor needs at least 2 runs, positives (grokked) and negatives (did "
                    + "not); sweep more seeds and a control arm such as wd = 0");
        }
        AlarmTable alarms = alarmTable(runs, settings, 0);
        Estimate<Integer> sign = alarms.conclusion();
        List<SearchStartSensitivity.Row> rows = new ArrayList<>();
        for (int shift : settings.searchStartShifts()) {
            if (settings.settleWindows() + shift < 0) {
                rows.add(new SearchStartSensitivity.Row(shift, Estimate.notComputable("search start "
                        + settings.settleWindows() + " " + shift + " windows would be before memorization"), false));
                continue;
            }
            AlarmTable t = shift == 0 ? alarms : alarmTable(runs, settings, shift);
            Estimate<Integer> c = t.conclusion();
            boolean changed = sign.isComputed() && c.isComputed() && !c.value().equals(sign.value());
            rows.add(new SearchStartSensitivity.Row(shift, Estimate.of(t), changed));
        }
        List<LeadTimes.Lead> leads = new ArrayList<>();
        for (RunAlarm r : alarms.runs()) {
            if (r.leadTime().isPresent()) leads.add(new LeadTimes.Lead(r.runId(), r.leadTime().getAsLong()));
        }
        Bootstrap bootstrap = new Bootstrap(settings.resamples(), settings.confidence(), settings.seed());
        LeadTimes leadTimes = new LeadTimes(leads,
                bootstrap.median(leads.stream().mapToDouble(LeadTimes.Lead::steps).toArray()));

        List<ScoredRun> scored = scoredRuns(runs, settings);
        List<ScoreRoc> rocs = new ArrayList<>();
        for (CutoffScore s : CutoffScore.values()) rocs.add(roc(s, scored, bootstrap));
        List<String> warnings = new ArrayList<>();
        for (SweepRun run : runs) {
            OptionalLong fromEvals = run.evals().grokStep(settings.grokAccuracy());
            if (!fromEvals.equals(run.grokStep())) {
                warnings.add("run " + run.runId() + ": summary.json says grokked " + text(run.grokStep())
                        + ", its evals (test accuracy ≥ " + settings.grokAccuracy() + ") say " + text(fromEvals)
                        + "; labels and lead times use the summary, the detector's pre-grok windows the evals "
                        + "(set optGrokAccuracy to the sweep's target)");
            }
        }
        return new PrecursorEvaluation(source, settings, alarms, new SearchStartSensitivity(rows), leadTimes, scored, rocs,
                warnings);
    }

    private static String text(OptionalLong step) {
        return step.isPresent() ? "at step " + step.getAsLong() : "never";
    }

    /** The alarm table with the search start moved by {@code shift} windows. */
    static AlarmTable alarmTable(List<SweepRun> runs, PrecursorSettings settings, int shift) {
        GapEventDetector detector = settings.detector(shift);
        List<RunAlarm> out = new ArrayList<>();
        for (SweepRun run : runs) {
            GapEvents e = detector.detect(run.windows(), run.evals());
            OptionalLong event = e.eventStep(), grok = run.grokStep();
            OptionalLong lead = grok.isPresent() && event.isPresent()
                    ? OptionalLong.of(grok.getAsLong() - event.getAsLong()) : OptionalLong.empty();
            out.add(new RunAlarm(run.runId(), run.positive(), grok, event, e.eventCriteria(), lead,
                    RunAlarm.classify(grok, event, settings.horizon())));
        }
        return new AlarmTable(shift, settings.settleWindows() + shift, settings.horizon(), settings.confidence(), out);
    }

    /** The ROC inputs: positives at their own cutoff, negatives at every positive's cutoff. */
    static List<ScoredRun> scoredRuns(List<SweepRun> runs, PrecursorSettings settings) {
        List<Long> cutoffs = new ArrayList<>();
        for (SweepRun r : runs) if (r.positive()) cutoffs.add(r.grokStep().getAsLong() - settings.horizon());
        List<ScoredRun> out = new ArrayList<>();
        for (SweepRun run : runs) {
            if (run.positive()) {
                long c = run.grokStep().getAsLong() - settings.horizon();
                out.add(new ScoredRun(run.runId(), true, OptionalLong.of(c), 1, scoresAt(run, c, settings)));
                continue;
            }
            List<Long> reached = cutoffs.stream().filter(c -> run.lastWindowStep() >= c).toList();
            if (settings.negativeCutoffs() == NegativeCutoffs.EACH_CUTOFF) {
                for (long c : reached) out.add(new ScoredRun(run.runId(), false, OptionalLong.of(c), 1, scoresAt(run, c, settings)));
                if (reached.isEmpty()) out.add(unscoredNegative(run, cutoffs));
                continue;
            }
            if (reached.isEmpty()) {
                out.add(unscoredNegative(run, cutoffs));
                continue;
            }
            Map<CutoffScore, Estimate<Double>> medians = new EnumMap<>(CutoffScore.class);
            for (CutoffScore s : CutoffScore.values()) {
                List<Double> values = new ArrayList<>();
                String reason = "";
                for (long c : reached) {
                    Estimate<Double> v = score(run, c, s, settings);
                    if (v.isComputed()) values.add(v.value());
                    else reason = v.reason();
                }
                medians.put(s, values.isEmpty() ? Estimate.notComputable(reason)
                        : Estimate.of(Bootstrap.medianOf(values.stream().mapToDouble(Double::doubleValue).toArray())));
            }
            out.add(new ScoredRun(run.runId(), false, OptionalLong.empty(), reached.size(), medians));
        }
        return out;
    }

    private static ScoredRun unscoredNegative(SweepRun run, List<Long> cutoffs) {
        String why = cutoffs.isEmpty() ? "no positive run gives a cutoff"
                : "its windows end at step " + run.lastWindowStep() + ", before every cutoff " + cutoffs;
        Map<CutoffScore, Estimate<Double>> none = new EnumMap<>(CutoffScore.class);
        for (CutoffScore s : CutoffScore.values()) none.put(s, Estimate.notComputable(why));
        return new ScoredRun(run.runId(), false, OptionalLong.empty(), 0, none);
    }

    private static Map<CutoffScore, Estimate<Double>> scoresAt(SweepRun run, long c, PrecursorSettings settings) {
        Map<CutoffScore, Estimate<Double>> m = new EnumMap<>(CutoffScore.class);
        for (CutoffScore s : CutoffScore.values()) m.put(s, score(run, c, s, settings));
        return m;
    }

    /** One score of one run at cutoff c, from the windows with step ≤ c (see {@link CutoffScore}). */
    static Estimate<Double> score(SweepRun run, long c, CutoffScore score, PrecursorSettings settings) {
        GapSeries w = run.windows();
        long[] steps = w.steps();
        int last = countAtOrBefore(steps, c) - 1;
        if (last < 0) return Estimate.notComputable("no window at or before the cutoff step " + c);
        switch (score) {
            case GAP_RATIO: {
                int i = lastDefined(w.gapRatio(), 0, last);
                return i < 0 ? Estimate.notComputable("no R at or before step " + c) : Estimate.of(w.gapRatio()[i]);
            }
            case ADIABATIC: {
                int i = lastDefined(w.adiabatic(), 0, last);
                return i < 0 ? Estimate.notComputable("no 𝒜 at or before step " + c + " (captured without a learning rate?)")
                        : Estimate.of(w.adiabatic()[i]);
            }
            case G23_DECLINE: {
                double[] g = w.g23();
                int start = 0;
                OptionalLong mem = run.evals().memorizationStep(settings.memorizationAccuracy());
                if (mem.isPresent() && mem.getAsLong() <= c) {
                    start = countAtOrBefore(steps, mem.getAsLong() - 1) + settings.settleWindows();
                }
                if (start > last) {
                    return Estimate.notComputable("the search start (" + settings.settleWindows()
                            + " windows after memorization) is after the cutoff step " + c);
                }
                int at = lastDefined(g, start, last);
                if (at < 0) return Estimate.notComputable("no g₂₃ between the search start and step " + c);
                double peak = 0;
                for (int i = start; i <= last; i++) if (g[i] > peak) peak = g[i]; // NaN compares false
                if (!(peak > 0)) return Estimate.notComputable("g₂₃ is 0 from the search start to step " + c);
                return Estimate.of(g[at] == 0 ? Double.POSITIVE_INFINITY : peak / g[at]);
            }
            default:
                throw new AssertionError(score);
        }
    }

    /** Number of steps ≤ {@code step} (steps strictly increase). */
    private static int countAtOrBefore(long[] steps, long step) {
        int i = Arrays.binarySearch(steps, step);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static int lastDefined(double[] x, int from, int to) {
        for (int i = to; i >= from; i--) if (!Double.isNaN(x[i])) return i;
        return -1;
    }

    private static ScoreRoc roc(CutoffScore s, List<ScoredRun> scored, Bootstrap bootstrap) {
        List<Double> pos = new ArrayList<>(), neg = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        for (ScoredRun r : scored) {
            Estimate<Double> v = r.score(s);
            if (v.isComputed()) (r.positive() ? pos : neg).add(v.value());
            else unscored.add(r.runId() + (r.cutoff().isPresent() ? " at step " + r.cutoff().getAsLong() : "")
                    + ": " + v.reason());
        }
        double[] p = pos.stream().mapToDouble(Double::doubleValue).toArray();
        double[] n = neg.stream().mapToDouble(Double::doubleValue).toArray();
        Estimate<RocCurve> roc = RocCurve.of(p, n);
        Estimate<BootstrapInterval> interval = bootstrap.auc(p, n);
        return new ScoreRoc(s, p.length, n.length, roc, interval, unscored);
    }
}
