package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest a sweep writes, the definition hash, and evidence packed from a sweep and checked against it. */
class EvidenceFolderTest {
    private static final String GRID = ", \"grid\": {\"wd\": [0, 1]}}";

    @TempDir Path dir;

    @Test
    void theDefinitionHashSeesWhatIsTrainedNotHowTheFileIsWritten() {
        SweepSpec spec = SweepSpec.parse("{" + SweepTest.BASE + GRID);
        SweepSpec reformatted = SweepSpec.parse("{\n  " + SweepTest.BASE.replace(", ", ",\n    ") + "\n" + GRID);
        assertEquals(spec.definitionHash(), reformatted.definitionHash());
        assertEquals(64, spec.definitionHash().length());
        SweepSpec moreSteps = SweepSpec.parse("{" + SweepTest.BASE.replace("\"steps\": 600", "\"steps\": 601") + GRID);
        assertNotEquals(spec.definitionHash(), moreSteps.definitionHash(), "a changed value changes it");
        SweepSpec explicitDefault = SweepSpec.parse("{" + SweepTest.BASE.replace("\"threads\": 1", "\"threads\": 1, \"beta2\": 0.98") + GRID);
        assertEquals(spec.definitionHash(), explicitDefault.definitionHash(), "a default written out trains the same runs");
    }

    @Test
    void aSweepIsPackedWithoutCheckpointsAndVerifiedAgainstItsDefinition() throws IOException {
        SweepSpec spec = SweepSpec.parse("{" + SweepTest.BASE.replace("\"steps\": 600", "\"steps\": 120") + GRID);
        Path sweep = dir.resolve("sweep");
        Sweep.builder().setSpec(spec).setOut(sweep).optCommand("spectral-edge sweep x.json --out sweep").optCommit("abc123")
                .build().run();

        SweepManifest manifest = SweepManifest.read(sweep).orElseThrow();
        assertEquals(spec.definitionHash(), manifest.definition());
        assertEquals(2, manifest.runs());
        assertEquals(1, manifest.invocations().size());
        SweepManifest.Invocation inv = manifest.invocations().get(0);
        assertEquals("abc123", inv.commit());
        assertEquals(2, inv.trained());
        assertTrue(inv.wallSeconds() > 0 && inv.machine().cores() >= 1 && !inv.finished().isEmpty(), inv.toString());

        Path evidence = dir.resolve("evidence");
        EvidenceFolder.pack(sweep, spec, evidence);
        assertEquals(spec.definitionHash(), EvidenceFolder.verify(evidence, spec).definition());
        try (Stream<Path> files = Files.walk(evidence)) {
            assertFalse(files.anyMatch(p -> p.toString().contains("checkpoint")), "no checkpoints in evidence");
        }
        Path run = evidence.resolve("runs").resolve(spec.runs().get(0).runId());
        for (String f : new String[] {"summary.json", "metrics.csv", "windows.csv"}) assertTrue(Files.isRegularFile(run.resolve(f)), f);

        IllegalStateException exists = assertThrows(IllegalStateException.class, () -> EvidenceFolder.pack(sweep, spec, evidence));
        assertTrue(exists.getMessage().contains("exists"), exists.getMessage());

        SweepSpec changed = SweepSpec.parse("{" + SweepTest.BASE.replace("\"steps\": 600", "\"steps\": 130") + GRID);
        IllegalStateException stale = assertThrows(IllegalStateException.class, () -> EvidenceFolder.verify(evidence, changed));
        assertTrue(stale.getMessage().contains("another definition"), stale.getMessage());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Sweep.builder().setSpec(changed).setOut(sweep).build().run());
        assertTrue(refused.getMessage().contains("another sweep definition"), "a changed sweep never mixes with old results: "
                + refused.getMessage());

        Sweep.builder().setSpec(spec).setOut(sweep).build().run();
        assertEquals(2, SweepManifest.read(sweep).orElseThrow().invocations().size(), "a continued sweep adds an invocation");
        assertEquals(0, SweepManifest.read(sweep).orElseThrow().invocations().get(1).trained());
    }

    @Test
    void anUnfinishedOrUnmanifestedSweepIsNotPacked() throws IOException {
        SweepSpec spec = SweepSpec.parse("{" + SweepTest.BASE + GRID);
        Files.createDirectories(dir.resolve("empty"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EvidenceFolder.pack(dir.resolve("empty"), spec, dir.resolve("out")));
        assertTrue(e.getMessage().contains("no manifest.json"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
