package org.spectraledge.kernel.stream;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cell has printed on {@code System.out} and {@code System.err} and nobody has taken yet, in the order it was
 * written across both streams. Its owner takes the text with {@link #drain()}: the kernel on a timer, the headless
 * runner before each other output.
 *
 * <p>Appending is amortized O(1) per character. When more than {@code capacity} characters wait, the writing thread
 * runs {@code whenFull} after its write (outside every lock of this class), so that the owner can drain or make the
 * writer wait: memory stays bounded however fast a cell prints.
 *
 * <p>The print streams do not flush on every line ({@code autoFlush} off), and their {@code flush()} changes nothing
 * here: the owner decides when text leaves, so a cell that prints a million lines does not become a million messages.
 */
public final class StreamBuffer {

    private final int capacity;
    private final Runnable whenFull;
    private final PrintStream stdout;
    private final PrintStream stderr;

    private final Object lock = new Object();
    /** Runs already closed by a write to the other stream. */
    private final List<StreamText> closed = new ArrayList<>();
    private StdStream openStream;
    private final StringBuilder openText = new StringBuilder();
    private int pending;

    /**
     * @param capacity characters that may wait before {@code whenFull} runs (at least 1)
     * @param whenFull run by a writing thread after a write that left {@code capacity} or more characters waiting
     */
    public StreamBuffer(int capacity, Runnable whenFull) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the stream buffer needs a capacity of at least 1 character, got " + capacity);
        }
        this.capacity = capacity;
        this.whenFull = whenFull;
        this.stdout = new PrintStream(new Decoder(StdStream.STDOUT), false, StandardCharsets.UTF_8);
        this.stderr = new PrintStream(new Decoder(StdStream.STDERR), false, StandardCharsets.UTF_8);
    }

    /** What a cell's {@code System.out} should be. */
    public PrintStream stdout() {
        return stdout;
    }

    /** What a cell's {@code System.err} should be. */
    public PrintStream stderr() {
        return stderr;
    }

    /** Takes everything written so far: runs in the order written, consecutive writes to one stream joined. */
    public List<StreamText> drain() {
        synchronized (lock) {
            closeOpenRun();
            List<StreamText> runs = new ArrayList<>(closed);
            closed.clear();
            pending = 0;
            return runs;
        }
    }

    /** How many characters wait to be drained. */
    public int pendingChars() {
        synchronized (lock) {
            return pending;
        }
    }

    /** Whether {@code capacity} or more characters wait. */
    public boolean isFull() {
        return pendingChars() >= capacity;
    }

    private void append(StdStream stream, CharBuffer chars) {
        if (!chars.hasRemaining()) {
            return;
        }
        boolean full;
        synchronized (lock) {
            if (openStream != stream) {
                closeOpenRun();
                openStream = stream;
            }
            openText.append(chars);
            pending += chars.length();
            full = pending >= capacity;
        }
        if (full) {
            whenFull.run();
        }
    }

    private void closeOpenRun() {
        if (openStream != null && openText.length() > 0) {
            closed.add(new StreamText(openStream, openText.toString()));
        }
        openText.setLength(0);
        openStream = null;
    }

    /**
     * Bytes from a print stream to characters. A UTF-8 sequence split across two writes (a cell writing raw bytes)
     * is kept until its last byte arrives; malformed bytes become U+FFFD.
     */
    private final class Decoder extends OutputStream {
        private final StdStream stream;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        /** The start of a sequence whose last bytes have not come yet (at most 3 bytes). */
        private final ByteBuffer carry = ByteBuffer.allocate(8);

        Decoder(StdStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CharBuffer chars;
            synchronized (this) {
                ByteBuffer in;
                if (carry.position() == 0) {
                    in = ByteBuffer.wrap(b, off, len);
                } else {
                    in = ByteBuffer.allocate(carry.position() + len);
                    in.put(carry.flip()).put(b, off, len).flip();
                    carry.clear();
                }
                chars = CharBuffer.allocate(in.remaining());
                decoder.decode(in, chars, false);
                carry.put(in); // an incomplete sequence at the end
                chars.flip();
            }
            append(stream, chars);
        }
    }
}
