package org.spectraledge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import tech.tablesaw.api.Table;

class WindowTableTest {

    private static SpectralTracker run(double lr) {
        SpectralTracker t = new SpectralTracker("g", 3, AnalysisConfig.builder().optWindow(3).optLearningRate(lr).build());
        double[][] d = {{1, 0, 0}, {0, 2, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        for (int s = 0; s < d.length; s++) t.pushUpdate(VectorSource.of(d[s]), s);
        return t;
    }

    @Test
    void csvAndTableCarryTheSameValuesWithEmptyCellsWhereUndefined() throws Exception {
        SpectralTracker t = run(0.5);
        StringWriter out = new StringWriter();
        WindowTable.writeCsv(t.results(), 3, out);
        String[] lines = out.toString().split("\n");
        assertEquals(String.join(",", WindowTable.columnNames(3)), lines[0]);
        assertEquals(1 + t.results().size(), lines.length);
        String[] first = lines[1].split(",", -1);
        assertEquals(WindowTable.columnNames(3).size(), first.length);
        assertEquals("", first[4], "σ_3 of a 2-update window does not exist");
        assertTrue(out.toString().indexOf("NaN") < 0);
        // the window with updates (0,2,0),(0,0,0),(0,0,0) then only zeros: 𝒜 = ∞ when it changes with a zero gap
        assertTrue(out.toString().contains("Infinity"), out.toString());

        Table table = WindowTable.of("g", 3, t.results());
        assertEquals(t.results().size(), table.rowCount());
        assertEquals(WindowTable.columnNames(3), table.columnNames());
        assertTrue(table.column("sigma_3").isMissing(0));
        assertEquals(2.0, table.doubleColumn("sigma_1").get(0), 0);
        assertEquals(List.of("step", "size"), table.columnNames().subList(0, 2));
    }

    @Test
    void readingTheCsvBackGivesTheTableOfTheResults(@TempDir Path dir) {
        SpectralTracker t = run(0.5);
        Path file = dir.resolve("windows.csv");
        WindowTable.writeCsv(t.results(), 3, file);
        Table read = WindowTable.read(file), built = WindowTable.of("g", 3, t.results());
        assertEquals(built.columnNames(), read.columnNames());
        assertEquals(built.rowCount(), read.rowCount());
        for (int c = 0; c < built.columnCount(); c++) {
            assertEquals(built.column(c).type(), read.column(c).type(), built.column(c).name());
            for (int r = 0; r < built.rowCount(); r++) {
                assertEquals(built.column(c).isMissing(r), read.column(c).isMissing(r), built.column(c).name() + " row " + r);
                if (!built.column(c).isMissing(r)) {
                    assertEquals(built.column(c).get(r), read.column(c).get(r), built.column(c).name() + " row " + r);
                }
            }
        }
        assertTrue(read.doubleColumn("adiabatic").asList().contains(Double.POSITIVE_INFINITY), "𝒜 = ∞ survives the round trip");
    }

    @Test
    void aFileThatIsNoWindowTableIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("other.csv"), "step,size\nten,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowTable.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
