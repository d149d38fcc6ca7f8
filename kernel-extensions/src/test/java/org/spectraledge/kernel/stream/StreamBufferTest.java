package org.spectraledge.kernel.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamBufferTest {

    @Test
    void keepsTheOrderAcrossBothStreamsAndJoinsConsecutiveWrites() {
        StreamBuffer buffer = new StreamBuffer(1_000, () -> {});
        buffer.stdout().println("a");
        buffer.stdout().print("b");
        buffer.stderr().println("oops");
        buffer.stdout().println("c");
        assertEquals(List.of(
                new StreamText(StdStream.STDOUT, "a\nb"),
                new StreamText(StdStream.STDERR, "oops\n"),
                new StreamText(StdStream.STDOUT, "c\n")), buffer.drain());
        assertEquals(List.of(), buffer.drain(), "drained text is gone");
    }

    @Test
    void aCharacterWrittenAsSeparateBytesIsDecodedWhole() {
        StreamBuffer buffer = new StreamBuffer(1_000, () -> {});
        byte[] sigma = "σ=1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        buffer.stdout().write(sigma[0]);
        assertEquals(List.of(), buffer.drain(), "half a character is kept back");
        buffer.stdout().write(sigma, 1, sigma.length - 1);
        assertEquals(List.of(new StreamText(StdStream.STDOUT, "σ=1")), buffer.drain());
    }

    @Test
    void aFullBufferCallsItsOwnerOnTheWritingThread() {
        AtomicInteger calls = new AtomicInteger();
        StreamBuffer buffer = new StreamBuffer(10, calls::incrementAndGet);
        buffer.stdout().print("12345");
        assertEquals(0, calls.get());
        buffer.stdout().print("67890");
        assertEquals(1, calls.get());
        assertTrue(buffer.isFull());
        buffer.drain();
        assertEquals(0, buffer.pendingChars());
    }

    @Test
    void flushingThePrintStreamDoesNotEmptyTheBuffer() {
        StreamBuffer buffer = new StreamBuffer(1_000, () -> {});
        buffer.stdout().println("kept");
        buffer.stdout().flush();
        assertEquals(5, buffer.pendingChars(), "the owner decides when text leaves");
    }
}
