package org.spectraledge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.testing.Python;

/** Reads archives written by numpy.savez / numpy.savez_compressed and compares with numpy's values. */
class NpzReaderTest {
    @TempDir
    Path dir;

    /**
     * Saves the arrays of the dict-free expression {@code save} to sys.argv[1] and prints, per array
     * in archive order, "name dtype shape" and the exact values on the next line.
     */
    private static final String PRELUDE = "import sys, numpy as np\n"
            + "rng = np.random.default_rng(11)\n"
            + "def show(path):\n"
            + "    z = np.load(path)\n"
            + "    for k in z.files:\n"
            + "        a = z[k]\n"
            + "        print(k, a.dtype.str, list(a.shape))\n"
            + "        print(' '.join(repr(float(v)) for v in a.ravel()))\n";

    @BeforeAll
    static void needNumpy() {
        Python.require("numpy");
    }

    /** Runs {@code body} with PRELUDE; returns numpy's (name, dtype, shape, values) lines in archive order. */
    private List<String[]> numpy(Path file, String body) throws IOException {
        String[] lines = Python.check(PRELUDE + body + "\nshow(sys.argv[1])\n", List.of(file.toString())).split("\n");
        List<String[]> arrays = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i += 2) arrays.add(new String[] {lines[i], lines[i + 1]});
        return arrays;
    }

    private static void assertSameAsNumpy(String[] expected, NpyArray actual) {
        String[] meta = expected[0].split(" ", 3);
        assertEquals(meta[0], actual.name());
        assertEquals(meta[1].endsWith("f4"), actual.isFloat32());
        assertEquals(meta[2], Arrays.toString(actual.shape()));
        double[] values = expected[1].isBlank() ? new double[0]
                : Arrays.stream(expected[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(values, actual.doubles(), actual.name());
    }

    @Test
    void savezKeepsArchiveOrderBeyondTenArrays() throws IOException {
        Path f = dir.resolve("snapshots.npz");
        // 12 positional arrays: arr_10 and arr_11 must come after arr_9, not after arr_1.
        List<String[]> expected = numpy(f, "np.savez(sys.argv[1], *[rng.standard_normal(5 + i).astype(np.float32) "
                + "for i in range(12)])");
        List<NpyArray> arrays = NpzReader.readAll(f);
        assertEquals(12, arrays.size());
        for (int i = 0; i < 12; i++) {
            assertEquals("arr_" + i, arrays.get(i).name());
            assertSameAsNumpy(expected.get(i), arrays.get(i));
        }
    }

    @Test
    void compressedArchiveWithNamedMixedArrays() throws IOException {
        Path f = dir.resolve("mixed.npz");
        List<String[]> expected = numpy(f, "np.savez_compressed(sys.argv[1], weights=rng.standard_normal((4, 3)), "
                + "bias=rng.standard_normal(3).astype('>f4'), "
                + "embed=np.asfortranarray(rng.standard_normal((2, 5)).astype(np.float32)))");
        try (ZipFile zip = new ZipFile(f.toFile())) {
            assertEquals(ZipEntry.DEFLATED, zip.entries().nextElement().getMethod(), "numpy compressed the entries");
        }
        try (NpzReader npz = NpzReader.open(f)) {
            assertEquals(List.of("weights", "bias", "embed"), npz.names());
            for (int i = 0; i < 3; i++) assertSameAsNumpy(expected.get(i), npz.read(npz.names().get(i)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> npz.read("nope"));
            assertTrue(e.getMessage().contains("[weights, bias, embed]"), e.getMessage());
        }
    }

    // ---- bad input -------------------------------------------------------------------------------

    private static NpyFormatException failsToRead(Path f) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpzReader.readAll(f));
        assertTrue(e.getMessage().startsWith(f.toString()), "message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void notAZipOrCutShort() throws IOException {
        Path text = Files.writeString(dir.resolve("a.npz"), "hello");
        assertTrue(failsToRead(text).getMessage().contains("not a valid .npz (zip) archive"));
        Path f = dir.resolve("b.npz");
        numpy(f, "np.savez(sys.argv[1], rng.standard_normal(1000))");
        byte[] raw = Files.readAllBytes(f);
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(raw, raw.length / 2));
        assertTrue(failsToRead(cut).getMessage().contains("not a valid .npz (zip) archive"));
    }

    @Test
    void damagedDataIsDetectedStoredOrDeflated() throws IOException {
        for (String save : List.of("savez", "savez_compressed")) {
            Path f = dir.resolve(save + ".npz");
            numpy(f, "np." + save + "(sys.argv[1], x=rng.standard_normal(5000))");
            byte[] raw = Files.readAllBytes(f);
            // Damage bytes in the middle of the entry's data (the local header and .npy header come first).
            for (int i = raw.length / 3; i < raw.length / 3 + 8; i++) raw[i] ^= 0x5A;
            Path bad = Files.write(dir.resolve("bad_" + save + ".npz"), raw);
            String msg = failsToRead(bad).getMessage();
            assertTrue(msg.contains("x.npy") && msg.contains("corrupt"), msg);
        }
    }

    @Test
    void entriesMustBeFloatNpyArrays() throws IOException {
        Path ints = dir.resolve("ints.npz");
        numpy(ints, "np.savez(sys.argv[1], good=np.ones(2), steps=np.arange(3))");
        String msg = failsToRead(ints).getMessage();
        assertTrue(msg.startsWith(ints + "!steps.npy: ") && msg.contains("int64"), msg);

        Path other = dir.resolve("other.npz");
        Python.check("import sys, zipfile\n"
                + "with zipfile.ZipFile(sys.argv[1], 'w') as z: z.writestr('README.txt', 'hi')\n",
                List.of(other.toString()));
        assertTrue(failsToRead(other).getMessage().contains("'README.txt' is not a .npy array"));
    }

    @Test
    void truncatedEntryData() throws IOException {
        // A well-formed zip whose .npy entry holds fewer data bytes than its header promises.
        Path f = dir.resolve("short.npz");
        Python.check("import sys, io, zipfile, numpy as np\n"
                + "b = io.BytesIO(); np.save(b, np.ones(100)); raw = b.getvalue()[:-8]\n"
                + "with zipfile.ZipFile(sys.argv[1], 'w') as z: z.writestr('w.npy', raw)\n",
                List.of(f.toString()));
        String msg = failsToRead(f).getMessage();
        assertTrue(msg.contains("w.npy") && msg.contains("truncated") && msg.contains("only 792 bytes"), msg);
    }
}
