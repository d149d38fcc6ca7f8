package org.spectraledge.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;

class GapSeriesTest {

    @Test
    void windowResultsBecomeAGapSeriesWithNaNWhereUndefined() {
        SpectralTracker t = new SpectralTracker("all", 3, AnalysisConfig.builder().optWindow(3).build());
        double[][] d = {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}, {4, 0, 0}};
        for (int s = 0; s < d.length; s++) t.pushUpdate(VectorSource.of(d[s]), 100 * (s + 1));
        List<WindowResult> w = t.results();
        GapSeries g = GapSeries.of(w);
        assertArrayEquals(new long[] {200, 300, 400}, g.steps());
        assertTrue(Double.isNaN(g.g23()[0]), "g23 needs three updates");
        assertEquals(4 - 1, g.g23()[1], 1e-12);     // σ = 1, 2, 3 → λ = 9, 4, 1
        assertEquals(9 - 4, g.g23()[2], 1e-12);     // σ = 2, 3, 4 → λ = 16, 9, 4
        assertEquals(w.get(2).gapRatio(), g.gapRatio()[2], 0);
        assertTrue(Double.isNaN(g.adiabatic()[0]), "no learning rate, no 𝒜");
    }
}
