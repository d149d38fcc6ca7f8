package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.table.WindowTable;
import tech.tablesaw.api.Table;

/** The run figures read the same series from tracker results, from the window table, and from its CSV. */
class RunSeriesTest {
    private static SyntheticRun run;

    @BeforeAll
    static void setUp() {
        System.setProperty("java.awt.headless", "true");
        run = new SyntheticRun(3, true);
    }

    @Test
    void tableAndResultsGiveTheSameSeries() {
        RunSeries fromResults = RunSeries.of(run.windows);
        RunSeries fromTable = RunSeries.of(WindowTable.of("synthetic", SyntheticRun.W, run.windows));
        assertSame(fromResults, fromTable, 0);
        WindowResult w = run.windows.get(40);
        assertEquals(w.sigma(3), fromResults.sigma(3)[40], 0);
        assertEquals(Math.toDegrees(Math.acos(Math.min(1, w.stability().overlap()[1]))), fromResults.rotationDegrees(2)[40], 1e-12);
        // the first window is partial (2 updates): σ_3 and α_3 do not exist there
        assertTrue(Double.isNaN(fromResults.sigma(3)[0]));
        assertTrue(Double.isNaN(fromResults.alpha(3)[0]));
    }

    @Test
    void csvRoundTripFeedsTheFigures(@TempDir Path dir) {
        Path csv = dir.resolve("windows.csv");
        WindowTable.writeCsv(run.windows, SyntheticRun.W, csv);
        RunSeries back = RunSeries.of(Table.read().csv(csv.toFile()));
        assertSame(RunSeries.of(run.windows), back, 1e-12);
        XYChart c = GapFigures.g23(back, run.log);
        assertEquals(2, c.getSeriesMap().size());
        assertEquals(FigureStyle.WIDTH, FigureExport.image(c).getWidth());
        assertEquals(4, SpectrumFigures.sigmaTrajectories(back, 4).getSeriesMap().size());
        assertEquals(4, GapFigures.adiabatic(back).getSeriesMap().size());
    }

    @Test
    void aTableWithoutTheContractColumnsIsRejected() {
        Table t = Table.create("other", tech.tablesaw.api.DoubleColumn.create("loss", new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSeries.of(t));
        assertTrue(e.getMessage().contains("sigma_1"), e.getMessage());
    }

    private static void assertSame(RunSeries a, RunSeries b, double relative) {
        assertEquals(a.size(), b.size());
        assertArrayEquals(a.steps(), b.steps(), 0);
        assertClose(a.kStar(), b.kStar(), relative);
        assertClose(a.gapRatio(), b.gapRatio(), relative);
        assertClose(a.g23(), b.g23(), relative);
        assertClose(a.adiabatic(), b.adiabatic(), relative);
        for (int j = 1; j <= a.window(); j++) {
            assertClose(a.sigma(j), b.sigma(j), relative);
            assertClose(a.alpha(j), b.alpha(j), relative);
            assertClose(a.rotationDegrees(j), b.rotationDegrees(j), Math.max(relative, 1e-9));
        }
    }

    private static void assertClose(double[] a, double[] b, double relative) {
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) {
                assertTrue(Double.isNaN(b[i]), "index " + i + ": expected missing, got " + b[i]);
            } else {
                assertEquals(a[i], b[i], relative * Math.abs(a[i]), "index " + i);
            }
        }
    }
}
