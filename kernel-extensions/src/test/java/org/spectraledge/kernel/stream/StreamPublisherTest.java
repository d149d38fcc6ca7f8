package org.spectraledge.kernel.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The publisher with its real flushing thread and clock: batches, order, and nothing lost without a marker. */
class StreamPublisherTest {

    private static final Pattern MARKER = Pattern.compile("… ([\\d,]+) lines? not shown; write large output to a file");

    @Test
    void aFloodArrivesInFewMessagesInOrderWithEveryMissingLineCounted() throws Exception {
        List<StreamText> sent = Collections.synchronizedList(new ArrayList<>());
        // a small limit, so that most of the flood is held back
        try (StreamPublisher publisher = new StreamPublisher(new OutputThrottle(20_000, 50_000, OutputThrottle.DEFAULT_LONG_LINE, System::nanoTime),
                Duration.ofMillis(50), 4_096, text -> {})) {
            publisher.attach(sent::add);
            PrintStream out = publisher.stdout();
            Thread cell = new Thread(() -> {
                for (int i = 0; i < 300_000; i++) out.println(i);
            });
            cell.start();
            cell.join();
            publisher.endCell();
        }
        StringBuilder all = new StringBuilder();
        for (StreamText t : sent) {
            assertEquals(StdStream.STDOUT, t.stream());
            all.append(t.text());
        }
        long expected = 0;
        long marked = 0;
        for (String line : all.toString().split("\n")) {
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1).replace(",", ""));
                expected += n;
                marked += n;
            } else {
                assertEquals(String.valueOf(expected), line, "lines arrive in order");
                expected++;
            }
        }
        assertEquals(300_000, expected, "every line is shown or counted");
        assertTrue(marked > 0, "the limit held text back");
        assertTrue(sent.size() < 3_000, "batched: " + sent.size() + " messages for 300,000 lines");
    }

    @Test
    void flushSendsEverythingPrintedBeforeItReturns() {
        List<StreamText> sent = Collections.synchronizedList(new ArrayList<>());
        try (StreamPublisher publisher = new StreamPublisher(OutputThrottle.forJupyter(), Duration.ofHours(1), 4_096, text -> {})) {
            publisher.attach(sent::add);
            publisher.stdout().println("before the display");
            publisher.flush();
            assertEquals(List.of(new StreamText(StdStream.STDOUT, "before the display\n")), sent);
        }
    }

    @Test
    void textPrintedWhileNoCellIsAttachedGoesToTheFallback() {
        List<StreamText> cell = Collections.synchronizedList(new ArrayList<>());
        List<StreamText> fallback = Collections.synchronizedList(new ArrayList<>());
        try (StreamPublisher publisher = new StreamPublisher(OutputThrottle.forJupyter(), Duration.ofHours(1), 4_096, fallback::add)) {
            publisher.attach(cell::add);
            publisher.stderr().println("in the cell");
            publisher.detach();
            publisher.stderr().println("after it");
        }
        assertEquals(List.of(new StreamText(StdStream.STDERR, "in the cell\n")), cell);
        assertEquals(List.of(new StreamText(StdStream.STDERR, "after it\n")), fallback);
    }

    @Test
    void stdoutAndStderrAlternatingFastBecomeOneMessageEachPerFlush() {
        List<StreamText> sent = Collections.synchronizedList(new ArrayList<>());
        try (StreamPublisher publisher = new StreamPublisher(OutputThrottle.forJupyter(), Duration.ofHours(1), 1 << 20, text -> {})) {
            publisher.attach(sent::add);
            for (int i = 0; i < 100; i++) {
                publisher.stdout().println("o" + i);
                publisher.stderr().println("e" + i);
            }
            publisher.flush();
        }
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(0).text().startsWith("o0\no1\n"), sent.get(0).text());
        assertTrue(sent.get(1).text().endsWith("e98\ne99\n"), sent.get(1).text());
    }
}
