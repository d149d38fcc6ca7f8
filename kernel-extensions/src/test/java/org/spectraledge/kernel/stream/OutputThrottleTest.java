package org.spectraledge.kernel.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The throttle on a clock the test moves: what is shown, what is held back, and the markers that count it. */
class OutputThrottleTest {

    private static final Pattern MARKER = Pattern.compile("… ([\\d,]+) lines? not shown; write large output to a file");

    private final AtomicLong nanos = new AtomicLong();

    /** A throttle whose long lines are cut as soon as the bucket cannot pay for them. */
    private OutputThrottle throttle(long burst, long perSecond) {
        return new OutputThrottle(burst, perSecond, 0, nanos::get);
    }

    private static List<StreamText> out(String text) {
        return List.of(new StreamText(StdStream.STDOUT, text));
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append("line").append(i % 100 < 10 ? "0" : "").append(i % 100).append('\n'); // 7 characters, cost 8
        }
        return b.toString();
    }

    @Test
    void textWithinTheBurstPassesUnchanged() {
        OutputThrottle t = throttle(1_000, 1);
        assertEquals(out("hello\nworld"), t.admit(out("hello\nworld")));
        assertEquals(List.of(), t.endCell());
    }

    @Test
    void linesBeyondTheBurstAreCountedInAMarkerAtTheEndOfTheCell() {
        OutputThrottle t = throttle(100, 1);
        // 50 lines of cost 8: 12 fit in 100 tokens
        assertEquals(out(lines(0, 12)), t.admit(out(lines(0, 50))));
        assertEquals(out("… 38 lines not shown; write large output to a file\n"), t.endCell());
    }

    @Test
    void afterARefillTheMarkerComesBeforeTheNextShownLine() {
        OutputThrottle t = throttle(16, 8);
        assertEquals(out(lines(0, 2)), t.admit(out(lines(0, 5))));
        nanos.addAndGet(1_000_000_000L); // 8 tokens: one line
        assertEquals(out("… 3 lines not shown; write large output to a file\n" + lines(5, 6)), t.admit(out(lines(5, 7))));
        assertEquals(out("… 1 line not shown; write large output to a file\n"), t.endCell());
    }

    @Test
    void aLineIsShownWholeOrNotAtAllEvenWhenWrittenInPieces() {
        OutputThrottle t = throttle(10, 1);
        assertEquals(List.of(), t.admit(out("a very long first piece")));
        assertEquals(List.of(), t.admit(out("ab\n"))); // the rest of the dropped line, though it would fit
        assertEquals(out("… 1 line not shown; write large output to a file\nxy\n"), t.admit(out("xy\n")));
    }

    @Test
    void theEndOfALongLineIsCutAndCountedInCharacters() {
        OutputThrottle t = throttle(10, 1);
        assertEquals(out("aaaaaa"), t.admit(out("aaaaaa")));
        assertEquals(out("…\n"), t.admit(out("bbbbbbbbbb\n"))); // the shown part ends in "…" on a line of its own
        assertEquals(out("… 10 characters of long lines not shown; write large output to a file\n"), t.endCell());
    }

    @Test
    void aMarkerOwedInsideALineStartsOnANewLine() {
        OutputThrottle t = throttle(5, 1);
        assertEquals(out("abc"), t.admit(out("abc")));
        assertEquals(out("…"), t.admit(out("defgh")));
        assertEquals(out("\n… 5 characters of long lines not shown; write large output to a file\n"), t.endCell());
    }

    @Test
    void aShortLineWhoseStartWasShownIsShownToItsEndOnCredit() {
        OutputThrottle t = new OutputThrottle(10, 1, 100, nanos::get);
        assertEquals(out("line 1"), t.admit(out("line 1")));
        assertEquals(out("23456789\n"), t.admit(out("23456789\n")), "no ordinary line is shown truncated");
        assertEquals(List.of(), t.admit(out("next\n")), "the overdrawn bucket holds the next line back");
        assertEquals(out("… 1 line not shown; write large output to a file\n"), t.endCell());
    }

    @Test
    void eachStreamCountsItsOwnLinesAndTheOrderIsKept() {
        OutputThrottle t = throttle(8, 1);
        List<StreamText> shown = t.admit(List.of(
                new StreamText(StdStream.STDOUT, "out1\n"),
                new StreamText(StdStream.STDERR, "err1\nerr2\n"),
                new StreamText(StdStream.STDOUT, "out2\n")));
        assertEquals(out("out1\n"), shown);
        assertEquals(List.of(
                new StreamText(StdStream.STDOUT, "… 1 line not shown; write large output to a file\n"),
                new StreamText(StdStream.STDERR, "… 2 lines not shown; write large output to a file\n")), t.endCell());
    }

    @Test
    void theBucketCarriesOverToTheNextCellButTheLineStateDoesNot() {
        OutputThrottle t = throttle(10, 1);
        t.admit(out("0123456")); // shown, mid-line
        t.endCell();
        assertEquals(List.of(), t.admit(out("abcd\n")), "3 tokens left from the last cell");
        assertEquals(out("… 1 line not shown; write large output to a file\n"), t.endCell());
    }

    /** Whatever the text and the timing: every line is shown in order or counted by a marker, exactly. */
    @Test
    void shownLinesAndMarkedLinesAddUpToEveryLineWritten() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            OutputThrottle t = new OutputThrottle(1 + random.nextInt(200), 1 + random.nextInt(500), 100, nanos::get);
            int total = 200 + random.nextInt(2_000);
            List<StreamText> shown = new ArrayList<>();
            int next = 0;
            while (next < total) {
                int n = Math.min(total - next, 1 + random.nextInt(50));
                StringBuilder text = new StringBuilder();
                for (int i = next; i < next + n; i++) text.append(i).append('\n');
                next += n;
                // pieces cut at random points, lines split across pieces
                String s = text.toString();
                int cut = random.nextInt(s.length());
                shown.addAll(t.admit(out(s.substring(0, cut))));
                shown.addAll(t.admit(out(s.substring(cut))));
                nanos.addAndGet(random.nextInt(5_000_000));
            }
            shown.addAll(t.endCell());
            StringBuilder all = new StringBuilder();
            shown.forEach(r -> all.append(r.text()));
            long marked = 0;
            int expected = 0;
            for (String line : all.toString().split("\n")) {
                Matcher m = MARKER.matcher(line);
                if (m.matches()) {
                    marked += Long.parseLong(m.group(1).replace(",", ""));
                    expected += Long.parseLong(m.group(1).replace(",", ""));
                } else {
                    assertEquals(String.valueOf(expected), line, "trial " + trial + ": lines shown in order");
                    expected++;
                }
            }
            assertEquals(total, expected, "trial " + trial);
            assertTrue(marked > 0, "trial " + trial + " dropped nothing, so it checked nothing");
        }
    }

    @Test
    void aLimitBelowOneCharacterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> throttle(0, 10));
        assertTrue(e.getMessage().contains("at least 1 character"), e.getMessage());
    }
}
