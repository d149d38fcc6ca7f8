package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.intervention.CollapseFile;
import org.spectraledge.intervention.CollapseTrial;
import org.spectraledge.sweep.SweepManifest;

/**
 * {@code spectral-edge collapse}: refuses bad arguments by name, writes one row per branch, prints the Gap Maximality
 * summary, and run again on the same file trains only the trials it lacks.
 */
class CollapseCommandTest {
    private static final List<String> SMALL = List.of("--task", "add", "--p", "11", "--d", "8", "--width", "16", "--threads", "1",
            "--eval-every", "10", "--window", "4", "--stride", "2", "--lr", "3e-3", "--wd", "1");

    @TempDir Path dir;

    @Test
    void badArgumentsAreUsageErrorsNamingTheArgument() throws Exception {
        String out = dir.resolve("c").toString();
        CliOutcome.run(args("--out", out)).assertUsage("collapse", "--origins T0,... is required");
        CliOutcome.run(args("--origins", "20")).assertUsage("collapse", "--out DIR is required");
        CliOutcome.run(args("--origins", "21", "--out", out)).assertUsage("collapse", "multiple of the stride 2");
        CliOutcome.run(args("--origins", "20", "--positions", "4", "--out", out)).assertUsage("collapse", "use 1..3");
        CliOutcome.run(args("--origins", "20", "--rule", "best", "--out", out)).assertUsage("collapse", "unknown gap rule 'best'");
        CliOutcome.run(args("--origins", "20", "--collapse-steps", "0", "--out", out)).assertUsage("collapse", "K (the collapsed steps) must be at least 1");
        Path notOurs = dir.resolve("mine");
        Files.createDirectories(notOurs);
        Files.writeString(notOurs.resolve("notes.csv"), "a,b\n1,2\n");
        CliOutcome.run(args("--origins", "20", "--out", notOurs.toString()))
                .assertUsage("collapse", "is not empty and is not a collapse study folder (it has no manifest.json)");
        try (var left = Files.list(notOurs)) {
            assertEquals(List.of(notOurs.resolve("notes.csv")), left.toList(), "a folder that is not ours is left as it was");
        }
        assertTrue(Files.notExists(dir.resolve("c")), "a refused command writes nothing");
    }

    @Test
    void aStudyWritesEveryBranchAndContinuesWhereItStopped() throws Exception {
        Path out = dir.resolve("study");
        CliOutcome first = CliOutcome.run(args("--origins", "20", "--seeds", "1", "--positions", "1,2", "--continue", "4",
                "--out", out.toString()));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Gap Maximality"), first.out());
        assertTrue(first.out().contains("t₀ + K + L"), "the summary at both horizons: " + first.out());
        assertEquals(1 + 3, Files.readAllLines(out.resolve("collapse.csv")).size(), "a header, the control and two collapsed branches");
        SweepManifest manifest = SweepManifest.read(out).orElseThrow();
        assertEquals(1, manifest.invocations().size());
        assertTrue(manifest.invocations().get(0).command().contains("--origins 20"), manifest.toString());
        assertTrue(!manifest.invocations().get(0).finished().isEmpty() && manifest.invocations().get(0).trained() == 1, manifest.toString());

        CliOutcome second = CliOutcome.run(args("--origins", "20", "--seeds", "1,2", "--positions", "1,2", "--continue", "4",
                "--out", out.toString()));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("1 trials kept"), second.err());
        assertTrue(!second.err().contains("seed 1, t0 20"), "seed 1 is not trained again: " + second.err());
        List<CollapseTrial> trials = CollapseFile.read(out.resolve("collapse.csv"));
        assertEquals(2, SweepManifest.read(out).orElseThrow().invocations().size(), "each invocation is recorded");
        assertEquals(List.of(1L, 2L), trials.stream().map(CollapseTrial::seed).toList());

        CliOutcome.run(args("--origins", "20", "--continue", "8", "--out", out.toString()))
                .assertUsage("collapse", "holds a study with another configuration or protocol");
    }

    /**
     * Every intervention under {@code experiments/} parses, and its committed evidence was made by exactly those
     * arguments (the manifest's definition hash) and holds every trial: one per seed and branch point, each with the
     * control and every position of the protocol. Changing the experiment without running it again fails here.
     */
    @Test
    void everyCollapseExperimentParsesAndItsEvidenceMatchesIt() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> experiments;
        try (var s = Files.list(root.resolve("experiments"))) {
            experiments = s.filter(p -> Files.isRegularFile(p.resolve("collapse.args"))).sorted().toList();
        }
        assertTrue(!experiments.isEmpty(), "experiments/ holds the gap collapse study");
        for (Path e : experiments) {
            List<String> args = new ArrayList<>(List.of(Files.readString(e.resolve("collapse.args")).strip().split("\\s+")));
            args.addAll(List.of("--out", dir.resolve("unused").toString()));
            CollapseCommand.Plan plan = CollapseCommand.parse(args);
            Path evidence = root.resolve("evidence").resolve(e.getFileName());
            if (!Files.isDirectory(evidence)) continue;
            SweepManifest manifest = SweepManifest.read(evidence).orElseThrow(() -> new AssertionError(evidence + " has no manifest.json"));
            assertEquals(plan.definition(), manifest.definition(), evidence + " was made by other arguments than " + e.resolve("collapse.args"));
            List<CollapseTrial> trials = CollapseFile.read(evidence.resolve("collapse.csv"));
            Set<String> expected = new TreeSet<>(), found = new TreeSet<>();
            for (long seed : plan.seeds()) for (long origin : plan.origins()) expected.add(seed + "@" + origin);
            for (CollapseTrial t : trials) {
                found.add(t.seed() + "@" + t.origin());
                assertEquals(plan.protocol().positionsFor(plan.base().window()), t.positions(), "positions of trial " + t.seed() + "@" + t.origin());
                assertEquals(plan.protocol().continued(), t.continued());
            }
            assertEquals(expected, found, evidence + ": one trial per seed and branch point");
        }
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("collapse"));
        all.addAll(SMALL);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
