package org.spectraledge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.testing.Python;

/** numpy must read what NpyWriter writes, value for value. */
class NpyWriterTest {
    @TempDir
    Path dir;

    /** Prints dtype, shape, the data offset and every value (exact repr) of the file sys.argv[1]. */
    private static final String DESCRIBE = "import sys, numpy as np\n"
            + "a = np.load(sys.argv[1])\n"
            + "with open(sys.argv[1], 'rb') as f:\n"
            + "    np.lib.format.read_magic(f); np.lib.format.read_array_header_1_0(f); offset = f.tell()\n"
            + "print(a.dtype.str, list(a.shape), offset, a.flags['C_CONTIGUOUS'])\n"
            + "print(' '.join(repr(float(v)) for v in a.ravel()))\n";

    @BeforeAll
    static void needNumpy() {
        Python.require("numpy");
    }

    private static String[] numpyReads(Path f) throws IOException {
        return Python.check(DESCRIBE, List.of(f.toString())).split("\n");
    }

    @Test
    void numpyReadsFloat32Matrix() throws IOException {
        float[] data = new float[12];
        Random r = new Random(3);
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        Path f = dir.resolve("w.npy");
        NpyWriter.write(f, data, 3, 4);
        String[] out = numpyReads(f);
        assertTrue(out[0].startsWith("<f4 [3, 4] ") && out[0].endsWith(" True"), out[0]);
        assertEquals(0, Integer.parseInt(out[0].split(" ")[3]) % 64, "data aligned to 64 bytes: " + out[0]);
        String[] values = out[1].split(" ");
        for (int i = 0; i < data.length; i++) assertEquals(data[i], (float) Double.parseDouble(values[i]));
    }

    @Test
    void numpyReadsFloat64VectorAcrossChunkBoundaries() throws IOException {
        // 300,000 doubles span several 1 MiB write chunks.
        double[] data = new double[300_000];
        for (int i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.001) * 1e-3 + i;
        Path f = dir.resolve("v.npy");
        NpyWriter.write(f, data);
        String[] out = numpyReads(f);
        assertTrue(out[0].startsWith("<f8 [300000] "), out[0]);
        assertEquals(0, Integer.parseInt(out[0].split(" ")[2]) % 64, "data aligned to 64 bytes: " + out[0]);
        String[] values = out[1].split(" ");
        assertEquals(data.length, values.length);
        for (int i = 0; i < data.length; i += 997) assertEquals(data[i], Double.parseDouble(values[i]));
        assertEquals(data[data.length - 1], Double.parseDouble(values[data.length - 1]));
    }

    @Test
    void roundTripAndOverwrite() throws IOException {
        Path f = dir.resolve("rt.npy");
        NpyWriter.write(f, new double[1000]);
        double[] small = {1.5, -2.25, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY};
        NpyWriter.write(f, small, 2, 3);
        assertEquals(128 + small.length * 8, Files.size(f), "an existing longer file is replaced, not patched");
        NpyArray a = NpyReader.read(f);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(small, a.doubles());
    }

    @Test
    void shapeMustMatchTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.write(dir.resolve("x.npy"), new float[10], 3, 4));
        assertTrue(e.getMessage().contains("(3, 4) holds 12 values but the data has 10"), e.getMessage());
    }
}
