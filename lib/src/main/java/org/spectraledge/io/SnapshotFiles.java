package org.spectraledge.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spectraledge.spectral.VectorSource;

/**
 * A sequence of parameter snapshots saved by any framework as NumPy files, in step order:
 * <ul>
 *   <li>several {@code .npy} files, one flattened snapshot each, in the order given;</li>
 *   <li>a folder of {@code .npy} files, in natural name order ({@code theta_2.npy} before {@code theta_10.npy});</li>
 *   <li>one {@code .npz} archive, one snapshot per entry, in the order they were saved;</li>
 *   <li>one 2-D {@code .npy} of shape T×P, one snapshot per row.</li>
 * </ul>
 * float32 or float64; any shape per snapshot is flattened in C order. Snapshots are read one at a time ({@code .npy}
 * files are memory-mapped), so sequences larger than memory work.
 */
public final class SnapshotFiles implements Closeable {

    /** Where a snapshot comes from, for messages: a file, an archive entry or a row. */
    private interface Entry {
        String describe();
        VectorSource read() throws IOException;
    }

    private final List<Entry> entries;
    private final NpzReader archive;

    private SnapshotFiles(List<Entry> entries, NpzReader archive) {
        this.entries = entries;
        this.archive = archive;
    }

    /**
     * Lists the snapshots of the given inputs (see the class comment for what each may be).
     *
     * @throws NpyFormatException  if an input is not a NumPy file or folder of them (message names the file)
     * @throws java.nio.file.NoSuchFileException if an input does not exist
     */
    public static SnapshotFiles open(List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input: give .npy files, a folder of .npy files, or one .npz");
        if (inputs.size() == 1 && inputs.get(0).toString().endsWith(".npz")) {
            Path file = inputs.get(0);
            NpzReader npz = NpzReader.open(file);
            List<Entry> entries = new ArrayList<>();
            for (String name : npz.names()) {
                entries.add(new Entry() {
                    @Override public String describe() { return file + " entry '" + name + "'"; }
                    @Override public VectorSource read() throws IOException { return source(npz.read(name)); }
                });
            }
            return new SnapshotFiles(entries, npz);
        }
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> list = Files.list(in)) {
                    List<Path> found = list.filter(p -> p.getFileName().toString().endsWith(".npy"))
                            .sorted(Comparator.comparing(p -> p.getFileName().toString(), SnapshotFiles::compareNatural))
                            .collect(Collectors.toList());
                    if (found.isEmpty()) throw new NpyFormatException(in.toString(), "folder holds no .npy files");
                    files.addAll(found);
                }
            } else if (in.toString().endsWith(".npz")) {
                throw new NpyFormatException(in.toString(), "an .npz archive must be the only input");
            } else {
                if (!Files.exists(in)) throw new java.nio.file.NoSuchFileException(in.toString(), null, "no such snapshot file");
                files.add(in);
            }
        }
        if (files.size() == 1) {
            NpyArray only = NpyReader.read(files.get(0));
            if (only.shape().length == 2) return rows(files.get(0), only);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path f : files) {
            entries.add(new Entry() {
                @Override public String describe() { return f.toString(); }
                @Override public VectorSource read() throws IOException { return source(NpyReader.read(f)); }
            });
        }
        return new SnapshotFiles(entries, null);
    }

    /** Number of snapshots T. */
    public int count() { return entries.size(); }

    /** The file (or archive entry, or row) snapshot {@code index} comes from. */
    public String describe(int index) { return entries.get(index).describe(); }

    /** Snapshot {@code index} (0-based) as a flat vector. */
    public VectorSource read(int index) throws IOException { return entries.get(index).read(); }

    @Override
    public void close() throws IOException {
        if (archive != null) archive.close();
    }

    private static SnapshotFiles rows(Path file, NpyArray matrix) {
        int t = matrix.shape()[0], p = matrix.shape()[1];
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < t; r++) {
            int row = r;
            entries.add(new Entry() {
                @Override public String describe() { return file + " row " + row; }
                @Override public VectorSource read() {
                    if (matrix.isFloat32()) {
                        FloatBuffer b = matrix.floatBuffer();
                        return VectorSource.of(b.position(row * p).limit(row * p + p));
                    }
                    DoubleBuffer b = matrix.doubleBuffer();
                    return VectorSource.of(b.position(row * p).limit(row * p + p));
                }
            });
        }
        return new SnapshotFiles(entries, null);
    }

    private static VectorSource source(NpyArray a) {
        return a.isFloat32() ? VectorSource.of(a.floatBuffer()) : VectorSource.of(a.doubleBuffer());
    }

    /** Compares names so that embedded numbers sort by value: a2 &lt; a10. */
    static int compareNatural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) return c;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
