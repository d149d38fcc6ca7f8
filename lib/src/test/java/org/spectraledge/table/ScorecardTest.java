package org.spectraledge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScorecardTest {
    @Test
    void predictionsComeFirstAndChecksAreCountedApart() {
        Scorecard card = new Scorecard("card")
                .addCheck("§6 gap-flow identity", "exact", "1e-15", "an algebraic identity", "1 run", true)
                .addPrediction("§7 ω = 1 groks", "24/24", "rate ≥ 0.9", "8/8 [0.68, 1.00]", "ω = 0: 0/8", "8 per arm", true)
                .addPrediction("§7 Muon k* = 1, AdamW k* = 2", "1 vs 2", "modes differ", "1 vs 1", "AdamW: 1", "8 per arm", false);
        assertEquals(1, card.count(Scorecard.Kind.PREDICTION, Scorecard.Verdict.CONFIRMED));
        assertEquals(1, card.count(Scorecard.Kind.PREDICTION, Scorecard.Verdict.NOT_CONFIRMED));
        assertEquals(1, card.count(Scorecard.Kind.CHECK, Scorecard.Verdict.CONFIRMED));

        Table t = card.table();
        assertEquals(List.of("kind", "claim", "thesis value", "rule (or why it cannot fail)", "measured", "control", "N", "verdict"),
                t.columnNames());
        assertEquals(List.of("prediction", "prediction", "check"), t.stringColumn("kind").asList());
        assertEquals("§7 ω = 1 groks", t.stringColumn("claim").get(0));
        assertEquals("ω = 0: 0/8", t.stringColumn("control").get(0));
        assertEquals("an algebraic identity", t.stringColumn("rule (or why it cannot fail)").get(2));
        assertEquals("not confirmed", t.stringColumn("verdict").get(1));
        assertEquals("card: 1 of 2 predictions confirmed; 1 checks", t.name());
    }

    @Test
    void incompleteEntriesAreRefused() {
        Scorecard card = new Scorecard("card");
        assertThrows(IllegalArgumentException.class, () -> card.addPrediction(" ", "x", "r", "y", "c", "1", true));
        assertThrows(IllegalArgumentException.class, () -> card.addPrediction("claim", "x", "", "y", "c", "8", true),
                "a prediction without its rule");
        assertThrows(IllegalArgumentException.class, () -> card.addPrediction("claim", "x", "r", "y", "c", "", true),
                "a prediction without N");
        assertThrows(IllegalArgumentException.class, () -> card.addCheck("claim", "x", "y", " ", "1", true),
                "a check that does not say why it cannot fail");
        assertEquals(0, card.entries().size());
    }
}
