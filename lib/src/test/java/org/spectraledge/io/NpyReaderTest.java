package org.spectraledge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.testing.Python;

/** Reads files written by numpy itself and compares with the values numpy prints. */
class NpyReaderTest {
    @TempDir
    Path dir;

    /**
     * Python prelude: {@code save(expr)} evaluates an array expression, lets {@code writer} write it to
     * sys.argv[1], and prints the C-order values exactly (repr of the float64 value, which is exact
     * for float32 elements too).
     */
    private static final String PRELUDE = "import sys, numpy as np\n"
            + "rng = np.random.default_rng(7)\n"
            + "def show(a):\n"
            + "    print(' '.join(repr(float(v)) for v in np.ascontiguousarray(a).ravel()))\n";

    @BeforeAll
    static void needNumpy() {
        Python.require("numpy");
    }

    /** Runs {@code body} (which writes sys.argv[1] and prints values via show) and returns the values. */
    private double[] numpy(Path file, String body) throws IOException {
        String out = Python.check(PRELUDE + body, List.of(file.toString())).strip();
        return out.isEmpty() ? new double[0] : Arrays.stream(out.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @Test
    void float32VectorMatchesNumpyExactly() throws IOException {
        Path f = dir.resolve("snapshot_0007.npy");
        double[] expected = numpy(f, "a = rng.standard_normal(1000).astype(np.float32); np.save(sys.argv[1], a); show(a)");
        NpyArray a = NpyReader.read(f);
        assertEquals("snapshot_0007", a.name());
        assertTrue(a.isFloat32());
        assertEquals(NpyDtype.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {1000}, a.shape());
        assertEquals(1000, a.size());
        assertArrayEquals(toFloats(expected), a.floats());
        assertArrayEquals(expected, a.doubles(), "float32 widened to double must be exact");
    }

    @Test
    void float64MatrixIsFlattenedInCOrder() throws IOException {
        Path f = dir.resolve("m.npy");
        double[] expected = numpy(f, "a = rng.standard_normal((3, 4)); np.save(sys.argv[1], a); show(a)");
        NpyArray a = NpyReader.read(f);
        assertFalse(a.isFloat32());
        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertArrayEquals(expected, a.doubles());
        assertArrayEquals(expected, bufferToArray(a));
    }

    private static double[] bufferToArray(NpyArray a) {
        double[] out = new double[a.size()];
        a.doubleBuffer().get(out);
        return out;
    }

    @Test
    void bigEndianFilesReadCorrectly() throws IOException {
        Path f4 = dir.resolve("be4.npy");
        Path f8 = dir.resolve("be8.npy");
        double[] e4 = numpy(f4, "a = rng.standard_normal(37).astype('>f4'); np.save(sys.argv[1], a); show(a)");
        double[] e8 = numpy(f8, "a = rng.standard_normal(37).astype('>f8'); np.save(sys.argv[1], a); show(a)");
        assertArrayEquals(toFloats(e4), NpyReader.read(f4).floats());
        assertArrayEquals(e8, NpyReader.read(f8).doubles());
    }

    @Test
    void version2And3HeadersAreRead() throws IOException {
        for (String version : List.of("(2, 0)", "(3, 0)")) {
            Path f = dir.resolve("v.npy");
            double[] expected = numpy(f, "a = rng.standard_normal((2, 5)).astype(np.float32)\n"
                    + "with open(sys.argv[1], 'wb') as fh: np.lib.format.write_array(fh, a, version=" + version + ")\n"
                    + "show(a)\n");
            byte[] raw = Files.readAllBytes(f);
            assertEquals(version.charAt(1) - '0', raw[6], "numpy wrote the requested version");
            NpyArray a = NpyReader.read(f);
            assertArrayEquals(new int[] {2, 5}, a.shape());
            assertArrayEquals(toFloats(expected), a.floats());
        }
    }

    @Test
    void fortranOrderIsTransposedToCOrder() throws IOException {
        Path f2 = dir.resolve("f2.npy");
        Path f3 = dir.resolve("f3.npy");
        double[] e2 = numpy(f2, "a = np.asfortranarray(rng.standard_normal((3, 5))); np.save(sys.argv[1], a); show(a)");
        double[] e3 = numpy(f3, "a = np.asfortranarray(rng.standard_normal((2, 3, 4)).astype(np.float32)); "
                + "np.save(sys.argv[1], a); show(a)");
        assertTrue(new String(Files.readAllBytes(f2), StandardCharsets.ISO_8859_1).contains("'fortran_order': True"));
        NpyArray a2 = NpyReader.read(f2);
        assertArrayEquals(new int[] {3, 5}, a2.shape());
        assertArrayEquals(e2, a2.doubles());
        NpyArray a3 = NpyReader.read(f3);
        assertArrayEquals(new int[] {2, 3, 4}, a3.shape());
        assertArrayEquals(toFloats(e3), a3.floats());
    }

    @Test
    void scalarsAndEmptyArrays() throws IOException {
        Path scalar = dir.resolve("s.npy");
        Path empty = dir.resolve("e.npy");
        Path empty2 = dir.resolve("e2.npy");
        numpy(scalar, "np.save(sys.argv[1], np.float64(2.5))");
        numpy(empty, "np.save(sys.argv[1], np.zeros(0, np.float32))");
        numpy(empty2, "np.save(sys.argv[1], np.asfortranarray(np.zeros((3, 0))))");
        NpyArray s = NpyReader.read(scalar);
        assertArrayEquals(new int[0], s.shape());
        assertArrayEquals(new double[] {2.5}, s.doubles());
        assertEquals(0, NpyReader.read(empty).size());
        assertArrayEquals(new int[] {3, 0}, NpyReader.read(empty2).shape());
    }

    @Test
    void viewsAreReadOnlyAndTypeChecked() throws IOException {
        Path f = dir.resolve("r.npy");
        NpyWriter.write(f, new float[] {1, 2, 3});
        NpyArray a = NpyReader.read(f);
        assertThrows(ReadOnlyBufferException.class, () -> a.floatBuffer().put(0, 9f));
        a.floats()[0] = 9f; // a copy: must not change the array
        assertEquals(1f, a.floatBuffer().get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, a::doubleBuffer);
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
        Path g = dir.resolve("d.npy");
        NpyWriter.write(g, new double[] {1, 2});
        IllegalStateException e2 = assertThrows(IllegalStateException.class, NpyReader.read(g)::floats);
        assertTrue(e2.getMessage().contains("float64") && e2.getMessage().contains("doubles()"), e2.getMessage());
    }

    // ---- bad input -------------------------------------------------------------------------------

    private NpyFormatException failsToRead(Path f) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), "message names the file: " + e.getMessage());
        assertEquals(f.toString(), e.source());
        return e;
    }

    @Test
    void badMagicIsNotANpyFile() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.npy"), "step,train_loss\n1,0.5\n");
        assertTrue(failsToRead(f).getMessage().contains("not a .npy file"));
        Path empty = Files.write(dir.resolve("empty.npy"), new byte[0]);
        assertTrue(failsToRead(empty).getMessage().contains("empty"));
    }

    @Test
    void unsupportedDtypesNameTheTypeAndTheFix() throws IOException {
        String[][] cases = {
            {"np.arange(5, dtype=np.int64)", "int64"},
            {"np.array([1, 'a', None], dtype=object)", "Python objects"},
            {"np.ones(3, np.complex128)", "complex128"},
            {"np.ones(3, np.float16)", "float16"},
            {"np.ones(3, dtype=[('x', '<f4'), ('y', '<f4')])", "structured dtype"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.npy");
            numpy(f, "np.save(sys.argv[1], " + c[0] + ", allow_pickle=True)");
            String msg = failsToRead(f).getMessage();
            assertTrue(msg.contains(c[1]), msg);
            assertTrue(msg.contains("expected") || msg.contains("plain float32 or float64"), msg);
        }
    }

    @Test
    void truncatedDataSaysHowMuchIsMissing() throws IOException {
        Path f = dir.resolve("cut.npy");
        numpy(f, "np.save(sys.argv[1], np.ones(100, np.float32))");
        long size = Files.size(f);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(size - 350); // 50 of the 400 data bytes remain
        }
        String msg = failsToRead(f).getMessage();
        assertTrue(msg.contains("truncated") && msg.contains("400 bytes") && msg.contains("only 50 bytes"), msg);
    }

    @Test
    void truncatedOrCorruptHeader() throws IOException {
        Path f = dir.resolve("h.npy");
        numpy(f, "np.save(sys.argv[1], np.ones(3))");
        byte[] raw = Files.readAllBytes(f);
        Path cut = Files.write(dir.resolve("hcut.npy"), Arrays.copyOf(raw, 30));
        assertTrue(failsToRead(cut).getMessage().contains("truncated: the file ends inside the header"));
        byte[] v9 = raw.clone();
        v9[6] = 9;
        String msg = failsToRead(Files.write(dir.resolve("v9.npy"), v9)).getMessage();
        assertTrue(msg.contains("version 9.0") && msg.contains("1.0, 2.0 or 3.0"), msg);
        String header = "{'descr': '<f8', 'shape': (3,), }";
        byte[] noFortran = npyWithHeader(header);
        assertTrue(failsToRead(Files.write(dir.resolve("nf.npy"), noFortran)).getMessage()
                .contains("no 'fortran_order' entry"));
        byte[] garbage = npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,) oops }");
        assertTrue(failsToRead(Files.write(dir.resolve("g.npy"), garbage)).getMessage()
                .contains("header does not parse"));
    }

    @Test
    void arraysBeyondOneBufferAreRejectedClearly() throws IOException {
        byte[] big = npyWithHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (600000000,), }");
        String msg = failsToRead(Files.write(dir.resolve("big.npy"), big)).getMessage();
        assertTrue(msg.contains("2400000000 bytes") && msg.contains("2 GiB"), msg);
        byte[] huge = npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3000000000,), }");
        assertTrue(failsToRead(Files.write(dir.resolve("huge.npy"), huge)).getMessage().contains("dimension 3000000000"));
    }

    private static byte[] npyWithHeader(String header) {
        byte[] h = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + h.length + 24];
        System.arraycopy(NpyHeader.MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[8] = (byte) h.length;
        System.arraycopy(h, 0, out, 10, h.length);
        return out;
    }

    @Test
    void missingFileAndDirectoryAreNamed() {
        Path missing = dir.resolve("nope.npy");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> NpyReader.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such file"));
        IOException d = assertThrows(IOException.class, () -> NpyReader.read(dir));
        assertTrue(d.getMessage().contains("is a directory"), d.getMessage());
    }
}
