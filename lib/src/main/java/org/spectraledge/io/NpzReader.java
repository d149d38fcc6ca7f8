package org.spectraledge.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives: zip files of {@code .npy} entries, stored
 * ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}).
 *
 * <p>Arrays keep the archive's entry order, which is the order they were saved in: for
 * {@code numpy.savez(f, a, b, c)} that is {@code arr_0, arr_1, arr_2}, and {@code arr_10} comes after
 * {@code arr_9} (not after {@code arr_1} as a sorted listing would have it). Names drop the
 * {@code .npy} suffix, as NumPy's own loader does.
 *
 * <p>Open once and read entries one at a time to keep only one array in memory; each entry is read
 * into the heap (a zip entry cannot be memory-mapped). {@link #readAll(Path)} reads everything.
 *
 * <pre>{@code
 * try (NpzReader npz = NpzReader.open(path)) {
 *     for (String name : npz.names()) process(npz.read(name));
 * }
 * }</pre>
 */
public final class NpzReader implements Closeable {
    private final Path file;
    private final ZipFile zip;
    /** Array name → entry, in archive order. */
    private final Map<String, ZipEntry> entries;

    private NpzReader(Path file, ZipFile zip, Map<String, ZipEntry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
    }

    /**
     * Opens {@code file} and lists its arrays.
     *
     * @throws NpyFormatException if the file is not a zip archive or holds an entry that is not a
     *     {@code .npy} array
     * @throws IOException if the file does not exist or cannot be read
     */
    public static NpzReader open(Path file) throws IOException {
        NpyReader.requireReadableFile(file, ".npz");
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NpyFormatException(file.toString(), "not a valid .npz (zip) archive (" + e.getMessage()
                    + "); the file is corrupt or not an .npz, save it again with numpy.savez", e);
        }
        try {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) continue;
                if (!entry.getName().endsWith(".npy")) {
                    throw new NpyFormatException(file.toString(), "entry '" + entry.getName() + "' is not a .npy "
                            + "array; an .npz must hold only .npy entries, as numpy.savez writes");
                }
                String name = NpyReader.stripNpy(entry.getName());
                if (entries.put(name, entry) != null) {
                    throw new NpyFormatException(file.toString(), "entry '" + entry.getName() + "' appears twice; "
                            + "the archive is corrupt, save it again with numpy.savez");
                }
            }
            return new NpzReader(file, zip, entries);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** Reads every array of {@code file}, in archive order. */
    public static List<NpyArray> readAll(Path file) throws IOException {
        try (NpzReader npz = open(file)) {
            List<NpyArray> arrays = new ArrayList<>();
            for (String name : npz.names()) arrays.add(npz.read(name));
            return arrays;
        }
    }

    /** Array names in archive order (entry names without {@code .npy}). */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    /**
     * Reads one array.
     *
     * @param name a name from {@link #names()}
     * @throws IllegalArgumentException if there is no such array
     * @throws NpyFormatException if the entry is not a float32/float64 array, is truncated, or its
     *     compressed data is corrupt
     */
    public NpyArray read(String name) throws IOException {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no array '" + name + "' in " + file + "; it holds " + names());
        }
        String source = file + "!" + entry.getName();
        // ZipFile does not verify checksums, so a damaged entry could otherwise inflate to wrong numbers.
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32());
                ReadableByteChannel ch = Channels.newChannel(in)) {
            NpyHeader header = NpyHeader.read(ch, source);
            ByteBuffer data = ByteBuffer.allocate((int) header.dataBytes());
            while (data.hasRemaining() && ch.read(data) >= 0) {
                // keep reading: an inflater hands out its output in pieces
            }
            if (data.hasRemaining()) throw NpyReader.truncatedData(source, header, data.position());
            in.transferTo(OutputStream.nullOutputStream()); // the checksum covers the whole entry
            if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                throw new NpyFormatException(source, "checksum mismatch: the archive entry is corrupt; save the "
                        + ".npz again with numpy.savez");
            }
            data.flip();
            return NpyReader.toArray(name, header, data);
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(source, "corrupt archive entry (" + e.getMessage() + "); save the "
                    + ".npz again with numpy.savez", e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
