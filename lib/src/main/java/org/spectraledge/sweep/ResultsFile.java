package org.spectraledge.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A sweep's {@code results.csv}: a header of {@link RunResult#columns} and one row per finished run, in sweep order.
 * The whole file is rewritten to a temporary file and renamed over the old one after every run, so that a kill at any
 * moment leaves either the previous or the new complete file. Cells are RFC 4180: quoted when they hold a comma or a
 * quote; empty where a quantity does not exist.
 */
public final class ResultsFile {
    private final Path file;
    private final List<String> keys;

    /**
     * @param file the CSV file
     * @param keys the sweep's configuration keys
     */
    public ResultsFile(Path file, List<String> keys) {
        this.file = file;
        this.keys = List.copyOf(keys);
    }

    public Path path() { return file; }

    /**
     * The rows already in the file (none if it does not exist).
     *
     * @throws IllegalStateException if the file has other columns (another sweep's results)
     */
    public List<RunResult> read() {
        if (!Files.exists(file)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) return List.of();
        List<String> header = split(lines.get(0));
        if (!header.equals(RunResult.columns(keys))) {
            throw new IllegalStateException(file + " holds the results of another sweep (columns " + header + ", this sweep's are "
                    + RunResult.columns(keys) + "); choose another --out or remove it");
        }
        List<RunResult> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) rows.add(RunResult.fromCells(keys, split(line)));
        }
        return rows;
    }

    /** Replaces the file by the header and {@code rows} (in the order given), atomically. */
    public void write(Collection<RunResult> rows) {
        StringBuilder b = new StringBuilder();
        line(b, new ArrayList<>(RunResult.columns(keys)));
        for (RunResult r : rows) line(b, r.cells(keys));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // java.io, not NIO: an interrupted sweep thread must still write its last rows (see RunFolder)
            try (Writer w = new OutputStreamWriter(new FileOutputStream(tmp.toFile()), StandardCharsets.UTF_8)) {
                w.write(b.toString());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            Object c = cells.get(i);
            if (c == null) continue;
            String s = c.toString();
            b.append(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        b.append('\n');
    }

    /** Splits one CSV line, undoing the quoting of {@link #line}. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
