package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.spectraledge.evidence.CutoffScore;
import org.spectraledge.evidence.LeadTimes;
import org.spectraledge.evidence.ScoreRoc;
import org.spectraledge.stats.Bootstrap;
import org.spectraledge.stats.Estimate;
import org.spectraledge.stats.RocCurve;
import org.spectraledge.stats.WilsonInterval;

/** The evidence figures carry N and intervals in their legends, draw, and refuse to draw nothing. */
class EvidenceFiguresTest {
    @Test
    void ratesShowEachArmWithItsWilsonInterval() throws Exception {
        XYChart chart = EvidenceFigures.rates("Grok rate", "rate", List.of(
                new EvidenceFigures.Arm("ω = 0", WilsonInterval.of(0, 8).value()), new EvidenceFigures.Arm("ω = 1", WilsonInterval.of(8, 8).value())));
        assertTrue(chart.getSeriesMap().containsKey("ω = 0: 0/8 = 0.00 [0.00, 0.32]"), chart.getSeriesMap().keySet().toString());
        assertTrue(chart.getSeriesMap().containsKey("ω = 1: 8/8 = 1.00 [0.68, 1.00]"), chart.getSeriesMap().keySet().toString());
        assertTrue(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG).length > 1000);
    }

    @Test
    void rocCurvesNameTheirAucAndN() throws Exception {
        double[] pos = {3, 4, 5, 6}, neg = {1, 2, 3.5};
        Estimate<RocCurve> roc = RocCurve.of(pos, neg);
        ScoreRoc r = new ScoreRoc(CutoffScore.G23_DECLINE, 4, 3, roc, Bootstrap.withSeed(1).auc(pos, neg), List.of());
        XYChart chart = EvidenceFigures.roc("ROC", List.of(r));
        String name = chart.getSeriesMap().keySet().stream().filter(k -> k.contains("AUC")).findFirst().orElseThrow();
        assertTrue(name.contains(String.format("AUC %.2f", roc.value().auc().value())) && name.contains("n+ = 4, n- = 3"), name);
        ScoreRoc none = new ScoreRoc(CutoffScore.GAP_RATIO, 4, 0, RocCurve.of(pos, new double[0]), Estimate.notComputable("one class"), List.of());
        assertThrows(IllegalArgumentException.class, () -> EvidenceFigures.roc("ROC", List.of(none)));
    }

    @Test
    void leadTimesShowTheMedianAndItsInterval() {
        double[] steps = {400, 500, 700, 900};
        LeadTimes leads = new LeadTimes(List.of(new LeadTimes.Lead("a", 400), new LeadTimes.Lead("b", 500),
                new LeadTimes.Lead("c", 700), new LeadTimes.Lead("d", 900)), Bootstrap.withSeed(1).median(steps));
        XYChart chart = EvidenceFigures.leadTimes("Lead times", leads);
        assertEquals(4, chart.getSeriesMap().get("lead time, N = 4").getXData().length);
        assertTrue(chart.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("median 600 [")), chart.getSeriesMap().keySet().toString());
    }
}
