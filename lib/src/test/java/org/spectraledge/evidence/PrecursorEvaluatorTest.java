package org.spectraledge.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.evidence.SyntheticSweep.Run;
import org.spectraledge.stats.WilsonInterval;
import org.spectraledge.testing.Python;

class PrecursorEvaluatorTest {
    static final long H = 300;
    static final int SETTLE = 2;

    /** Lead times: a 200 (true), b 150 (true), c 500 (early), d none; negative e fires, f and g do not. */
    static final List<Run> KNOWN = List.of(
            new Run("a", 800, 400, 600, 3.0),
            new Run("b", 700, 300, 550, 2.6),
            new Run("c", 900, 200, 400, 2.2),
            new Run("d", 600, 0, 0, 1.8),
            new Run("e", null, 300, 500, 2.0),
            new Run("f", null, 0, 0, 1.5),
            new Run("g", null, 0, 0, 2.4));

    static PrecursorSettings settings() {
        return PrecursorSettings.builder().setHorizon(H).setSettleWindows(SETTLE).build();
    }

    @Test
    void knownSweepGivesExactCounts(@TempDir Path tmp) throws Exception {
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(SyntheticSweep.write(tmp.resolve("sweep"), KNOWN), settings());
        AlarmTable a = e.alarms();
        assertEquals(4, a.nPositive());
        assertEquals(3, a.nNegative());
        assertEquals(2, a.trueAlarms());
        assertEquals(1, a.count(AlarmKind.EARLY_ALARM));
        assertEquals(1, a.count(AlarmKind.NO_EVENT));
        assertEquals(0, a.count(AlarmKind.LATE_EVENT));
        assertEquals(2, a.misses());
        assertEquals(1, a.negativeAlarms());
        assertEquals(2, a.falseAlarms());
        assertEquals(WilsonInterval.of(2, 4).value(), a.sensitivity().value());
        assertEquals(WilsonInterval.of(1, 3).value(), a.falseAlarmRate().value());
        assertEquals(1, a.conclusion().value());
        assertEquals(List.of(new LeadTimes.Lead("a", 200), new LeadTimes.Lead("b", 150), new LeadTimes.Lead("c", 500)),
                e.leadTimes().runs());
        assertEquals(200, e.leadTimes().median().value().estimate());
        assertEquals(5, e.searchStart().rows().size());
        assertTrue(e.searchStart().stable(), e.report());
        // 𝒜 is never logged: its ROC is not computable, and the report says so
        assertFalse(e.roc(CutoffScore.ADIABATIC).roc().isComputed());
        String report = e.report();
        assertTrue(report.contains("not computable: no scores at all"), report);
        assertTrue(report.contains("n+ = 4") && report.contains("n- = 3"), report);
        assertTrue(report.contains("horizon H = 300 steps; search start s = 2 windows"), report);
        assertTrue(report.contains("bootstrap B = 2000, 95 %, seed 1"), report);
        assertEquals(List.of(), e.warnings());
    }

    @Test
    void pythonRecomputesCountsLeadTimesAndAucsFromTheSameFiles(@TempDir Path tmp) throws Exception {
        Python.require("numpy", "scipy");
        Path sweep = SyntheticSweep.write(tmp.resolve("sweep"), KNOWN);
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(sweep, settings());
        JsonObject py = JsonParser.parseString(Python.check(ORACLE, List.of(sweep.toString(), String.valueOf(H),
                String.valueOf(SETTLE))).strip()).getAsJsonObject();
        AlarmTable a = e.alarms();
        assertEquals(py.get("true").getAsInt(), a.trueAlarms());
        assertEquals(py.get("early").getAsInt(), a.count(AlarmKind.EARLY_ALARM));
        assertEquals(py.get("late").getAsInt(), a.count(AlarmKind.LATE_EVENT));
        assertEquals(py.get("none").getAsInt(), a.count(AlarmKind.NO_EVENT));
        assertEquals(py.get("negative_alarms").getAsInt(), a.negativeAlarms());
        assertEquals(py.get("quiet").getAsInt(), a.count(AlarmKind.QUIET));
        List<Long> pyLeads = new java.util.ArrayList<>();
        py.getAsJsonArray("leads").forEach(x -> pyLeads.add(x.getAsLong()));
        assertEquals(pyLeads, e.leadTimes().runs().stream().map(LeadTimes.Lead::steps).toList());
        assertEquals(py.get("auc_g23").getAsDouble(), e.roc(CutoffScore.G23_DECLINE).roc().value().auc().value(), 1e-12);
        assertEquals(py.get("auc_ratio").getAsDouble(), e.roc(CutoffScore.GAP_RATIO).roc().value().auc().value(), 1e-12);
        assertEquals(py.get("n_neg_scored").getAsInt(), e.roc(CutoffScore.G23_DECLINE).nNegative());
    }

    /**
     * An independent reading of the folder: criterion (a) of the detector (the only one the synthetic runs can fire),
     * the alarm classes, the scores at the cutoff with negatives at the median over the positives' cutoffs, and the
     * AUC as scipy's Mann–Whitney U over n⁺n⁻.
     */
    static final String ORACLE = """
            import csv, json, sys
            import numpy as np
            from scipy import stats
            d, H, s = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            windows = sys.argv[4] if len(sys.argv) > 4 else 'windows.csv'

            def num(x):
                return float(x) if x != '' else float('nan')

            runs = []
            for row in csv.DictReader(open(d + '/results.csv')):
                f = d + '/runs/' + row['run_id']
                grok = json.load(open(f + '/summary.json'))['grokked_step']
                m = list(csv.DictReader(open(f + '/metrics.csv')))
                mem = next((int(r['step']) for r in m if float(r['train_acc']) >= 0.99), None)
                grok_m = next((int(r['step']) for r in m if float(r['test_acc']) >= 0.95), None)
                w = list(csv.DictReader(open(f + '/' + windows)))
                steps = np.array([int(r['step']) for r in w])
                g = np.array([num(r['g23']) for r in w])
                ratio = np.array([num(r['gap_ratio']) for r in w])
                runs.append(dict(id=row['run_id'], grok=grok, mem=mem, grok_m=grok_m, steps=steps, g=g, ratio=ratio))

            def event(r):
                start = int(np.sum(r['steps'] < r['mem'])) + s if r['mem'] is not None else 0
                pre = int(np.sum(r['steps'] < r['grok_m'])) if r['grok_m'] is not None else len(r['steps'])
                idx = [i for i in range(start, pre) if not np.isnan(r['g'][i])]
                if not idx:
                    return None
                p = max(idx, key=lambda i: (r['g'][i], -i))
                if not r['g'][p] > 0:
                    return None
                fall = [i for i in range(p + 1, len(r['g'])) if r['g'][i] <= r['g'][p] / 1.5]
                return int(r['steps'][fall[0]]) if fall else None

            counts = dict(true=0, early=0, late=0, none=0, negative_alarms=0, quiet=0)
            leads = []
            for r in runs:
                e = event(r)
                if r['grok'] is None:
                    counts['negative_alarms' if e is not None else 'quiet'] += 1
                elif e is None:
                    counts['none'] += 1
                else:
                    lead = r['grok'] - e
                    leads.append(lead)
                    counts['true' if 0 < lead <= H else 'early' if lead > H else 'late'] += 1

            def scores(r, c):
                keep = r['steps'] <= c
                last = int(np.sum(keep)) - 1
                start = int(np.sum(r['steps'] < r['mem'])) + s if r['mem'] is not None and r['mem'] <= c else 0
                g = r['g'][start:last + 1]
                if len(g) == 0:
                    return None   # the search starts after the cutoff: not scored
                return max(g) / g[-1], r['ratio'][last]

            cutoffs = [r['grok'] - H for r in runs if r['grok'] is not None]
            pos_g, pos_r, neg_g, neg_r = [], [], [], []
            for r in runs:
                if r['grok'] is not None:
                    sc = scores(r, r['grok'] - H)
                    if sc is not None:
                        pos_g.append(sc[0]); pos_r.append(sc[1])
                else:
                    sc = [x for x in (scores(r, c) for c in cutoffs if r['steps'][-1] >= c) if x is not None]
                    neg_g.append(float(np.median([x[0] for x in sc])))
                    neg_r.append(float(np.median([x[1] for x in sc])))

            def auc(p, n):
                return float(stats.mannwhitneyu(p, n).statistic) / (len(p) * len(n))

            counts.update(leads=leads, auc_g23=auc(pos_g, neg_g), auc_ratio=auc(pos_r, neg_r), n_neg_scored=len(neg_g))
            print(json.dumps(counts))
            """;

    /**
     * The committed evidence of experiment E1 (real runs, every event from criterion (a)) read by the same independent
     * Python code, at the experiment's stated settings: H = 1,000 steps, search from 3 windows after memorization,
     * the attention group.
     */
    @Test
    void theCommittedE1EvidenceGivesTheSameNumbersInPython() throws Exception {
        Python.require("numpy", "scipy");
        Path e1 = Path.of("..").toAbsolutePath().normalize().resolve("evidence").resolve("E1-weight-decay");
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(e1, PrecursorSettings.builder().setHorizon(1000).setSettleWindows(3)
                .optGroup("attention").build());
        JsonObject py = JsonParser.parseString(Python.check(ORACLE, List.of(e1.toString(), "1000", "3",
                "windows-attention.csv")).strip()).getAsJsonObject();
        AlarmTable a = e.alarms();
        assertEquals(16, a.nPositive() + a.nNegative());
        assertEquals(py.get("true").getAsInt(), a.trueAlarms());
        assertEquals(py.get("early").getAsInt(), a.count(AlarmKind.EARLY_ALARM));
        assertEquals(py.get("none").getAsInt(), a.count(AlarmKind.NO_EVENT));
        assertEquals(py.get("negative_alarms").getAsInt(), a.negativeAlarms());
        List<Long> pyLeads = new java.util.ArrayList<>();
        py.getAsJsonArray("leads").forEach(x -> pyLeads.add(x.getAsLong()));
        assertEquals(pyLeads, e.leadTimes().runs().stream().map(LeadTimes.Lead::steps).toList());
        assertEquals(py.get("auc_g23").getAsDouble(), e.roc(CutoffScore.G23_DECLINE).roc().value().auc().value(), 1e-12);
        assertEquals(py.get("auc_ratio").getAsDouble(), e.roc(CutoffScore.GAP_RATIO).roc().value().auc().value(), 1e-12);
    }

    @Test
    void aConclusionThatFlipsWithTheSearchStartIsFlagged(@TempDir Path tmp) throws Exception {
        // negatives peak at step 105, seen only when the search starts at most 1 window after memorization (step 100)
        List<Run> runs = List.of(new Run("p1", 800, 400, 600, 2), new Run("p2", 700, 0, 0, 2),
                new Run("n1", null, 105, 110, 2), new Run("n2", null, 105, 110, 2));
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(SyntheticSweep.write(tmp.resolve("s"), runs), settings());
        assertEquals(1, e.alarms().conclusion().value()); // 1/2 true alarms, 0/2 negative alarms
        List<SearchStartSensitivity.Row> rows = e.searchStart().rows();
        assertEquals(List.of(-2, -1, 0, 1, 2), rows.stream().map(SearchStartSensitivity.Row::shift).toList());
        assertEquals(List.of(true, true, false, false, false), rows.stream().map(SearchStartSensitivity.Row::signChanged).toList());
        assertEquals(2, rows.get(1).table().value().negativeAlarms());
        assertFalse(e.searchStart().stableWithinOneWindow());
        assertTrue(e.report().contains("SIGN CHANGES"), e.report());
    }

    @Test
    void negativesEnterOncePerCutoffWhenAsked(@TempDir Path tmp) throws Exception {
        PrecursorSettings each = PrecursorSettings.builder().setHorizon(H).setSettleWindows(SETTLE)
                .optNegativeCutoffs(NegativeCutoffs.EACH_CUTOFF).build();
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(SyntheticSweep.write(tmp.resolve("s"), KNOWN), each);
        assertEquals(3 * 4, e.roc(CutoffScore.GAP_RATIO).nNegative()); // every negative reaches every cutoff
        assertEquals(4, e.roc(CutoffScore.GAP_RATIO).nPositive());
    }

    @Test
    void aSweepWithoutNegativesIsReportedNotCrashed(@TempDir Path tmp) throws Exception {
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(SyntheticSweep.write(tmp.resolve("s"), KNOWN.subList(0, 3)),
                settings());
        assertFalse(e.alarms().falseAlarmRate().isComputed());
        assertFalse(e.roc(CutoffScore.G23_DECLINE).roc().isComputed());
        String report = e.report();
        assertTrue(report.contains("not computable: one class only: no negatives"), report);
        assertTrue(report.contains("not computable: no negative runs"), report);
        assertTrue(report.contains("conclusion not computable"), report);
    }

    @Test
    void writesTheTablesOnceIntoANewFolder(@TempDir Path tmp) throws Exception {
        PrecursorEvaluation e = PrecursorEvaluator.evaluate(SyntheticSweep.write(tmp.resolve("s"), KNOWN), settings());
        Path out = tmp.resolve("out");
        List<Path> files = e.writeCsv(out);
        assertEquals(List.of("alarm-table.csv", "runs.csv", "scores.csv", "roc-g23_decline.csv", "roc-gap_ratio.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + KNOWN.size(), runs.size());
        assertEquals("a,true,800,600,200,true_alarm,true,false,false,g23_decline", runs.get(1));
        assertEquals(1 + 5, Files.readAllLines(out.resolve("alarm-table.csv")).size());
        for (String line : Files.readAllLines(out.resolve("alarm-table.csv"))) assertEquals(23, line.split(",", -1).length, line);
        assertFalse(String.join("\n", Files.readAllLines(out.resolve("scores.csv"))).contains("NaN"));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> e.writeCsv(out));
        assertTrue(again.getMessage().contains("refusing to overwrite"), again.getMessage());
        try (var listing = Files.list(out)) {
            assertEquals(5, listing.count()); // no temporary files left behind
        }
    }

    @Test
    void badFoldersAndSettingsSayWhatIsWrong(@TempDir Path tmp) throws Exception {
        IllegalArgumentException notSweep = assertThrows(IllegalArgumentException.class,
                () -> PrecursorEvaluator.evaluate(Files.createDirectories(tmp.resolve("empty")), settings()));
        assertTrue(notSweep.getMessage().contains("is not a sweep folder"), notSweep.getMessage());

        Path one = SyntheticSweep.write(tmp.resolve("one"), KNOWN.subList(0, 1));
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> PrecursorEvaluator.evaluate(one, settings()));
        assertTrue(single.getMessage().contains("N = 1 run"), single.getMessage());

        Path noEvals = SyntheticSweep.write(tmp.resolve("no-evals"), KNOWN);
        Files.writeString(noEvals.resolve("runs/b/metrics.csv"), "step,train_loss,train_acc,test_loss,test_acc\n");
        IllegalArgumentException evals = assertThrows(IllegalArgumentException.class,
                () -> PrecursorEvaluator.evaluate(noEvals, settings()));
        assertTrue(evals.getMessage().contains("run b has no evaluations"), evals.getMessage());

        Path mislabelled = SyntheticSweep.write(tmp.resolve("mislabelled"), KNOWN);
        Files.writeString(mislabelled.resolve("runs/f/summary.json"), "{\"grokked_step\": 990}");
        PrecursorEvaluation warned = PrecursorEvaluator.evaluate(mislabelled, settings());
        assertEquals(1, warned.warnings().size(), warned.warnings().toString());
        assertTrue(warned.report().contains("warning: run f: summary.json says grokked at step 990, its evals (test accuracy ≥ 0.95) say never"), warned.report());

        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PrecursorSettings.builder().setSettleWindows(2).build()).getMessage().contains("horizon"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PrecursorSettings.builder().setHorizon(10).build()).getMessage().contains("search start"));
        assertThrows(IllegalArgumentException.class,
                () -> PrecursorSettings.builder().setHorizon(10).setSettleWindows(2).optResamples(100).build());
        assertThrows(IllegalArgumentException.class, () -> PrecursorSettings.builder().setHorizon(10).setSettleWindows(2)
                .optSearchStartShifts(List.of(-1, 1)).build());
    }
}
