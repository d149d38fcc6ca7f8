package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** On a terminal, progress is one line redrawn in place; elsewhere it prints nothing. */
class ProgressLineTest {

    @Test
    void aTerminalSeesOneLineRewrittenInPlaceThenEnded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {1_000_000_000L};
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), "train", 4, true, () -> now[0]);
        now[0] += 200_000_000L;
        line.update(1, "loss 2.0");
        now[0] += 50_000_000L;
        line.update(2, "loss 1.0");   // 0.05 s after the last draw: skipped
        now[0] += 10_000_000L;
        line.update(4, "loss 0.1");   // the end is always drawn
        String before = bytes.toString(StandardCharsets.UTF_8);
        line.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertFalse(before.contains("\n"), "no new line while the work runs: " + before);
        assertEquals(2, before.split("\r", -1).length - 1, "one redraw per drawn update, each from the line's start");
        assertTrue(before.startsWith("\rtrain [#######"), before);
        assertTrue(before.contains("] 1/4 ") && before.contains("loss 2.0"), before);
        assertFalse(before.contains("2/4"), "updates closer than 0.1 s apart are not drawn");
        assertTrue(before.contains("\rtrain [" + "#".repeat(30) + "] 4/4 ") && before.contains("loss 0.1"), before);
        assertTrue(before.endsWith("\033[K"), "each draw clears what a longer earlier one left");
        assertTrue(out.endsWith("\n") && out.length() == before.length() + 1, "finish ends the line");
    }

    @Test
    void notATerminalPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), "train", 2);
        line.update(1, "x");
        line.update(2, "y");
        line.finish();
        assertEquals(0, bytes.size());
    }
}
