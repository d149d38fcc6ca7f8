package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.intervention.CollapseFile;
import org.spectraledge.intervention.CollapseTrial;

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
        String out = dir.resolve("c.csv").toString();
        CliOutcome.run(args("--out", out)).assertUsage("collapse", "--origins T0,... is required");
        CliOutcome.run(args("--origins", "20")).assertUsage("collapse", "--out FILE is required");
        CliOutcome.run(args("--origins", "21", "--out", out)).assertUsage("collapse", "multiple of the stride 2");
        CliOutcome.run(args("--origins", "20", "--positions", "4", "--out", out)).assertUsage("collapse", "use 1..3");
        CliOutcome.run(args("--origins", "20", "--rule", "best", "--out", out)).assertUsage("collapse", "unknown gap rule 'best'");
        Path notOurs = dir.resolve("notes.csv");
        Files.writeString(notOurs, "a,b\n1,2\n");
        CliOutcome.run(args("--origins", "20", "--out", notOurs.toString()))
                .assertUsage("collapse", "is not a collapse trial file");
        assertEquals("a,b\n1,2\n", Files.readString(notOurs), "a file that is not ours is left as it was");
        assertTrue(Files.notExists(dir.resolve("c.csv")), "a refused command writes nothing");
    }

    @Test
    void aStudyWritesEveryBranchAndContinuesWhereItStopped() throws Exception {
        Path out = dir.resolve("collapse.csv");
        CliOutcome first = CliOutcome.run(args("--origins", "20", "--seeds", "1", "--positions", "1,2", "--continue", "4",
                "--out", out.toString()));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Gap Maximality"), first.out());
        assertTrue(first.out().contains("t₀ + K + L"), "the summary at both horizons: " + first.out());
        assertEquals(1 + 3, Files.readAllLines(out).size(), "a header, the control and two collapsed branches");

        CliOutcome second = CliOutcome.run(args("--origins", "20", "--seeds", "1,2", "--positions", "1,2", "--continue", "4",
                "--out", out.toString()));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("1 trials kept"), second.err());
        assertTrue(!second.err().contains("seed 1, t0 20"), "seed 1 is not trained again: " + second.err());
        List<CollapseTrial> trials = CollapseFile.read(out);
        assertEquals(List.of(1L, 2L), trials.stream().map(CollapseTrial::seed).toList());

        CliOutcome.run(args("--origins", "20", "--continue", "8", "--out", out.toString()))
                .assertUsage("collapse", "holds trials with K = 8, L = 4");
    }

    private static String[] args(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("collapse"));
        all.addAll(SMALL);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
