package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.table.WindowTable;
import org.spectraledge.testing.Python;

/** {@code spectral-edge analyze} end to end on files written by numpy. */
class AnalyzeCommandTest {
    @TempDir Path dir;

    @BeforeAll
    static void numpy() { Python.require("numpy"); }

    /** Writes T float32 snapshots (P parameters) as theta_0.npy … and returns them as numpy saw them. */
    private float[][] writeSnapshots(Path folder, int t, int p) throws IOException {
        Files.createDirectories(folder);
        String out = Python.check(String.join("\n",
                "import sys, numpy as np",
                "folder, T, P = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
                "rng = np.random.default_rng(5)",
                "a = rng.standard_normal(P)",
                "theta = rng.standard_normal(P).astype(np.float32)",
                "for t in range(T):",
                "    np.save(f'{folder}/theta_{t}.npy', theta)",
                "    print(' '.join(repr(float(x)) for x in theta))",
                "    theta = (theta + 0.01 * a * (1 + 0.5 * np.sin(t)) + 0.001 * rng.standard_normal(P)).astype(np.float32)"),
                List.of(folder.toString(), "" + t, "" + p));
        String[] lines = out.strip().split("\n");
        float[][] snaps = new float[t][p];
        for (int s = 0; s < t; s++) {
            String[] f = lines[s].split(" ");
            for (int i = 0; i < p; i++) snaps[s][i] = Float.parseFloat(f[i]);
        }
        return snaps;
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}

    @Test
    void writesTheContractCsvWithOneRowPerWindow() throws IOException {
        float[][] snaps = writeSnapshots(dir.resolve("snaps"), 14, 300);
        Path csv = dir.resolve("w.csv");
        Result r = run("analyze", dir.resolve("snaps").toString(), "--window", "5", "--lr", "0.001", "-o", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", WindowTable.columnNames(5)), lines.get(0));
        assertEquals("step,size,sigma_1,sigma_2,sigma_3,sigma_4,sigma_5,ratio_1,ratio_2,ratio_3,ratio_4,kstar_plain,"
                + "kstar_weighted,kstar_floored,gap_ratio,gap,eigengap,g23,dG_exact,dG_eigen,alpha_1,alpha_2,alpha_3,alpha_4,"
                + "alpha_5,overlap_1,overlap_2,overlap_3,overlap_4,overlap_5,adiabatic,regime,bbp_ratio,pc1,k95", lines.get(0));
        assertEquals(1 + 12, lines.size(), "13 updates give 12 windows of ≥ 2 updates");
        assertTrue(lines.stream().noneMatch(l -> l.contains("NaN")), "no NaN ever reaches the table");

        // the same snapshots (as numpy stored them) through the library directly
        SpectralTracker t = new SpectralTracker("all", 300, AnalysisConfig.builder().optWindow(5).optLearningRate(1e-3).build());
        for (int s = 0; s < snaps.length; s++) t.pushSnapshot(VectorSource.of(snaps[s]), s);
        String[] first = lines.get(1).split(",", -1);
        assertEquals("2", first[0]);
        assertEquals("2", first[1]);
        assertEquals("", first[4], "sigma_3 does not exist in a window of 2 updates");
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        assertEquals("13", last[0]);
        assertEquals(t.results().get(11).sigma(1), Double.parseDouble(last[2]), 0);
        assertEquals(t.results().get(11).adiabatic().orElseThrow().regime().label(), last[31]);
        assertTrue(r.out().contains("wrote " + csv), r.out());
    }

    @Test
    void readsOneNpzAndOneTwoDimensionalNpyAndHonoursStride() throws IOException {
        Path npz = dir.resolve("s.npz"), matrix = dir.resolve("m.npy");
        Python.check(String.join("\n", "import sys, numpy as np",
                "rng = np.random.default_rng(1)",
                "S = np.cumsum(rng.standard_normal((21, 50)), axis=0)",
                "np.savez(sys.argv[1], *S)",
                "np.save(sys.argv[2], S)"), List.of(npz.toString(), matrix.toString()));
        Result a = run("analyze", npz.toString(), "--window", "4", "--stride", "2", "-o", dir.resolve("a.csv").toString());
        Result b = run("analyze", matrix.toString(), "--window", "4", "--stride", "2", "-o", dir.resolve("b.csv").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        List<String> rows = Files.readAllLines(dir.resolve("a.csv"));
        assertEquals(rows, Files.readAllLines(dir.resolve("b.csv")));
        assertEquals(1 + 9, rows.size(), "snapshots 0,2,…,20 give 10 updates and 9 windows");
        assertTrue(rows.get(1).startsWith("4,2,"), "step is the original index of the window's last snapshot");
    }

    @Test
    void badInputNamesTheFileAndTheProblem() throws IOException {
        writeSnapshots(dir.resolve("snaps"), 6, 40);
        Path truncated = dir.resolve("snaps/theta_3.npy");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 10));
        Result r = run("analyze", dir.resolve("snaps").toString(), "--window", "3", "-o", dir.resolve("x.csv").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("theta_3.npy"), r.err());
        assertTrue(r.err().toLowerCase().contains("truncat") || r.err().contains("short"), r.err());

        Path mixed = dir.resolve("mixed");
        writeSnapshots(mixed, 4, 40);
        Python.check("import sys, numpy as np; np.save(sys.argv[1], np.zeros(41, np.float32))",
                List.of(mixed.resolve("theta_4.npy").toString()));
        r = run("analyze", mixed.toString(), "--window", "2", "-o", dir.resolve("y.csv").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("theta_4.npy") && r.err().contains("41") && r.err().contains("40"), r.err());

        Path withNan = dir.resolve("nan");
        writeSnapshots(withNan, 5, 40);
        Python.check("import sys, numpy as np; a = np.ones(40, np.float32); a[7] = np.nan; np.save(sys.argv[1], a)",
                List.of(withNan.resolve("theta_2.npy").toString()));
        r = run("analyze", withNan.toString(), "--window", "2", "-o", dir.resolve("z.csv").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("snapshot 2") && r.err().contains("theta_2.npy") && r.err().contains("non-finite"), r.err());
        assertTrue(Files.notExists(dir.resolve("z.csv")), "no half-written table");
    }

    @Test
    void badArgumentsGiveUsageNamingTheArgument() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"analyze", "x.npy", "--window", "1"});
        cases.add(new String[] {"analyze", "x.npy", "--window", "ten"});
        cases.add(new String[] {"analyze", "x.npy", "--rule", "best"});
        cases.add(new String[] {"analyze", "x.npy", "--lr", "-1"});
        cases.add(new String[] {"analyze", "x.npy", "--frobnicate"});
        cases.add(new String[] {"analyze"});
        for (String[] c : cases) {
            Result r = run(c);
            assertEquals(2, r.code(), String.join(" ", c));
            assertTrue(r.err().contains("usage: spectral-edge analyze"), r.err());
        }
        assertTrue(run("analyze", "x.npy", "--rule", "best").err().contains("--rule"));
        assertTrue(run("analyze", "x.npy", "--frobnicate").err().contains("--frobnicate"));
        assertEquals(2, run("frobnicate").code());
    }
}
