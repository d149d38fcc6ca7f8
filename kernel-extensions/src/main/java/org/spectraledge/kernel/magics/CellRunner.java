package org.spectraledge.kernel.magics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;

/**
 * Runs a whole notebook cell: Java goes to the {@link CellEvaluator}, magics to {@link Magics}.
 *
 * <ul>
 *   <li>A cell whose first line is {@code %%name args} is handed whole to that cell magic.</li>
 *   <li>Otherwise every line that starts (in column 0) with {@code %} and a letter is a line magic;
 *       the Java between them runs in order, with errors naming the cell's own lines.</li>
 * </ul>
 * The cell's value is that of its last part (Java expression or magic).
 */
public final class CellRunner {

    private static final Pattern MAGIC = Pattern.compile("%([A-Za-z][\\w-]*)(.*)", Pattern.DOTALL);

    private final CellEvaluator evaluator;
    private final Magics magics;

    public CellRunner(CellEvaluator evaluator, Magics magics) {
        this.evaluator = evaluator;
        this.magics = magics;
    }

    public CellResult run(String cell, String label) throws CellException {
        if (cell.startsWith("%%")) {
            int nl = cell.indexOf('\n');
            String header = nl < 0 ? cell.substring(2) : cell.substring(2, nl);
            String body = nl < 0 ? "" : cell.substring(nl + 1);
            return magics.run(parse(header, body, 1, label), true);
        }
        CellResult last = CellResult.NONE;
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(lines[i]);
            if (!m.matches()) {
                java.append(lines[i]).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                last = evaluator.eval(java.toString(), label, javaStart);
            }
            java.setLength(0);
            javaStart = i + 2;
            last = magics.run(new MagicCall(m.group(1), m.group(2).strip(), "", i + 1, label), false);
        }
        if (!java.toString().isBlank()) {
            last = evaluator.eval(java.toString(), label, javaStart);
        }
        return last;
    }

    private static MagicCall parse(String header, String body, int line, String label) throws CellException {
        Matcher m = MAGIC.matcher("%" + header);
        if (!m.matches()) {
            MagicCall bad = new MagicCall("?", header, body, line, label);
            throw new MagicException(bad, "a cell magic line reads %%name [args], got %%" + header);
        }
        return new MagicCall(m.group(1), m.group(2).strip(), body, line, label);
    }
}
