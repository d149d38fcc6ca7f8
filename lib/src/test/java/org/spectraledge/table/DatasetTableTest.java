package org.spectraledge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.ModularArithmetic;
import org.spectraledge.datasets.ModularDataset;
import org.spectraledge.datasets.ModularOp;
import org.spectraledge.datasets.Split;
import tech.tablesaw.api.Table;

class DatasetTableTest {
    @Test
    void previewShowsTrainThenTestRowsWithTheirTargets() {
        ModularDataset d = ModularArithmetic.builder().setOp(ModularOp.ADD).setP(7).optTrainFraction(0.5).optSeed(1).build();
        Table t = DatasetTable.preview(d, 3);
        assertEquals(6, t.rowCount());
        assertEquals("train", t.stringColumn("split").get(0));
        assertEquals("test", t.stringColumn("split").get(3));
        int a = d.inputs(Split.TRAIN)[0][0], b = d.inputs(Split.TRAIN)[0][1];
        assertEquals(String.valueOf((a + b) % 7), t.stringColumn("target").get(0));
        assertTrue(t.name().contains("add") && t.name().contains("train"), t.name());
    }
}
