package org.spectraledge.io;

/** The element types the readers accept: IEEE-754 single and double precision. */
public enum NpyDtype {
    /** NumPy {@code float32}, descr {@code f4}. */
    FLOAT32("f4", "float32", Float.BYTES),
    /** NumPy {@code float64}, descr {@code f8}. */
    FLOAT64("f8", "float64", Double.BYTES);

    private final String code;
    private final String numpyName;
    private final int bytes;

    NpyDtype(String code, String numpyName, int bytes) {
        this.code = code;
        this.numpyName = numpyName;
        this.bytes = bytes;
    }

    /** Type code without the byte-order character, as in a header's descr: {@code f4} or {@code f8}. */
    public String code() {
        return code;
    }

    /** NumPy's name for the type: {@code float32} or {@code float64}. */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
