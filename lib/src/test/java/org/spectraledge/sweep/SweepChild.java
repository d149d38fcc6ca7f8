package org.spectraledge.sweep;

import java.nio.file.Path;

/** Runs a sweep in a fresh JVM for {@link SweepKillTest}, which kills it: {@code SweepChild SWEEP.json DIR}. */
public final class SweepChild {
    private SweepChild() {}

    public static void main(String[] args) {
        Sweep.builder().setSpec(SweepSpec.read(Path.of(args[0]))).setOut(Path.of(args[1])).build().run();
        System.out.println("sweep finished");
    }
}
