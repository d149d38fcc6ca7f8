package org.spectraledge.evidence;

import java.util.List;
import org.spectraledge.stats.Estimate;
import org.spectraledge.stats.FisherExact;
import org.spectraledge.stats.WilsonInterval;

/**
 * The alarm table of an event detector over a sweep (framework §7b): counts per {@link AlarmKind}, the rates with Wilson
 * intervals, and Fisher's exact test of alarm rate in positives against negatives.
 *
 * <ul>
 *   <li>sensitivity = true alarms / n⁺;</li>
 *   <li>false-alarm rate = negative runs with an event / n⁻ (early alarms in positive runs are counted as false
 *       alarms in {@link #falseAlarms()} and have their own rate, {@link #earlyAlarmRate()});</li>
 *   <li>misses = n⁺ − true alarms;</li>
 *   <li>Fisher: the table [[true alarms, n⁺ − true alarms], [negative alarms, n⁻ − negative alarms]];</li>
 *   <li>conclusion: the sign of sensitivity − false-alarm rate (+1: the detector fires within the horizon more
 *       often in positives than at all in negatives).</li>
 * </ul>
 *
 * @param shift search-start shift in windows relative to the stated setting (0 for the stated one)
 * @param settleWindows the search start used, s + shift
 * @param horizon H in steps
 * @param confidence confidence of the Wilson intervals
 * @param runs one verdict per run, in the sweep's order
 */
public record AlarmTable(int shift, int settleWindows, long horizon, double confidence, List<RunAlarm> runs) {
    public AlarmTable {
        runs = List.copyOf(runs);
        if (settleWindows < 0) throw new IllegalArgumentException("search start must be ≥ 0, got " + settleWindows);
        if (horizon < 1) throw new IllegalArgumentException("horizon must be ≥ 1, got " + horizon);
    }

    /** n⁺: runs that grokked. */
    public int nPositive() {
        return (int) runs.stream().filter(RunAlarm::positive).count();
    }

    /** n⁻: runs that did not grok. */
    public int nNegative() {
        return runs.size() - nPositive();
    }

    /** Number of runs of one kind. */
    public int count(AlarmKind kind) {
        return (int) runs.stream().filter(r -> r.kind() == kind).count();
    }

    /** True alarms: positives with lead time in (0, H]. */
    public int trueAlarms() {
        return count(AlarmKind.TRUE_ALARM);
    }

    /** Negative runs with an event. */
    public int negativeAlarms() {
        return count(AlarmKind.FALSE_ALARM);
    }

    /** All false alarms: negative runs with an event plus early alarms in positive runs. */
    public int falseAlarms() {
        return negativeAlarms() + count(AlarmKind.EARLY_ALARM);
    }

    /** Positives without a true alarm. */
    public int misses() {
        return nPositive() - trueAlarms();
    }

    /** true alarms / n⁺ with its Wilson interval; not computable without positives. */
    public Estimate<WilsonInterval> sensitivity() {
        return rate(trueAlarms(), nPositive(), "no positive runs (none grokked)");
    }

    /** negative alarms / n⁻ with its Wilson interval; not computable without negatives. */
    public Estimate<WilsonInterval> falseAlarmRate() {
        return rate(negativeAlarms(), nNegative(), "no negative runs (every run grokked)");
    }

    /** early alarms / n⁺ with its Wilson interval. */
    public Estimate<WilsonInterval> earlyAlarmRate() {
        return rate(count(AlarmKind.EARLY_ALARM), nPositive(), "no positive runs (none grokked)");
    }

    /** Fisher's exact test of true-alarm rate in positives against alarm rate in negatives. */
    public Estimate<FisherExact> fisher() {
        int tp = trueAlarms(), fp = negativeAlarms();
        return FisherExact.test(tp, nPositive() - tp, fp, nNegative() - fp);
    }

    /** Sign of sensitivity − false-alarm rate: +1, 0 or −1; not computable without both classes. */
    public Estimate<Integer> conclusion() {
        Estimate<WilsonInterval> s = sensitivity(), f = falseAlarmRate();
        if (!s.isComputed()) return Estimate.notComputable(s.reason());
        if (!f.isComputed()) return Estimate.notComputable(f.reason());
        return Estimate.of(Double.compare(s.value().estimate(), f.value().estimate()) > 0 ? 1
                : s.value().estimate() == f.value().estimate() ? 0 : -1);
    }

    private Estimate<WilsonInterval> rate(int k, int n, String whenEmpty) {
        return n == 0 ? Estimate.notComputable(whenEmpty) : WilsonInterval.of(k, n, confidence);
    }
}
