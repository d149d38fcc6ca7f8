package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.KStarCensus;
import org.spectraledge.spectral.WindowResult;

/** {@link KStarFigures} on windows from the real tracker ({@link SyntheticRun}): series, values, rendering. */
class KStarFiguresTest {
    private static SyntheticRun run;

    @BeforeAll
    static void setUp() {
        System.setProperty("java.awt.headless", "true");
        run = new SyntheticRun(1, true);
    }

    @Test
    void byRuleDrawsEachRulesKStarOfTheFullWindows() {
        XYChart c = KStarFigures.byRule("synthetic", run.windows, run.log);
        assertEquals(List.of("plain", "weighted", "floored", "grok step " + run.log.grokStep().getAsLong()),
                List.copyOf(c.getSeriesMap().keySet()));
        List<WindowResult> full = run.windows.stream().filter(w -> !w.partial()).toList();
        double[] plain = c.getSeriesMap().get("plain").getYData();
        assertEquals(full.size(), plain.length);
        for (int i = 0; i < plain.length; i++) {
            assertEquals(full.get(i).gaps().by(GapRule.PLAIN).kStar() - 0.08, plain[i], 1e-12, "offset plain k* at window " + i);
        }
        assertEquals(full.get(0).step(), c.getSeriesMap().get("plain").getXData()[0]);
        assertInked(c);
    }

    @Test
    void censusDrawsTheShareAtEachPosition() {
        Map<String, KStarCensus> m = new LinkedHashMap<>();
        m.put("plain", KStarCensus.of(run.windows, GapRule.PLAIN));
        m.put("weighted", KStarCensus.of(run.windows, GapRule.WEIGHTED));
        m.put("nothing", KStarCensus.of(run.windows, GapRule.PLAIN, 10_000, 20_000));
        XYChart c = KStarFigures.census(m);
        assertEquals(2, c.getSeriesMap().size(), "the empty census is left out: " + c.getSeriesMap().keySet());
        KStarCensus plain = m.get("plain");
        String name = "plain (" + plain.windows() + " windows)";
        double[] y = c.getSeriesMap().get(name).getYData();
        double[] expected = new double[plain.counts().length];
        for (int k = 1; k <= expected.length; k++) expected[k - 1] = plain.share(k);
        assertArrayEquals(expected, y, 1e-15);
        assertEquals(1.0, java.util.Arrays.stream(y).sum(), 1e-12);
        assertInked(c);
        assertThrows(IllegalArgumentException.class, () -> KStarFigures.census(Map.of("nothing", m.get("nothing"))));
    }

    private static void assertInked(XYChart chart) {
        BufferedImage img = FigureExport.image(chart);
        assertEquals(FigureStyle.WIDTH, img.getWidth());
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) inked++;
        }
        assertTrue(inked > 200, "figure is nearly blank: " + inked + " inked samples");
    }
}
