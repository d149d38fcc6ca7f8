package org.spectraledge.io;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) holding float32 or float64 arrays
 * of any shape, in either byte order.
 *
 * <p>The data is memory-mapped, not read into the heap: see {@link NpyArray}. A Fortran-ordered array
 * ({@code fortran_order: True}, for example one saved from {@code numpy.asfortranarray}) with more than
 * one dimension is transposed into C order, which needs one heap copy.
 *
 * <p>Note on memory maps: the mapping stays valid after the file is closed, but a file truncated by
 * another program while mapped makes later reads fail with an {@link InternalError}. Do not rewrite
 * snapshot files while an analysis reads them.
 */
public final class NpyReader {
    private NpyReader() {}

    /**
     * Reads {@code file}.
     *
     * @return the array, named after the file without {@code .npy}
     * @throws NpyFormatException if the file is not a float32/float64 {@code .npy} file or is truncated
     * @throws IOException if the file does not exist or cannot be read (the message says which)
     */
    public static NpyArray read(Path file) throws IOException {
        requireReadableFile(file, ".npy");
        String source = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader header = NpyHeader.read(ch, source);
            long available = ch.size() - header.length();
            if (available < header.dataBytes()) throw truncatedData(source, header, available);
            ByteBuffer data = header.dataBytes() == 0
                    ? ByteBuffer.allocate(0)
                    : ch.map(FileChannel.MapMode.READ_ONLY, header.length(), header.dataBytes());
            return toArray(stripNpy(file.getFileName().toString()), header, data);
        }
    }

    /**
     * Wraps {@code data} (exactly the header's data bytes) as an array: a typed read-only view in the
     * header's byte order, transposed into C order when the header says Fortran order.
     */
    static NpyArray toArray(String name, NpyHeader header, ByteBuffer data) {
        data.order(header.order());
        Buffer values = header.dtype() == NpyDtype.FLOAT32
                ? data.asFloatBuffer().asReadOnlyBuffer()
                : data.asDoubleBuffer().asReadOnlyBuffer();
        if (header.fortranOrder() && header.shape().length > 1) values = toCOrder(values, header.shape());
        return new NpyArray(name, header.dtype(), header.shape(), values);
    }

    static NpyFormatException truncatedData(String source, NpyHeader header, long available) {
        return new NpyFormatException(source, "truncated: the header promises shape "
                + NpyHeader.describe(header.shape()) + " of " + header.dtype() + " = " + header.dataBytes()
                + " bytes of data, but only " + Math.max(0, available) + " bytes follow the header; "
                + "the file was cut short (interrupted copy or write?), save it again");
    }

    /** {@code name.npy} → {@code name}; other names are kept whole. */
    static String stripNpy(String fileName) {
        return fileName.endsWith(".npy") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /** Fails with a message naming the file and the fix unless {@code file} is a readable regular file. */
    static void requireReadableFile(Path file, String extension) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file; check the path");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory; expected a " + extension + " file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "not readable; check the file's permissions");
        }
    }

    /**
     * Copies Fortran-ordered (column-major) values into a new C-ordered (row-major) heap buffer.
     *
     * <p>Element (i_0, …, i_{n-1}) sits at Fortran offset Σ_k i_k·s_k with s_0 = 1, s_k = s_{k-1}·d_{k-1}.
     * The loop walks the C order (last index fastest) and keeps that offset up to date incrementally.
     */
    private static Buffer toCOrder(Buffer fortran, int[] shape) {
        int n = fortran.capacity();
        int ndim = shape.length;
        int[] stride = new int[ndim];
        stride[0] = 1;
        for (int k = 1; k < ndim; k++) stride[k] = stride[k - 1] * shape[k - 1];
        boolean isFloat = fortran instanceof FloatBuffer;
        float[] f = isFloat ? new float[n] : null;
        double[] d = isFloat ? null : new double[n];
        FloatBuffer fin = isFloat ? (FloatBuffer) fortran : null;
        DoubleBuffer din = isFloat ? null : (DoubleBuffer) fortran;
        int[] index = new int[ndim];
        int offset = 0;
        for (int c = 0; c < n; c++) {
            if (isFloat) f[c] = fin.get(offset);
            else d[c] = din.get(offset);
            // Advance the C-order odometer: bump the last index, carrying into earlier ones.
            for (int k = ndim - 1; k >= 0; k--) {
                index[k]++;
                offset += stride[k];
                if (index[k] < shape[k]) break;
                offset -= stride[k] * shape[k];
                index[k] = 0;
            }
        }
        return isFloat ? FloatBuffer.wrap(f).asReadOnlyBuffer() : DoubleBuffer.wrap(d).asReadOnlyBuffer();
    }
}
