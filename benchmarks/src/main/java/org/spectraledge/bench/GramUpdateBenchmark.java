package org.spectraledge.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spectraledge.spectral.UpdateWindow;
import org.spectraledge.spectral.VectorSource;

/**
 * Measures the cost of one streaming Gram update of a full window (framework §1) against its peers, a naive
 * recompute of the window's inner products and the memory-bandwidth bound, at W = 10 and P = 10^5 … 10^8.
 *
 * <ul>
 *   <li>{@link #streaming}: {@link UpdateWindow#pushUpdate} on a full window, so every measured push is a
 *       steady-state push that also dots with the departing update: W+1 products (‖δ_new‖² included).</li>
 *   <li>{@link #snapshotFloat}: {@link UpdateWindow#pushSnapshot} from float32 snapshots, the common training
 *       case (δ_t = θ_t − θ_{t−1} is formed inside the push).</li>
 *   <li>{@link #naiveRecompute}: append the new update to the same W+1 ring of double[] slots, then recompute
 *       all W(W+1)/2 inner products of the window, one full-length dot product per pair (the textbook way).</li>
 *   <li>{@link #naiveRecomputeBlocked}: the same recompute, cache-blocked like the streaming kernel so each
 *       vector is read from memory once per push: the strongest naive, its cost is the arithmetic alone.</li>
 *   <li>{@link #readBound}: sum every element of the new vector and of the W stored ones, (W+1)·P doubles
 *       read once, one array after the other: the memory-bandwidth bound of any method that must look at the
 *       data.</li>
 *   <li>{@link #readBoundBlocked}: the same sum in the streaming kernel's order (a block of every array in
 *       turn, W+1 streams in flight). Which of the two reads faster depends on the machine; the lower one is
 *       the bound.</li>
 * </ul>
 *
 * <p>Every state is built once per trial (its filling is not timed) and the window is pre-filled, so the
 * result is the cost of one update in ns/op. Command and figures: docs/benchmarks.md#streaming-gram-update.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The forks inherit -Xmx from the command line. Parallel GC with a small young generation: under G1 a dozen
// 800 MB arrays (P = 10^8) fragment the heap into humongous regions until one more no longer fits, even with
// 5 GB free; the parallel collector puts them side by side in one compacted old generation.
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmn512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class GramUpdateBenchmark {

    /** W, the window length of the target. */
    static final int W = 10;

    /** Elements per block of the blocked naive: the streaming kernel's block size, so both use caches alike. */
    private static final int BLOCK = 2048;

    /** The problem size shared by every state. */
    @State(Scope.Benchmark)
    public static class Size {
        /** P, the number of parameters. */
        @Param({"100000", "1000000", "10000000", "100000000"})
        public int p;
    }

    /** A full {@link UpdateWindow} and the update to push into it. */
    @State(Scope.Benchmark)
    public static class Streaming {
        UpdateWindow window;
        VectorSource delta;
        long step;

        @Setup(Level.Trial)
        public void fill(Size size) {
            requireHeap(W + 2, size.p);
            double[] values = random(size.p, 1);
            delta = VectorSource.of(values);
            window = new UpdateWindow("bench", W, size.p);
            // W+1 pushes: the window is full and the extra slot holds the departed update, as in steady state
            for (step = 0; step <= W; step++) window.pushUpdate(delta, step);
        }
    }

    /** A full {@link UpdateWindow} fed float32 snapshots, alternating between two of them. */
    @State(Scope.Benchmark)
    public static class Snapshots {
        UpdateWindow window;
        VectorSource[] thetas;
        long step;

        @Setup(Level.Trial)
        public void fill(Size size) {
            // W+1 update slots, θ_{t−1} and the incoming θ_t as doubles, plus two float snapshots (one double's worth)
            requireHeap(W + 4, size.p);
            thetas = new VectorSource[] {VectorSource.of(randomFloats(size.p, 2)), VectorSource.of(randomFloats(size.p, 3))};
            window = new UpdateWindow("bench", W, size.p);
            for (step = 0; step <= W + 1; step++) window.pushSnapshot(thetas[(int) (step % 2)], step);
        }
    }

    /** The same storage as the window (a ring of W+1 double[] slots), filled, plus the new update. */
    @State(Scope.Benchmark)
    public static class Stored {
        double[][] slots;
        double[] delta;
        long sequence;          // updates appended so far; the window is the last W of them
        double[][] gram = new double[W][W];

        @Setup(Level.Trial)
        public void fill(Size size) {
            requireHeap(W + 2, size.p);
            delta = random(size.p, 1);
            slots = new double[W + 1][];
            for (int i = 0; i <= W; i++) slots[i] = random(size.p, 10 + i);
            sequence = W + 1;
        }

        /** Copies the new update into the slot of the departing one, as the streaming push does. */
        void append() {
            System.arraycopy(delta, 0, slots[(int) (sequence % (W + 1))], 0, delta.length);
            sequence++;
        }

        /** Slot of window member i (0 = oldest) after {@link #append}. */
        double[] member(int i) {
            return slots[(int) ((sequence - W + i) % (W + 1))];
        }
    }

    @Benchmark
    public double streaming(Streaming s) {
        s.window.pushUpdate(s.delta, s.step++);
        return s.window.gram().newestNormSquared();
    }

    @Benchmark
    public double snapshotFloat(Snapshots s) {
        s.window.pushSnapshot(s.thetas[(int) (s.step % 2)], s.step++);
        return s.window.gram().newestNormSquared();
    }

    @Benchmark
    public double[][] naiveRecompute(Stored s) {
        s.append();
        for (int i = 0; i < W; i++) {
            double[] a = s.member(i);
            for (int j = i; j < W; j++) {
                double[] b = s.member(j);
                s.gram[i][j] = Kernels.dot(a, b, 0, a.length);
                s.gram[j][i] = s.gram[i][j];
            }
        }
        return s.gram;
    }

    @Benchmark
    public double[][] naiveRecomputeBlocked(Stored s) {
        s.append();
        double[][] members = new double[W][];
        for (int i = 0; i < W; i++) members[i] = s.member(i);
        for (int i = 0; i < W; i++) Arrays.fill(s.gram[i], 0);
        int length = s.delta.length;
        for (int off = 0; off < length; off += BLOCK) {
            int n = Math.min(BLOCK, length - off);
            for (int i = 0; i < W; i++) {
                for (int j = i; j < W; j++) s.gram[i][j] += Kernels.dot(members[i], members[j], off, n);
            }
        }
        for (int i = 0; i < W; i++) for (int j = 0; j < i; j++) s.gram[i][j] = s.gram[j][i];
        return s.gram;
    }

    @Benchmark
    public double readBound(Stored s) {
        double total = Kernels.sum(s.delta, 0, s.delta.length);
        for (int i = 0; i < W; i++) {
            double[] member = s.member(i);
            total += Kernels.sum(member, 0, member.length);
        }
        return total;
    }

    @Benchmark
    public double readBoundBlocked(Stored s) {
        double[][] members = new double[W][];
        for (int i = 0; i < W; i++) members[i] = s.member(i);
        int length = s.delta.length;
        double total = 0;
        for (int off = 0; off < length; off += BLOCK) {
            int n = Math.min(BLOCK, length - off);
            total += Kernels.sum(s.delta, off, n);
            for (int i = 0; i < W; i++) total += Kernels.sum(members[i], off, n);
        }
        return total;
    }

    /** Fails early, with the fix, when the heap cannot hold {@code vectors} double vectors of length p. */
    static void requireHeap(int vectors, int p) {
        long need = (long) vectors * p * Double.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max * 9 / 10) {
            throw new IllegalStateException("P = " + p + " needs about " + (need >> 20) + " MiB of heap but the fork has "
                    + (max >> 20) + " MiB: run the jar with -Xmx14g (the forks inherit it) or leave out the largest P with -p p=...");
        }
    }

    private static double[] random(int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[p];
        for (int i = 0; i < p; i++) v[i] = rng.nextDouble() - 0.5;
        return v;
    }

    private static float[] randomFloats(int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[p];
        for (int i = 0; i < p; i++) v[i] = (float) (rng.nextDouble() - 0.5);
        return v;
    }
}
