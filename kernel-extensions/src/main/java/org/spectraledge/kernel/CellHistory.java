package org.spectraledge.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The cells this kernel has run, for Jupyter's {@code history_request} (a console's up-arrow, {@code %history}-style
 * front ends). One session per kernel process, numbered 1; line numbers are the cells' execution counts. Kept in
 * memory only: a restarted kernel starts a new, empty history.
 *
 * <p>Requests follow IPython's history: {@code tail} gives the last n cells; {@code range} the cells with
 * start ≤ line < stop of a session (0 or 1 both mean this one); {@code search} the last n cells whose input matches a
 * glob pattern ({@code *} any text, {@code ?} one character), with {@code unique} keeping only the newest of equal
 * inputs.
 */
final class CellHistory {

    /** This kernel's session number. */
    static final int SESSION = 1;

    private record Cell(int line, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    /**
     * Records a cell.
     *
     * @param output the text of its result, or {@code null} when it had none
     */
    synchronized void add(int line, String input, String output) {
        cells.add(new Cell(line, input, output));
    }

    /** The entries a request asks for, oldest first. */
    synchronized List<HistoryEntry> answer(HistoryRequest request) {
        List<Cell> chosen;
        if (request instanceof HistoryRequest.Tail tail) {
            chosen = last(cells, tail.getMaxReturnLength());
        } else if (request instanceof HistoryRequest.Range range) {
            int session = range.getSessionIndex();
            chosen = new ArrayList<>();
            if (session == 0 || session == SESSION) {
                for (Cell c : cells) {
                    if (c.line() >= range.getStart() && c.line() < range.getStop()) chosen.add(c);
                }
            }
        } else if (request instanceof HistoryRequest.Search search) {
            Pattern glob = glob(search.getPattern());
            List<Cell> matches = new ArrayList<>();
            for (Cell c : cells) {
                if (glob.matcher(c.input()).matches()) matches.add(c);
            }
            if (search.filterUnique()) {
                Map<String, Cell> newest = new LinkedHashMap<>();
                for (Cell c : matches) {
                    newest.remove(c.input());
                    newest.put(c.input(), c);
                }
                matches = new ArrayList<>(newest.values());
            }
            chosen = last(matches, search.getMaxReturnLength());
        } else {
            chosen = List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (Cell c : chosen) {
            // with output asked for, every entry is an (input, output) pair, "" for a cell without a value
            String output = c.output() == null ? "" : c.output();
            entries.add(new HistoryEntry(SESSION, c.line(), c.input(), request.includeOutput() ? output : null));
        }
        return entries;
    }

    /** The last {@code n} of {@code list}; all of it when n ≤ 0 (IPython's "no limit"). */
    private static List<Cell> last(List<Cell> list, int n) {
        return n <= 0 || n >= list.size() ? list : list.subList(list.size() - n, list.size());
    }

    /** A glob as a regular expression over the whole input. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : (pattern == null ? "*" : pattern).toCharArray()) {
            if (ch == '*' || ch == '?') {
                if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(ch == '*' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
