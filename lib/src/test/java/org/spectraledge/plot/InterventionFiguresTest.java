package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.spectraledge.intervention.CollapseSummary;
import org.spectraledge.intervention.CollapseTrial;
import org.spectraledge.intervention.CollapseTrials;
import org.spectraledge.stats.Bootstrap;

/** The collapse figure names k*'s position with its interval and N, and draws every position with an interval. */
class InterventionFiguresTest {
    @Test
    void collapseEffectsMarkKStarWithItsIntervalAndN() throws Exception {
        List<CollapseTrial> trials = new ArrayList<>();
        for (int t = 0; t < 4; t++) trials.add(CollapseTrials.withEffects(t, 1, new double[] {0.5 + 0.1 * t, 0.1, -0.05 * t}));
        CollapseSummary summary = CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_COLLAPSE, Bootstrap.withSeed(1));
        XYChart chart = InterventionFigures.collapseEffects("collapse", summary);
        String kStar = chart.getSeriesMap().keySet().stream().filter(k -> k.startsWith("j = 1 (k* in 4)")).findFirst()
                .orElseThrow(() -> new AssertionError(chart.getSeriesMap().keySet().toString()));
        assertTrue(kStar.contains("median 0.650") && kStar.contains("n = 4"), kStar);
        assertEquals(1 + 3 * 2, chart.getSeriesMap().size(), "the zero line, and a bar and a point per position");
        assertTrue(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG).length > 1000);
    }
}
