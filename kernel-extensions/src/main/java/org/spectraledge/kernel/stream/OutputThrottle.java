package org.spectraledge.kernel.stream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits how much printed text leaves the kernel, and says exactly what it held back.
 *
 * <p>Why: a Jupyter front end cannot take unbounded output. The Notebook server drops IOPub messages without a trace
 * once more than 1 MB/s (averaged over 3 s) arrives, and a browser tab slows to a crawl long before a million lines.
 * Here the loss is decided in one place and announced in the stream itself.
 *
 * <p>A token bucket over characters (a newline counts twice, as JSON escapes it): it holds at most {@code burst}
 * tokens and refills at {@code perSecond}. The unit of loss is the line. A line whose first text finds too few tokens
 * is not shown at all. A line whose start was shown is shown to its end (its later pieces may overdraw the bucket, so
 * that no ordinary line is ever shown truncated) unless it grows past {@code longLine} characters without tokens to
 * pay for it: then it ends in "…" and its rest is counted in characters. Where text was held back, the next shown
 * text on that stream is preceded by a marker line such as
 * <pre>… 7,004 lines not shown; write large output to a file</pre>
 * and {@link #endCell()} gives the markers still owed when the cell ends, so a reader can always count what is missing.
 *
 * <p>The bucket is shared by both streams and lasts across cells (front ends limit by time, not per cell); the state
 * of the line being written is per stream and per cell. Not thread-safe: its owner calls it from one flushing thread
 * at a time.
 */
public final class OutputThrottle {

    /** Characters of one line that are shown whatever the bucket holds, once its start was shown. */
    public static final int DEFAULT_LONG_LINE = 10_000;
    /** Text a cell may print at once before the rate applies. */
    public static final long DEFAULT_BURST = 1_000_000;
    /**
     * The sustained rate, in characters per second. With {@link #DEFAULT_BURST} at most 2.2 million characters pass in
     * any 3 s, under the Notebook server's default of 3 MB per 3 s with room for message headers.
     */
    public static final long DEFAULT_PER_SECOND = 400_000;

    private enum LineState { START, SHOWING, DROPPING, CUTTING }

    /** Per stream: what happens to the line being written, and what was held back since the last shown text. */
    private static final class Line {
        LineState state = LineState.START;
        long droppedLines;
        long cutChars;
        /** The last text shown on this stream ended inside a line (a marker must start on a new line). */
        boolean shownMidLine;
        /** Characters shown of the line being written. */
        long shownChars;

        boolean owesMarker() {
            return droppedLines > 0 || cutChars > 0;
        }
    }

    private final long burst;
    private final double perNano;
    private final int longLine;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;
    private final Map<StdStream, Line> lines = new EnumMap<>(StdStream.class);

    /**
     * @param burst     characters that may pass at once (at least 1)
     * @param perSecond characters per second that may pass when sustained (at least 1)
     * @param longLine  characters of a line shown once its start was shown, whatever the bucket holds (at least 0)
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public OutputThrottle(long burst, long perSecond, int longLine, LongSupplier nanoClock) {
        if (burst < 1 || perSecond < 1 || longLine < 0) {
            throw new IllegalArgumentException("the output limit needs a burst and a rate of at least 1 character and a "
                    + "long-line length of at least 0, got " + burst + ", " + perSecond + "/s and " + longLine);
        }
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.longLine = longLine;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
        for (StdStream s : StdStream.values()) {
            lines.put(s, new Line());
        }
    }

    /** The limit used for Jupyter front ends: the defaults above and the system clock. */
    public static OutputThrottle forJupyter() {
        return new OutputThrottle(DEFAULT_BURST, DEFAULT_PER_SECOND, DEFAULT_LONG_LINE, System::nanoTime);
    }

    /**
     * Passes {@code runs} (in the order written) through the limit.
     *
     * @return what to show, in order, with markers where text was held back; consecutive text of one stream joined
     */
    public List<StreamText> admit(List<StreamText> runs) {
        refill();
        Output out = new Output();
        for (StreamText run : runs) {
            Line line = lines.get(run.stream());
            String text = run.text();
            int start = 0;
            while (start < text.length()) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? text.length() : newline + 1;
                admitPiece(run.stream(), line, text, start, end, newline >= 0, out);
                start = end;
            }
        }
        return out.runs();
    }

    /**
     * Ends the cell: the markers still owed (text held back and not followed by shown text), and a fresh line state
     * for the next cell. The token bucket carries over.
     */
    public List<StreamText> endCell() {
        Output out = new Output();
        for (Map.Entry<StdStream, Line> e : lines.entrySet()) {
            Line line = e.getValue();
            if (line.owesMarker()) {
                out.add(e.getKey(), marker(line));
            }
            e.setValue(new Line());
        }
        return out.runs();
    }

    /** One piece of a line: from {@code start} to {@code end}, which ends the line when {@code endsLine}. */
    private void admitPiece(StdStream stream, Line line, String text, int start, int end, boolean endsLine, Output out) {
        int length = end - start;
        double cost = length + (endsLine ? 1 : 0);
        switch (line.state) {
            case START:
                if (tokens >= cost) {
                    show(stream, line, text, start, end, endsLine, cost, out);
                } else {
                    line.droppedLines++;
                    line.state = endsLine ? LineState.START : LineState.DROPPING;
                }
                break;
            case SHOWING:
                if (tokens >= cost || line.shownChars + length <= longLine) {
                    show(stream, line, text, start, end, endsLine, cost, out);
                } else { // the end of a long line: the shown part ends in "…" on a line of its own, the rest is counted
                    out.add(stream, "…");
                    line.state = LineState.CUTTING;
                    cut(stream, line, length, endsLine, out);
                }
                break;
            case DROPPING:
                if (endsLine) {
                    line.state = LineState.START;
                }
                break;
            case CUTTING:
                cut(stream, line, length, endsLine, out);
                break;
            default:
                throw new AssertionError(line.state);
        }
    }

    private void show(StdStream stream, Line line, String text, int start, int end, boolean endsLine, double cost, Output out) {
        if (line.state == LineState.START && line.owesMarker()) {
            out.add(stream, marker(line));
        }
        tokens -= cost;
        out.add(stream, text.substring(start, end));
        line.shownMidLine = !endsLine;
        line.shownChars = endsLine ? 0 : line.shownChars + (end - start);
        line.state = endsLine ? LineState.START : LineState.SHOWING;
    }

    /** Counts a piece of a line being cut; at the line's end, closes it so that the next line starts on its own. */
    private static void cut(StdStream stream, Line line, int length, boolean endsLine, Output out) {
        line.cutChars += endsLine ? length - 1 : length;
        line.shownMidLine = true;
        if (endsLine) {
            out.add(stream, "\n");
            line.shownMidLine = false;
            line.shownChars = 0;
            line.state = LineState.START;
        }
    }

    /** The marker for what {@code line} held back; resets its counts. */
    private static String marker(Line line) {
        StringBuilder m = new StringBuilder(line.shownMidLine ? "\n" : "");
        m.append("… ");
        if (line.droppedLines > 0) {
            m.append(count(line.droppedLines, "line"));
            if (line.cutChars > 0) {
                m.append(" and ");
            }
        }
        if (line.cutChars > 0) {
            m.append(count(line.cutChars, "character")).append(" of long lines");
        }
        m.append(" not shown; write large output to a file\n");
        line.droppedLines = 0;
        line.cutChars = 0;
        line.shownMidLine = false;
        return m.toString();
    }

    private static String count(long n, String unit) {
        return String.format(Locale.ROOT, "%,d %s%s", n, unit, n == 1 ? "" : "s");
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }

    /** Shown runs in order, consecutive text of one stream joined. */
    private static final class Output {
        private final List<StdStream> streams = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();

        void add(StdStream stream, String text) {
            if (streams.isEmpty() || streams.get(streams.size() - 1) != stream) {
                streams.add(stream);
                texts.add(new StringBuilder());
            }
            texts.get(texts.size() - 1).append(text);
        }

        List<StreamText> runs() {
            List<StreamText> runs = new ArrayList<>(streams.size());
            for (int i = 0; i < streams.size(); i++) {
                runs.add(new StreamText(streams.get(i), texts.get(i).toString()));
            }
            return runs;
        }
    }
}
