package org.spectraledge.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A sweep's {@code results.csv}: a header of {@link RunResult#columns} and one row per finished run, in sweep order.
 * The whole file is rewritten to a temporary file and renamed over the old one after every run, so that a kill at any
 * moment leaves either the previous or the new complete file. Cells are RFC 4180 (Apache Commons CSV): quoted when
 * they hold a comma, a quote or a line break; empty where a quantity does not exist.
 */
public final class ResultsFile {
    /** RFC 4180 with {@code \n} between records, so the file reads well in a terminal; blank lines are skipped. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setIgnoreEmptyLines(true).get();

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
        List<RunResult> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterator<CSVRecord> records = FORMAT.parse(r).iterator();
            if (!records.hasNext()) return List.of();
            List<String> header = records.next().toList();
            if (!header.equals(RunResult.columns(keys))) {
                throw new IllegalStateException(file + " holds the results of another sweep (columns " + header
                        + ", this sweep's are " + RunResult.columns(keys) + "); choose another --out or remove it");
            }
            while (records.hasNext()) rows.add(RunResult.fromCells(keys, records.next().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) { // the parser's iterator wraps read and syntax errors
            throw new UncheckedIOException("cannot read " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
        return rows;
    }

    /** Replaces the file by the header and {@code rows} (in the order given), atomically. */
    public void write(Collection<RunResult> rows) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // java.io, not NIO: an interrupted sweep thread must still write its last rows (see RunFolder)
            try (Writer w = new OutputStreamWriter(new FileOutputStream(tmp.toFile()), StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord(RunResult.columns(keys));
                for (RunResult r : rows) p.printRecord(r.cells(keys)); // a null cell prints as an empty one
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
