package org.spectraledge.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Committed evidence: a finished sweep folder without its checkpoints, so that its numbers can be re-analysed by
 * anyone without training again. It holds {@code results.csv}, {@code manifest.json} ({@link SweepManifest}: command,
 * commit, wall time, machine, and the hash of the definition that made it) and, per run, {@code summary.json},
 * {@code metrics.csv} and the window tables. {@link #verify} tells whether the evidence still belongs to its experiment
 * file, so stale evidence cannot pass for current.
 */
public final class EvidenceFolder {
    /** What a run folder contributes: everything but checkpoints. */
    private static final Set<String> RUN_FILES = Set.of("summary.json", "metrics.csv");

    private EvidenceFolder() {}

    /**
     * Copies sweep folder {@code sweep} (finished, with a manifest) to {@code target}, which must not exist yet; the copy
     * is made in a temporary sibling folder and renamed, so {@code target} never holds half an archive.
     *
     * @throws IllegalStateException if the sweep has no manifest, belongs to another definition than {@code spec}, has
     *                               unfinished runs, or {@code target} exists
     */
    public static void pack(Path sweep, SweepSpec spec, Path target) {
        SweepManifest manifest = SweepManifest.read(sweep).orElseThrow(() -> new IllegalStateException(sweep
                + " has no " + SweepManifest.FILE + "; run the sweep with 'spectral-edge sweep' (it writes one) first"));
        requireDefinition(sweep, manifest, spec);
        List<RunResult> rows = new ResultsFile(sweep.resolve("results.csv"), spec.keys()).read();
        if (rows.size() != spec.runs().size() || !rows.stream().allMatch(RunResult::finished)) {
            throw new IllegalStateException(sweep + " has " + rows.stream().filter(RunResult::finished).count() + " finished runs of "
                    + spec.runs().size() + "; run the same sweep command again to finish it before packing");
        }
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists; evidence is written to a new folder (remove it or choose another)");
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp.resolve("runs"));
            Files.copy(sweep.resolve("results.csv"), tmp.resolve("results.csv"));
            Files.copy(sweep.resolve(SweepManifest.FILE), tmp.resolve(SweepManifest.FILE));
            for (RunResult row : rows) {
                Path from = sweep.resolve("runs").resolve(row.runId());
                Path to = Files.createDirectories(tmp.resolve("runs").resolve(row.runId()));
                for (Path f : runFiles(from)) Files.copy(f, to.resolve(f.getFileName()));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw new UncheckedIOException("cannot pack " + sweep + " into " + target + ": " + e, e);
        }
    }

    /**
     * Checks that {@code evidence} was made from {@code spec} as it is now and holds every run it lists.
     *
     * @throws IllegalStateException naming what does not match and how to regenerate
     */
    public static SweepManifest verify(Path evidence, SweepSpec spec) {
        SweepManifest manifest = SweepManifest.read(evidence).orElseThrow(() -> new IllegalStateException(evidence
                + " has no " + SweepManifest.FILE + "; it is not an evidence folder"));
        requireDefinition(evidence, manifest, spec);
        Set<String> ids = spec.runs().stream().map(RunSpec::runId).collect(Collectors.toSet());
        for (RunResult row : new ResultsFile(evidence.resolve("results.csv"), spec.keys()).read()) {
            if (!ids.contains(row.runId())) {
                throw new IllegalStateException(evidence + ": run " + row.runId() + " is not a run of the experiment");
            }
            Path run = evidence.resolve("runs").resolve(row.runId());
            for (String f : RUN_FILES) {
                if (!Files.isRegularFile(run.resolve(f))) throw new IllegalStateException(run.resolve(f) + " is missing");
            }
        }
        return manifest;
    }

    private static void requireDefinition(Path folder, SweepManifest manifest, SweepSpec spec) {
        String now = spec.definitionHash();
        if (!manifest.definition().equals(now)) {
            throw new IllegalStateException(folder + " was made from another definition of its experiment (manifest "
                    + manifest.definition().substring(0, 12) + "…, the experiment file now " + now.substring(0, 12)
                    + "…): a value, a run or a default changed. Run the experiment again and pack its results anew");
        }
    }

    /** The run folder's files that evidence keeps: the summary, the metrics and every window table. */
    private static List<Path> runFiles(Path run) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(run)) {
            for (Path f : dir) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && (RUN_FILES.contains(name) || name.matches("windows(-.+)?\\.csv"))) files.add(f);
            }
        }
        for (String f : RUN_FILES) {
            if (!Files.isRegularFile(run.resolve(f))) throw new IOException(run.resolve(f) + " is missing");
        }
        files.sort(null);
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }
}
