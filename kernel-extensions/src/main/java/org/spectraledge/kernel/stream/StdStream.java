package org.spectraledge.kernel.stream;

/** The two text streams a cell writes to, named as Jupyter's {@code stream} messages and nbformat name them. */
public enum StdStream {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String jupyterName;

    StdStream(String jupyterName) {
        this.jupyterName = jupyterName;
    }

    /** {@code stdout} or {@code stderr}. */
    public String jupyterName() {
        return jupyterName;
    }
}
