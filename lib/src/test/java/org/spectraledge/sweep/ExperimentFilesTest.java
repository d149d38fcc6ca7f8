package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's experiments and their committed evidence: every {@code experiments/NAME/sweep.json} is a valid sweep
 * with a README, and every {@code evidence/NAME/} was made from {@code experiments/NAME/sweep.json} as it is now (its
 * manifest's definition hash) and holds the files of every run it lists. Changing an experiment without running it
 * again fails here. Interventions ({@code collapse.args} instead of a sweep file) are checked the same way by the command
 * line's tests, which parse their arguments.
 */
class ExperimentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** An intervention's arguments of {@code spectral-edge collapse}, in place of a sweep file. */
    static final String COLLAPSE_ARGS = "collapse.args";

    @Test
    void everyExperimentIsAValidSweepWithAReadme() throws IOException {
        List<Path> experiments = folders(ROOT.resolve("experiments"));
        assertFalse(experiments.isEmpty(), "experiments/ holds the thesis' experiments");
        for (Path e : experiments) {
            assertTrue(Files.isRegularFile(e.resolve("README.md")), e + " says what it tests in a README.md");
            if (Files.isRegularFile(e.resolve(COLLAPSE_ARGS))) continue; // an intervention: the command line's tests read it
            SweepSpec spec = SweepSpec.read(e.resolve("sweep.json"));
            assertTrue(spec.runs().size() >= 2, e + ": at least two runs");
        }
    }

    @Test
    void committedEvidenceMatchesItsExperiment() throws IOException {
        for (Path evidence : folders(ROOT.resolve("evidence"))) {
            if (Files.isRegularFile(ROOT.resolve("experiments").resolve(evidence.getFileName()).resolve(COLLAPSE_ARGS))) continue;
            Path definition = ROOT.resolve("experiments").resolve(evidence.getFileName()).resolve("sweep.json");
            assertTrue(Files.isRegularFile(definition), evidence + " has no experiment file " + definition);
            EvidenceFolder.verify(evidence, SweepSpec.read(definition));
        }
    }

    private static List<Path> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
