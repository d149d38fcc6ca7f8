package org.spectraledge.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parsed preamble of a {@code .npy} stream: everything before the first data byte.
 *
 * <p>Layout (NumPy format versions 1.0, 2.0, 3.0): the magic {@code \x93NUMPY}, one byte each for
 * the major and minor version, the header length as little-endian {@code uint16} (1.0) or
 * {@code uint32} (2.0, 3.0), then the header: a Python dict literal with the keys {@code descr},
 * {@code fortran_order} and {@code shape}, Latin-1 encoded (UTF-8 in 3.0), padded with spaces and a
 * final newline. The data follows immediately.
 *
 * @param dtype element type
 * @param order byte order of the data ({@code '='} and {@code '|'} mean the native order, as in NumPy)
 * @param fortranOrder whether the data is stored column-major
 * @param shape dimensions as written (not copied: package-private, never handed out)
 * @param elements product of the dimensions
 * @param length bytes from the start of the stream to the first data byte
 */
record NpyHeader(NpyDtype dtype, ByteOrder order, boolean fortranOrder, int[] shape, long elements, int length) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Headers beyond this are corrupt: real ones are a few hundred bytes. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    /** Bytes of data the header promises. */
    long dataBytes() {
        return elements * dtype.bytes();
    }

    /** The shape as NumPy prints it, e.g. {@code (3, 4)} or {@code (5,)}. */
    static String describe(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    /**
     * Reads and validates the preamble from {@code in}, leaving it positioned at the first data byte.
     *
     * @param source names the file (or archive entry) in error messages
     * @throws NpyFormatException for bad magic, an unknown version, a header that does not parse or
     *     an unsupported dtype
     */
    static NpyHeader read(ReadableByteChannel in, String source) throws IOException {
        ByteBuffer start = readUpTo(in, 8);
        byte[] magic = new byte[Math.min(start.remaining(), MAGIC.length)];
        start.get(magic);
        if (magic.length == 0) {
            throw new NpyFormatException(source, "not a .npy file: it is empty; write arrays with numpy.save");
        }
        if (!Arrays.equals(magic, Arrays.copyOf(MAGIC, magic.length))) {
            throw new NpyFormatException(source, "not a .npy file: it does not start with the NumPy magic "
                    + "\\x93NUMPY (found " + printable(magic) + "); write arrays with numpy.save");
        }
        if (start.remaining() < 2) {
            throw truncated(source, "the magic and version", magic.length + start.remaining(), 8);
        }
        int major = Byte.toUnsignedInt(start.get());
        int minor = Byte.toUnsignedInt(start.get());
        if (minor != 0 || major < 1 || major > 3) {
            throw new NpyFormatException(source, "NumPy format version " + major + "." + minor
                    + " is not supported; expected 1.0, 2.0 or 3.0 (what numpy.save writes)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer len = readFully(in, lengthBytes, source, "the header length").order(ByteOrder.LITTLE_ENDIAN);
        long headerBytes = major == 1 ? Short.toUnsignedInt(len.getShort()) : Integer.toUnsignedLong(len.getInt());
        if (headerBytes > MAX_HEADER_BYTES) {
            throw new NpyFormatException(source, "header length " + headerBytes + " bytes is implausible "
                    + "(real headers are a few hundred bytes); the file is corrupt, save it again");
        }
        ByteBuffer headerBuffer = readFully(in, (int) headerBytes, source, "the header");
        String header = new String(headerBuffer.array(), 0, (int) headerBytes,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int length = 8 + lengthBytes + (int) headerBytes;
        return parse(header, length, source);
    }

    private static NpyHeader parse(String header, int length, String source) throws NpyFormatException {
        Map<String, Object> dict;
        try {
            dict = PyLiteral.parseDict(header);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(source, "the .npy header does not parse: " + e.getMessage()
                    + "; the file is corrupt, save it again with numpy.save");
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new NpyFormatException(source, "the .npy header has no '" + key + "' entry: " + header.strip()
                        + "; the file is corrupt, save it again with numpy.save");
            }
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String)) {
            throw new NpyFormatException(source, "structured dtype " + descr + " is not supported; expected "
                    + "a plain float32 or float64 array (save each field as its own array)");
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw new NpyFormatException(source, "fortran_order must be True or False, found " + fortran
                    + "; the file is corrupt, save it again with numpy.save");
        }
        ByteOrder order = byteOrder((String) descr);
        NpyDtype dtype = dtype((String) descr, source);
        int[] shape = shape(dict.get("shape"), source);
        long elements = 1;
        for (int d : shape) elements *= d; // shape() has checked that this fits in an int
        long bytes = elements * dtype.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new NpyFormatException(source, "array of shape " + describe(shape) + " holds " + bytes
                    + " bytes of " + dtype + ", more than the 2 GiB one Java buffer can hold; save the vector "
                    + "in pieces of at most 2^31 - 1 bytes");
        }
        return new NpyHeader(dtype, order, (Boolean) fortran, shape, elements, length);
    }

    private static ByteOrder byteOrder(String descr) {
        switch (descr.isEmpty() ? '=' : descr.charAt(0)) {
            case '<':
                return ByteOrder.LITTLE_ENDIAN;
            case '>':
                return ByteOrder.BIG_ENDIAN;
            default:
                // '=' (native), '|' (not applicable) and no prefix all read as native, as NumPy does.
                return ByteOrder.nativeOrder();
        }
    }

    private static NpyDtype dtype(String descr, String source) throws NpyFormatException {
        String code = descr.replaceFirst("^[<>=|]", "");
        for (NpyDtype t : NpyDtype.values()) {
            if (t.code().equals(code)) return t;
        }
        throw unsupported(descr, source);
    }

    private static NpyFormatException unsupported(String descr, String source) {
        String code = descr.replaceFirst("^[<>=|]", "");
        String bits = code.length() > 1 && code.substring(1).chars().allMatch(Character::isDigit)
                ? String.valueOf(8 * Integer.parseInt(code.substring(1))) : "";
        String kind;
        switch (code.isEmpty() ? ' ' : code.charAt(0)) {
            case 'i': kind = "int" + bits; break;
            case 'u': kind = "uint" + bits; break;
            case 'f': kind = "float" + bits; break;
            case 'c': kind = "complex" + bits; break;
            case 'b': case '?': kind = "bool"; break;
            case 'O': kind = "Python objects, stored as pickles, which are never unpickled here"; break;
            case 'U': case 'S': case 'a': kind = "strings"; break;
            case 'M': case 'm': kind = "dates or times"; break;
            default: kind = "unknown type";
        }
        return new NpyFormatException(source, "dtype '" + descr + "' (" + kind + ") is not supported; expected "
                + "float32 ('<f4') or float64 ('<f8'): convert before saving, e.g. "
                + "numpy.save(path, array.astype(numpy.float32))");
    }

    private static int[] shape(Object value, String source) throws NpyFormatException {
        if (!(value instanceof List)) {
            throw new NpyFormatException(source, "shape must be a tuple of integers, found " + value
                    + "; the file is corrupt, save it again with numpy.save");
        }
        List<?> dims = (List<?>) value;
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long) || (Long) d < 0 || (Long) d > Integer.MAX_VALUE) {
                throw new NpyFormatException(source, "shape " + dims + " has dimension " + d + ", expected an "
                        + "integer in [0, 2^31 - 1]; the file is corrupt or the array too large");
            }
            shape[i] = ((Long) d).intValue();
        }
        // Reject early if the element count alone overflows what any buffer could hold.
        long elements = 1;
        for (int d : shape) {
            elements *= d;
            if (elements > Integer.MAX_VALUE) {
                throw new NpyFormatException(source, "shape " + describe(shape) + " has more than 2^31 - 1 "
                        + "elements, more than one Java array can hold; save the vector in pieces");
            }
        }
        return shape;
    }

    /** Reads exactly {@code n} bytes or fails naming what was being read. */
    private static ByteBuffer readFully(ReadableByteChannel in, int n, String source, String what) throws IOException {
        ByteBuffer buf = readUpTo(in, n);
        if (buf.remaining() < n) throw truncated(source, what, buf.remaining(), n);
        return buf;
    }

    /** Reads {@code n} bytes, or fewer if the stream ends first; the result is flipped for reading. */
    private static ByteBuffer readUpTo(ReadableByteChannel in, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining() && in.read(buf) >= 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        buf.flip();
        return buf;
    }

    private static NpyFormatException truncated(String source, String what, int got, int wanted) {
        return new NpyFormatException(source, "truncated: the file ends inside " + what + " after " + got + " of "
                + wanted + " bytes; save it again with numpy.save", new EOFException());
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder("'");
        for (byte b : bytes) {
            int c = Byte.toUnsignedInt(b);
            if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.append('\'').toString();
    }
}
