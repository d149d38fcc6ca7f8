package org.spectraledge.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.junit.jupiter.api.Test;

/** IPython's history semantics: tail, range with an exclusive stop, glob search with unique and n. */
class CellHistoryTest {

    private static CellHistory history() {
        CellHistory h = new CellHistory();
        h.add(1, "int x = 6;", null);
        h.add(2, "6 * 7", "42");
        h.add(3, "x + 1", "7");
        h.add(4, "6 * 7", "42");
        h.add(5, "display(md(\"a\"));", null);
        return h;
    }

    private static List<Integer> lines(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    @Test
    void tailGivesTheLastCellsOldestFirst() {
        List<HistoryEntry> tail = history().answer(new HistoryRequest.Tail(false, true, 2));
        assertEquals(List.of(4, 5), lines(tail));
        assertEquals(CellHistory.SESSION, tail.get(0).getSession());
        assertFalse(tail.get(0).hasOutput());
        assertEquals(List.of(1, 2, 3, 4, 5), lines(history().answer(new HistoryRequest.Tail(false, true, 0))), "0: no limit");
    }

    @Test
    void rangeStopsBeforeStopAndKnowsOnlyThisSession() {
        assertEquals(List.of(2, 3), lines(history().answer(new HistoryRequest.Range(false, true, 1, 2, 4))));
        assertEquals(List.of(2, 3), lines(history().answer(new HistoryRequest.Range(false, true, 0, 2, 4))), "0 = this session");
        assertTrue(history().answer(new HistoryRequest.Range(false, true, 7, 1, 9)).isEmpty());
    }

    @Test
    void searchMatchesGlobsKeepsTheNewestOfEqualInputsAndTheLastN() {
        CellHistory h = history();
        assertEquals(List.of(2, 4), lines(h.answer(new HistoryRequest.Search(false, true, 0, "6 *", false))));
        assertEquals(List.of(4), lines(h.answer(new HistoryRequest.Search(false, true, 0, "6 *", true))));
        assertEquals(List.of(4, 5), lines(h.answer(new HistoryRequest.Search(false, true, 2, "*", true))), "the last 2 distinct");
        assertEquals(List.of(1, 3), lines(h.answer(new HistoryRequest.Search(false, true, 0, "*x*", false))));
        assertEquals(List.of(5), lines(h.answer(new HistoryRequest.Search(false, true, 0, "display(md(\"?\"));", false))),
                "? is one character and the rest is literal, brackets and quotes included");
    }

    @Test
    void withOutputEveryEntryIsAPair() {
        List<HistoryEntry> tail = history().answer(new HistoryRequest.Tail(true, true, 2));
        assertEquals("42", tail.get(0).getOutput());
        assertEquals("", tail.get(1).getOutput(), "a cell without a value still gets an (input, output) pair");
    }
}
