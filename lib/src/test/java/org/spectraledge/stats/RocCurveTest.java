package org.spectraledge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void aucIsScipysUOverPairsAndTheCurveMatchesNumpy() throws Exception {
        ScipyOracle.require();
        List<double[][]> cases = MannWhitneyTest.randomCases();
        JsonArray ans = ScipyOracle.answers("""
                out = []
                for pos, neg in cases:
                    pos, neg = np.array(pos), np.array(neg)
                    u = stats.mannwhitneyu(pos, neg, alternative='two-sided').statistic
                    ts = np.unique(np.concatenate([pos, neg]))[::-1]
                    fpr = [0.0] + [float(np.mean(neg >= t)) for t in ts]
                    tpr = [0.0] + [float(np.mean(pos >= t)) for t in ts]
                    out.append([float(u) / (len(pos) * len(neg)), fpr, tpr, float(np.trapz(tpr, fpr))])
                print(json.dumps(out))
                """, cases);
        for (int i = 0; i < cases.size(); i++) {
            double[] pos = cases.get(i)[0], neg = cases.get(i)[1];
            JsonArray row = ans.get(i).getAsJsonArray();
            RocCurve roc = RocCurve.of(pos, neg).value();
            String what = "case " + i;
            assertEquals(row.get(0).getAsDouble(), roc.auc().value(), 1e-12, what);
            assertEquals(row.get(0).getAsDouble(), Auc.of(pos, neg).value().value(), 1e-12, what);
            assertEquals(row.get(3).getAsDouble(), roc.trapezoidArea(), 1e-12, what);
            JsonArray fpr = row.get(1).getAsJsonArray(), tpr = row.get(2).getAsJsonArray();
            assertEquals(fpr.size(), roc.points().size(), what);
            for (int j = 0; j < fpr.size(); j++) {
                assertEquals(fpr.get(j).getAsDouble(), roc.points().get(j).fpr(), 1e-15, what + " point " + j);
                assertEquals(tpr.get(j).getAsDouble(), roc.points().get(j).tpr(), 1e-15, what + " point " + j);
            }
        }
    }

    @Test
    void tiesAcrossClassesCountHalfAndFormOneThreshold() {
        RocCurve roc = RocCurve.of(new double[] {2, 1}, new double[] {1, 0}).value();
        // pairs: 2>1, 2>0, 1=1 (½), 1>0 → 3.5/4
        assertEquals(0.875, roc.auc().value(), 1e-15);
        assertEquals(4, roc.points().size()); // +∞, 2, 1, 0
        assertEquals(new RocCurve.Point(1, 0.5, 1.0), roc.points().get(2));
        assertEquals(roc.auc().value(), roc.trapezoidArea(), 1e-15);
        assertEquals(0.5, Auc.of(new double[] {3, 3}, new double[] {3}).value().value());
    }

    @Test
    void oneClassOnlyIsNotComputable() {
        Estimate<RocCurve> noNeg = RocCurve.of(new double[] {1, 2}, new double[0]);
        assertFalse(noNeg.isComputed());
        assertTrue(noNeg.reason().contains("one class only"), noNeg.reason());
        Estimate<Auc> noPos = Auc.of(new double[0], new double[] {1});
        assertTrue(noPos.reason().contains("no positives"), noPos.reason());
    }
}
