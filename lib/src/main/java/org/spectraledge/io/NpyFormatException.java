package org.spectraledge.io;

import java.io.IOException;

/**
 * A file that is not a NumPy array we can read: bad magic, an unsupported dtype, a header that does
 * not parse, data shorter than the header promises, or a corrupt {@code .npz} archive.
 *
 * <p>The message always starts with the file (and, inside an {@code .npz}, the entry), then states the
 * problem and how to fix it.
 */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source the file, or {@code file!entry.npy} for an archive entry
     * @param problem what is wrong and how to fix it
     */
    public NpyFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** Same, keeping the low-level cause (for example a {@code ZipException}). */
    public NpyFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file (or {@code file!entry}) the problem was found in. */
    public String source() {
        return source;
    }
}
