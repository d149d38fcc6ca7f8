package org.spectraledge.kernel.execution;

/**
 * One complete JShell snippet cut out of a cell.
 *
 * @param source    the snippet's code, leading whitespace removed (JShell miscounts lines after
 *                  leading line breaks), possibly with a {@code ;} JShell added at the end
 * @param offset    index in the cell of the snippet's first character
 * @param firstLine 1-based line of the cell on which the snippet starts
 */
public record CellSnippet(String source, int offset, int firstLine) {
    public CellSnippet {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("a snippet needs code, got '" + source + "'");
        }
        if (offset < 0 || firstLine < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and firstLine >= 1, got " + offset + ", " + firstLine);
        }
    }

    /** The 1-based cell line of {@code position}, an index into {@link #source()}. */
    public int cellLineOf(int position) {
        int line = firstLine;
        for (int i = 0; i < Math.min(position, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
