package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spectraledge.evidence.PrecursorEvaluation;
import org.spectraledge.evidence.PrecursorEvaluator;
import org.spectraledge.evidence.PrecursorSettings;

/**
 * Every experiment's whole pipeline on a small case: its sweep file with two seeds per arm and a short budget is trained,
 * packed as evidence, verified against its definition and evaluated as a precursor (framework §7b). Its models,
 * optimizers, tasks and capture are the experiment's own; only the seeds, steps and snapshot stride shrink. What the
 * numbers say at this size means nothing; that every step runs end to end does.
 */
class ExperimentPipelineTest {
    private static final Path EXPERIMENTS = Path.of("..").toAbsolutePath().normalize().resolve("experiments");
    private static final int STEPS = 150;

    @TempDir Path dir;

    static Stream<String> experiments() throws IOException {
        try (Stream<Path> s = Files.list(EXPERIMENTS)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("sweep.json"))).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void runsPacksAndEvaluatesWithTwoSeedsPerArm(String name) throws IOException {
        SweepSpec small = SweepSpec.parse(shrink(Files.readString(EXPERIMENTS.resolve(name).resolve("sweep.json"))));
        Path sweep = dir.resolve("sweep");
        Sweep.builder().setSpec(small).setOut(sweep).optExecutor(new LocalExecutor(2)).build().run();

        Path evidence = dir.resolve("evidence");
        EvidenceFolder.pack(sweep, small, evidence);
        EvidenceFolder.verify(evidence, small);
        PrecursorEvaluation evaluation = PrecursorEvaluator.evaluate(evidence, PrecursorSettings.builder()
                .setHorizon(50).setSettleWindows(1).optGroup(small.runs().get(0).config().groups().get(0)).build());
        String report = evaluation.report();
        assertTrue(report.contains("N"), report);
        assertEquals(small.runs().size(), evaluation.alarms().nPositive() + evaluation.alarms().nNegative(), report);
        Path csv = dir.resolve("tables");
        evaluation.writeCsv(csv);
        try (Stream<Path> files = Files.list(csv)) {
            assertTrue(files.count() >= 3, "alarm table, runs and scores are written");
        }
    }

    /**
     * The sweep file with seeds 1 and 2 only (grid or run list), {@value #STEPS} steps, an evaluation every 25 steps and
     * a snapshot every 10 (so that even the short run fills windows).
     */
    static String shrink(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonObject base = root.getAsJsonObject("base");
        base.addProperty("steps", STEPS);
        base.addProperty("eval-every", 25);
        base.addProperty("stride", 10);
        base.addProperty("checkpoint-every", 0);
        if (root.has("grid")) {
            JsonObject grid = root.getAsJsonObject("grid");
            JsonArray seeds = new JsonArray();
            List<JsonElement> all = grid.getAsJsonArray("seed").asList();
            all.subList(0, 2).forEach(seeds::add);
            grid.add("seed", seeds);
        } else {
            JsonArray runs = new JsonArray();
            for (JsonElement r : root.getAsJsonArray("runs")) {
                if (r.getAsJsonObject().get("seed").getAsInt() <= 2) runs.add(r);
            }
            root.add("runs", runs);
        }
        return root.toString();
    }
}
