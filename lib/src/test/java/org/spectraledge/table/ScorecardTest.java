package org.spectraledge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScorecardTest {
    @Test
    void rowsKeepTheirOrderAndVerdicts() {
        Scorecard card = new Scorecard("card")
                .add("§3 BBP vacuous", "20–300×", "7.9×", true)
                .add("§7 Muon k* = 1, AdamW k* = 2", "1 vs 2", "1 vs 1", false);
        assertEquals(1, card.count(Scorecard.Verdict.CONFIRMED));
        assertEquals(1, card.count(Scorecard.Verdict.NOT_CONFIRMED));

        Table t = card.table();
        assertEquals(List.of("prediction", "thesis value", "measured", "verdict"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals("§3 BBP vacuous", t.stringColumn("prediction").get(0));
        assertEquals("1 vs 1", t.stringColumn("measured").get(1));
        assertEquals("confirmed", t.stringColumn("verdict").get(0));
        assertEquals("not confirmed", t.stringColumn("verdict").get(1));
        assertEquals("card: 1 of 2 confirmed", t.name());
        assertEquals(Scorecard.Verdict.NOT_CONFIRMED, card.entries().get(1).verdict());
    }

    @Test
    void incompleteEntriesAreRefused() {
        Scorecard card = new Scorecard("card");
        assertThrows(IllegalArgumentException.class, () -> card.add(" ", "x", "y", true));
        assertThrows(IllegalArgumentException.class, () -> card.add("claim", null, "y", true));
        assertEquals(0, card.entries().size());
    }
}
