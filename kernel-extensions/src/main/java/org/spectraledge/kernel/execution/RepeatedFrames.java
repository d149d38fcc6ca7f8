package org.spectraledge.kernel.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds the repetitions of a recursion in a traceback: a stack overflow's 1,024 identical frames (or a cycle of a few
 * mutually recursive ones) become the cycle once and one line saying how often it repeats.
 */
final class RepeatedFrames {
    /** The longest cycle looked for (mutual recursion through this many methods). */
    static final int LONGEST_CYCLE = 8;
    /** Fewer repetitions than this are shown as they are. */
    static final int FEWEST_FOLDED = 3;

    private RepeatedFrames() {}

    /** {@code frames} with every cycle that repeats at least {@value #FEWEST_FOLDED} times shown once. */
    static List<String> fold(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int bestLength = 0, bestRepeats = 1;
            for (int length = 1; length <= LONGEST_CYCLE && i + 2 * length <= frames.size(); length++) {
                int repeats = repeats(frames, i, length);
                if (repeats >= FEWEST_FOLDED && repeats * length > bestRepeats * bestLength) {
                    bestLength = length;
                    bestRepeats = repeats;
                }
            }
            if (bestLength == 0) {
                out.add(frames.get(i++));
                continue;
            }
            out.addAll(frames.subList(i, i + bestLength));
            out.add("    ... " + (bestLength == 1 ? "the frame above repeats " : "the " + bestLength + " frames above repeat ")
                    + (bestRepeats - 1) + " more times");
            i += bestLength * bestRepeats;
        }
        return out;
    }

    /** How many times the {@code length} frames from {@code start} occur in a row. */
    private static int repeats(List<String> frames, int start, int length) {
        int n = 1;
        while (start + (n + 1) * length <= frames.size()
                && frames.subList(start + n * length, start + (n + 1) * length).equals(frames.subList(start, start + length))) {
            n++;
        }
        return n;
    }
}
