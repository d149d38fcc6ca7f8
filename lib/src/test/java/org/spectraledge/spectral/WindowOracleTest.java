package org.spectraledge.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.testing.Python;

/**
 * Every window quantity against numpy computing the same definitions from the SVD of the stacked window
 * (lib/src/test/resources/oracle/window_oracle.py), to 1e-9 relative.
 */
class WindowOracleTest {
    private static final double TOL = 1e-9;
    @TempDir Path dir;

    @BeforeAll
    static void oracle() { Python.require("numpy"); }

    @Test
    void randomGaussianUpdatesSmallPWithExplicitPxPChange() throws IOException {
        compare(gaussian(30, 60, 1), 5);
    }

    @Test
    void randomGaussianUpdatesLargerP() throws IOException {
        compare(gaussian(25, 3000, 2), 10);
    }

    @Test
    void rankTwoDriftPlusNoise() throws IOException {
        int t = 40, p = 2000;
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = randn(rnd, p), b = randn(rnd, p);
        double[][] d = new double[t][p];
        for (int s = 0; s < t; s++) {
            double ca = 1.0 + 0.2 * Math.sin(0.3 * s), cb = 0.4 * Math.cos(0.2 * s);
            for (int i = 0; i < p; i++) d[s][i] = ca * a[i] + cb * b[i] + 0.02 * nextGaussian(rnd);
        }
        compare(d, 10);
    }

    @Test
    void updatesOfVeryDifferentScales() throws IOException {
        double[][] d = gaussian(20, 500, 4);
        for (int s = 0; s < d.length; s++) for (int i = 0; i < d[s].length; i++) d[s][i] *= Math.pow(10, (s % 5) - 2);
        compare(d, 6);
    }

    private void compare(double[][] updates, int window) throws IOException {
        int t = updates.length, p = updates[0].length;
        Path bin = dir.resolve("updates.bin");
        ByteBuffer buf = ByteBuffer.allocate(t * p * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : updates) for (double v : row) buf.putDouble(v);
        Files.write(bin, buf.array());
        String script;
        try (InputStream in = getClass().getResourceAsStream("/oracle/window_oracle.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, double[]>> expected = parse(Python.check(script,
                List.of(bin.toString(), "" + t, "" + p, "" + window, "" + Gaps.EPSILON, "" + Gaps.DEFAULT_FLOOR)));

        SpectralTracker tracker = new SpectralTracker("all", p, AnalysisConfig.builder().optWindow(window).build());
        for (int s = 0; s < t; s++) tracker.pushUpdate(VectorSource.of(updates[s]), s);
        List<WindowResult> got = tracker.results();
        assertEquals(expected.size(), got.size(), "one result per window of ≥ 2 updates");
        for (int k = 0; k < got.size(); k++) {
            Map<String, double[]> e = expected.get(k);
            WindowResult r = got.get(k);
            String at = "window ending at step " + r.step();
            assertEquals((long) e.get("step")[0], r.step(), at);
            assertEquals((int) e.get("size")[0], r.size(), at);
            assertEquals(r.size() < window, r.partial(), at);
            close(e.get("sigma"), r.spectrum().sigma(), at + " sigma");
            close(e.get("ratios"), r.gaps().ratios(), at + " ratios");
            assertEquals((int) e.get("kplain")[0], r.gaps().plain().kStar(), at + " k* plain");
            assertEquals((int) e.get("kweighted")[0], r.gaps().weighted().kStar(), at + " k* weighted");
            assertEquals((int) e.get("kfloored")[0], r.gaps().floored().kStar(), at + " k* floored");
            if (e.get("g23").length == 0) assertTrue(Double.isNaN(r.gaps().g23()), at);
            else close(e.get("g23"), new double[] {r.gaps().g23()}, at + " g23");
            close(e.get("dexact"), new double[] {r.stability().deltaExact()}, at + " dG exact");
            close(e.get("deigen"), new double[] {r.stability().deltaEigen()}, at + " dG eigen");
            close(e.get("alpha"), r.stability().alphaBound(), at + " alpha");
            closeCosine(e.get("overlap"), r.stability().overlap(), at + " overlap");
            closeCosine(e.get("half"), r.stability().halfOverlap(), at + " half overlap");
            close(e.get("pc1"), new double[] {r.pc1()}, at + " pc1");
            assertEquals((int) e.get("k95")[0], r.k95(), at + " k95");
            close(e.get("drift"), new double[] {r.drift()}, at + " drift");
            close(e.get("bbp"), new double[] {r.baseline().bbpRatio()}, at + " bbp");
        }
    }

    /** Relative agreement, measured against the largest magnitude in the expected vector. */
    static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            double tol = TOL * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            assertEquals(expected[i], actual[i], Math.max(tol, 1e-300), what + "[" + i + "]");
        }
    }

    /**
     * Overlaps are cosines in [0, 1]: compared to 1e-9 of their unit scale. Those of near-degenerate noise modes are
     * ill-conditioned (eigenvector error ≈ ε‖G‖/gap_j) in any method, numpy's included.
     */
    static void closeCosine(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], TOL, what + "[" + i + "]");
    }

    private static List<Map<String, double[]>> parse(String out) {
        List<Map<String, double[]>> windows = new ArrayList<>();
        Map<String, double[]> cur = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            if (line.equals("--")) { windows.add(cur); cur = new HashMap<>(); continue; }
            String[] f = line.trim().split(" ");
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
            cur.put(f[0], v);
        }
        return windows;
    }

    static double[][] gaussian(int t, int p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] d = new double[t][];
        for (int s = 0; s < t; s++) d[s] = randn(rnd, p);
        return d;
    }

    static double[] randn(SplittableRandom rnd, int p) {
        double[] v = new double[p];
        for (int i = 0; i < p; i++) v[i] = nextGaussian(rnd);
        return v;
    }

    /** Box–Muller, since SplittableRandom has no Gaussian on Java 17. */
    static double nextGaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
