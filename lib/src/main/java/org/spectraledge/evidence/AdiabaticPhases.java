package org.spectraledge.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.spectraledge.spectral.AdiabaticRegime;
import org.spectraledge.stats.Auc;
import org.spectraledge.stats.Bootstrap;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.Estimate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The adiabatic parameter 𝒜 (framework §5) per phase of training across a sweep's runs, and whether any threshold
 * separates two phases, instead of judging it by the fixed regime thresholds. Each run contributes one value per phase,
 * the median 𝒜 of its windows in that phase (so a long run does not outvote a short one); two phases are separated by
 * some threshold exactly when the AUC of those values is 0 or 1, and the AUC's bootstrap interval says how surely.
 * The runs' values in two phases are paired (the same runs), which the AUC ignores: read it as a description of the
 * overlap, not as a test.
 *
 * <p>Phases of a window at step s, for a run that memorized at m and grokked at g (framework §7):
 * memorization s ≤ m (every window of a run that never memorized), grokked s > g, transition g − span < s ≤ g, and the
 * plateau between.
 */
public final class AdiabaticPhases {

    /** A phase of training. */
    public enum Phase {
        MEMORIZATION, PLATEAU, TRANSITION, GROKKED;

        /** Lower case, for tables. */
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * One phase over the runs.
     *
     * @param phase      the phase
     * @param runMedians each run's median 𝒜 in it (runs with a window in the phase)
     * @param windows    windows in the phase over all runs
     * @param regimes    windows per regime of the framework's fixed thresholds (plateau, transition, forgetting)
     */
    public record PhaseValues(Phase phase, double[] runMedians, int windows, Map<AdiabaticRegime, Integer> regimes) {
        public PhaseValues {
            runMedians = runMedians.clone();
            regimes = Map.copyOf(regimes);
        }

        @Override public double[] runMedians() { return runMedians.clone(); }
    }

    /**
     * How well 𝒜 tells phase {@code later} from phase {@code earlier}: the AUC is the probability that a run's median in
     * {@code later} exceeds one in {@code earlier} (0.5: no separation; 0 or 1: some threshold separates them).
     */
    public record Separation(Phase earlier, Phase later, Estimate<Auc> auc, Estimate<BootstrapInterval> interval) {}

    /** The phases that have windows, and every pair of them. */
    public record Result(List<PhaseValues> phases, List<Separation> pairs) {
        public Result {
            phases = List.copyOf(phases);
            pairs = List.copyOf(pairs);
        }

        /** One row per pair of phases: runs per phase, the AUC and its interval, or why it cannot be computed. */
        public Table table() {
            StringColumn a = StringColumn.create("earlier"), b = StringColumn.create("later"), note = StringColumn.create("note");
            IntColumn na = IntColumn.create("runs (earlier)"), nb = IntColumn.create("runs (later)");
            DoubleColumn auc = DoubleColumn.create("AUC"), low = DoubleColumn.create("low"), high = DoubleColumn.create("high");
            for (Separation s : pairs) {
                a.append(s.earlier().label());
                b.append(s.later().label());
                na.append(values(s.earlier()).runMedians().length);
                nb.append(values(s.later()).runMedians().length);
                if (s.auc().isComputed()) auc.append(s.auc().value().value()); else auc.appendMissing();
                if (s.interval().isComputed()) {
                    low.append(s.interval().value().lower());
                    high.append(s.interval().value().upper());
                } else {
                    low.appendMissing();
                    high.appendMissing();
                }
                note.append(s.auc().isComputed() ? s.interval().describe(i -> "") : s.auc().describe(x -> ""));
            }
            return Table.create("𝒜 between phases (run medians)").addColumns(a, b, na, nb, auc, low, high, note);
        }

        /** The values of one phase. */
        public PhaseValues values(Phase phase) {
            return phases.stream().filter(p -> p.phase() == phase).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no window is in phase " + phase.label()));
        }
    }

    private AdiabaticPhases() {}

    /** The phase of a window at {@code step}. */
    public static Phase phaseOf(long step, OptionalLong memorized, OptionalLong grokked, long span) {
        if (memorized.isEmpty() || step <= memorized.getAsLong()) return Phase.MEMORIZATION;
        if (grokked.isPresent()) {
            long g = grokked.getAsLong();
            if (step > g) return Phase.GROKKED;
            if (step > g - span) return Phase.TRANSITION;
        }
        return Phase.PLATEAU;
    }

    /**
     * 𝒜 per phase over the runs.
     *
     * @param span      the transition's length in steps before the grok step (e.g. one window's span, W·stride)
     * @param bootstrap       for the AUC intervals
     * @param plateauBelow    the fixed threshold under which a window counts as the plateau regime (framework default 0.1)
     * @param forgettingAbove the fixed threshold over which it counts as forgetting (framework default 10)
     */
    public static Result of(List<SweepRun> runs, long span, Bootstrap bootstrap, double plateauBelow, double forgettingAbove) {
        if (span < 0) throw new IllegalArgumentException("the transition span is a number of steps ≥ 0, got " + span);
        Map<Phase, List<Double>> medians = new EnumMap<>(Phase.class);
        Map<Phase, Integer> windows = new EnumMap<>(Phase.class);
        Map<Phase, Map<AdiabaticRegime, Integer>> regimes = new EnumMap<>(Phase.class);
        for (SweepRun run : runs) {
            Map<Phase, List<Double>> mine = new EnumMap<>(Phase.class);
            long[] steps = run.windows().steps();
            double[] a = run.windows().adiabatic();
            for (int i = 0; i < steps.length; i++) {
                if (!Double.isFinite(a[i])) continue;
                Phase p = phaseOf(steps[i], run.evals().memorizationStep(), run.grokStep(), span);
                mine.computeIfAbsent(p, k -> new ArrayList<>()).add(a[i]);
                windows.merge(p, 1, Integer::sum);
                AdiabaticRegime regime = a[i] < plateauBelow ? AdiabaticRegime.PLATEAU
                        : a[i] > forgettingAbove ? AdiabaticRegime.FORGETTING : AdiabaticRegime.TRANSITION;
                regimes.computeIfAbsent(p, k -> new EnumMap<>(AdiabaticRegime.class)).merge(regime, 1, Integer::sum);
            }
            mine.forEach((p, values) -> medians.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(Bootstrap.medianOf(values.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        List<PhaseValues> phases = new ArrayList<>();
        for (Phase p : Phase.values()) {
            if (!medians.containsKey(p)) continue;
            phases.add(new PhaseValues(p, medians.get(p).stream().mapToDouble(Double::doubleValue).toArray(), windows.get(p), regimes.get(p)));
        }
        List<Separation> pairs = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            for (int j = i + 1; j < phases.size(); j++) {
                double[] earlier = phases.get(i).runMedians(), later = phases.get(j).runMedians();
                pairs.add(new Separation(phases.get(i).phase(), phases.get(j).phase(), Auc.of(later, earlier), bootstrap.auc(later, earlier)));
            }
        }
        return new Result(phases, pairs);
    }

    /** Summary of one phase's run medians, for reports: "n runs, median x [min, max]". */
    public static String describe(PhaseValues v) {
        double[] m = v.runMedians();
        double[] sorted = m.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s: %d runs, %d windows, median of run medians %.3g [%.3g, %.3g]", v.phase().label(), m.length,
                v.windows(), Bootstrap.medianOf(m), sorted[0], sorted[sorted.length - 1]);
    }
}
