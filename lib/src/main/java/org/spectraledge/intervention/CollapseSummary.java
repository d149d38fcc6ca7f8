package org.spectraledge.intervention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.spectraledge.stats.Bootstrap;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.Estimate;
import org.spectraledge.stats.WilsonInterval;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a collapse study says about Gap Maximality (framework §6): per position j the effect Δ_j (validation loss of the
 * collapsed branch minus the paired control's) over the replicates, with a bootstrap interval of its median; and the
 * prediction's test, fixed before the data: in each trial the margin m = Δ_{k*} − max_{j≠k*} Δ_j, and the prediction holds
 * when the bootstrap interval of the median margin lies above 0. Also given: how often k*'s collapse is the largest
 * effect (Wilson interval), beside the chance rate 1/(positions collapsed).
 *
 * @param horizon      when the effects were read
 * @param trials       replicates (runs × branch points)
 * @param positions    one row per collapsed position, ascending
 * @param counted      trials whose k* was among the collapsed positions (only those enter the prediction's test)
 * @param largest      trials where k*'s collapse had the largest effect, of {@code counted}
 * @param chance       1 / number of positions: the rate of {@code largest} if the position did not matter
 * @param margin       the median margin m with its interval (not computable with fewer than 2 counted trials)
 */
public record CollapseSummary(CollapseTrial.Horizon horizon, int trials, List<PositionEffect> positions, int counted,
                              Estimate<WilsonInterval> largest, double chance, Estimate<BootstrapInterval> margin) {

    /**
     * The effect of collapsing one position.
     *
     * @param j        the position
     * @param n        trials that collapsed it
     * @param atKStar  of those, trials whose k* was j
     * @param hurt     trials where Δ_j > 0 (the collapse raised the validation loss)
     * @param median   the median of Δ_j, with its bootstrap interval (not computable for n < 2)
     * @param removed  the median share of the window's energy the collapse removed ({@link CollapseTrial#removedShare})
     */
    public record PositionEffect(int j, int n, int atKStar, int hurt, Estimate<BootstrapInterval> median, double removed) {}

    public CollapseSummary {
        positions = List.copyOf(positions);
    }

    /** Summarizes trials at a horizon; intervals from {@code bootstrap}. */
    public static CollapseSummary of(List<CollapseTrial> trials, CollapseTrial.Horizon horizon, Bootstrap bootstrap) {
        if (trials.isEmpty()) throw new IllegalArgumentException("no collapse trials to summarize");
        TreeSet<Integer> all = new TreeSet<>();
        trials.forEach(t -> all.addAll(t.positions()));
        List<PositionEffect> rows = new ArrayList<>();
        for (int j : all) {
            List<CollapseTrial> with = trials.stream().filter(t -> t.positions().contains(j)).toList();
            double[] effects = with.stream().mapToDouble(t -> t.effect(j, horizon)).toArray();
            int hurt = (int) Arrays.stream(effects).filter(d -> d > 0).count();
            int atKStar = (int) with.stream().filter(t -> t.kStar() == j).count();
            double removed = Bootstrap.medianOf(with.stream().mapToDouble(t -> t.removedShare(j)).toArray());
            rows.add(new PositionEffect(j, with.size(), atKStar, hurt, bootstrap.median(effects), removed));
        }
        List<Double> margins = new ArrayList<>();
        int largest = 0;
        for (CollapseTrial t : trials) {
            if (!t.positions().contains(t.kStar()) || t.positions().size() < 2) continue;
            double atKStar = t.effect(t.kStar(), horizon);
            double otherMax = t.positions().stream().filter(j -> j != t.kStar()).mapToDouble(j -> t.effect(j, horizon)).max().orElseThrow();
            margins.add(atKStar - otherMax);
            if (atKStar > otherMax) largest++;
        }
        double[] m = margins.stream().mapToDouble(Double::doubleValue).toArray();
        return new CollapseSummary(horizon, trials.size(), rows, m.length, WilsonInterval.of(largest, m.length), 1.0 / all.size(),
                bootstrap.median(m));
    }

    /** Whether the prediction holds: the median margin's interval lies above 0. False when it is not computable. */
    public boolean predictionHolds() {
        return margin.isComputed() && margin.value().lower() > 0;
    }

    /** The verdict in one sentence, with the numbers it rests on. */
    public String verdict() {
        String m = margin.describe(i -> String.format(Locale.ROOT, "median margin Δ_k* − max_{j≠k*} Δ_j = %.4g [%.4g, %.4g]",
                i.estimate(), i.lower(), i.upper()));
        String l = largest.describe(w -> String.format(Locale.ROOT, "k*'s collapse hurt most in %d/%d trials %s (chance %.2f)",
                w.k(), w.n(), interval(w.lower(), w.upper()), chance));
        return (predictionHolds() ? "Gap Maximality holds at " : "Gap Maximality is not confirmed at ") + label(horizon) + ": " + m + "; " + l + ".";
    }

    /**
     * One row per position: j, n, how often it was k*, the share of the window's energy removed, how often the collapse
     * hurt, the median Δ_j and its interval.
     */
    public Table table() {
        Table t = Table.create("gap collapse, Δ validation loss " + label(horizon) + " (" + trials + " trials)");
        IntColumn j = IntColumn.create("j"), n = IntColumn.create("n"), kStar = IntColumn.create("k* = j"), hurt = IntColumn.create("Δ > 0");
        DoubleColumn removed = DoubleColumn.create("energy removed");
        DoubleColumn median = DoubleColumn.create("median Δ"), lower = DoubleColumn.create("low"), upper = DoubleColumn.create("high");
        StringColumn note = StringColumn.create("note");
        for (PositionEffect r : positions) {
            j.append(r.j());
            n.append(r.n());
            kStar.append(r.atKStar());
            hurt.append(r.hurt());
            removed.append(r.removed());
            if (r.median().isComputed()) {
                BootstrapInterval i = r.median().value();
                median.append(i.estimate());
                lower.append(i.lower());
                upper.append(i.upper());
                note.append("");
            } else {
                median.appendMissing();
                lower.appendMissing();
                upper.appendMissing();
                note.append(r.median().describe(x -> ""));
            }
        }
        return t.addColumns(j, n, kStar, removed, hurt, median, lower, upper, note);
    }

    @Override
    public String toString() {
        return table().print() + "\n" + verdict();
    }

    static String label(CollapseTrial.Horizon horizon) {
        return horizon == CollapseTrial.Horizon.AFTER_COLLAPSE ? "t₀ + K" : "t₀ + K + L";
    }

    private static String interval(double lower, double upper) {
        return String.format(Locale.ROOT, "[%.2f, %.2f]", lower, upper);
    }
}
