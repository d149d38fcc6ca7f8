package org.spectraledge.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes float32 or float64 arrays as NumPy {@code .npy} files, format version 1.0, little-endian,
 * C order, the layout {@code numpy.save} uses for such arrays, so {@code numpy.load} reads them.
 *
 * <p>The header is padded with spaces and ends in a newline so that the data starts at a multiple of
 * 64 bytes, as NumPy does. Data is written in 1 MiB chunks: no second copy of a large array is made.
 */
public final class NpyWriter {
    /** NumPy aligns the start of the data to this many bytes. */
    private static final int ALIGN = 64;
    private static final int CHUNK_BYTES = 1 << 20;

    private NpyWriter() {}

    /**
     * Writes {@code data} as float32, replacing {@code file} if it exists.
     *
     * @param shape dimensions in C order; none means a 1-D vector of {@code data.length}
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} values
     */
    public static void write(Path file, float[] data, int... shape) throws IOException {
        int[] dims = checkShape(data.length, shape);
        try (FileChannel ch = create(file)) {
            writeFully(ch, header(NpyDtype.FLOAT32, dims));
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < data.length; from += CHUNK_BYTES / Float.BYTES) {
                int n = Math.min(CHUNK_BYTES / Float.BYTES, data.length - from);
                chunk.clear();
                chunk.asFloatBuffer().put(data, from, n);
                chunk.limit(n * Float.BYTES);
                writeFully(ch, chunk);
            }
        }
    }

    /**
     * Writes {@code data} as float64, replacing {@code file} if it exists.
     *
     * @param shape dimensions in C order; none means a 1-D vector of {@code data.length}
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} values
     */
    public static void write(Path file, double[] data, int... shape) throws IOException {
        int[] dims = checkShape(data.length, shape);
        try (FileChannel ch = create(file)) {
            writeFully(ch, header(NpyDtype.FLOAT64, dims));
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < data.length; from += CHUNK_BYTES / Double.BYTES) {
                int n = Math.min(CHUNK_BYTES / Double.BYTES, data.length - from);
                chunk.clear();
                chunk.asDoubleBuffer().put(data, from, n);
                chunk.limit(n * Double.BYTES);
                writeFully(ch, chunk);
            }
        }
    }

    private static int[] checkShape(int length, int[] shape) {
        if (shape.length == 0) return new int[] {length};
        long product = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            product *= d;
        }
        if (product != length) {
            throw new IllegalArgumentException("shape " + NpyHeader.describe(shape) + " holds " + product
                    + " values but the data has " + length + "; pass a shape whose product is the data length");
        }
        return shape.clone();
    }

    /** Magic, version 1.0, uint16 header length, then the padded header dict. */
    private static ByteBuffer header(NpyDtype dtype, int[] shape) {
        String dict = "{'descr': '<" + dtype.code() + "', 'fortran_order': False, 'shape': "
                + NpyHeader.describe(shape) + ", }";
        int preamble = NpyHeader.MAGIC.length + 2 + 2;
        int unpadded = preamble + dict.length() + 1; // + the final newline
        int padded = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        String text = dict + " ".repeat(padded - unpadded) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("shape with " + shape.length + " dimensions does not fit a "
                    + "version 1.0 header (at most 65535 bytes); use fewer dimensions");
        }
        ByteBuffer buf = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        buf.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return buf.flip();
    }

    private static FileChannel create(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) ch.write(buf);
    }
}
