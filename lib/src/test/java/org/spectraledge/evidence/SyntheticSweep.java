package org.spectraledge.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectraledge.table.WindowTable;

/**
 * Writes sweep folders with known answers. Every run has windows every 5 steps (5 … 1000) and evals every 10 steps;
 * train accuracy reaches 1 at step 100 (memorization), test accuracy reaches 1 at the grok step. g₂₃ is a start-up
 * transient of 50 (steps ≤ 20), then 1, except for a run with a peak: 5 at the peak step, 4 after it and 2 from the
 * fall step on, so criterion (a) fires exactly at the fall step. R is constant per run (criterion (b) never fires:
 * no rise) and 𝒜 is empty (criterion (c) never fires).
 */
final class SyntheticSweep {
    static final int WINDOW = 5;

    /** One run: grok step (null for a negative), peak and fall steps (0 for none), constant R. */
    record Run(String id, Integer grok, int peak, int fall, double ratio) {}

    private SyntheticSweep() {}

    static Path write(Path dir, List<Run> runs) throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        StringBuilder results = new StringBuilder("run_id,wd,seed,grokked,grokked_step\n");
        for (Run r : runs) {
            results.append(r.id()).append(",1,1,").append(r.grok() != null).append(',')
                    .append(r.grok() == null ? "" : r.grok()).append('\n');
            Path folder = Files.createDirectories(dir.resolve("runs").resolve(r.id()));
            Files.writeString(folder.resolve("summary.json"), "{\n  \"memorized_step\": 100,\n  \"grokked_step\": "
                    + (r.grok() == null ? "null" : r.grok()) + ",\n  \"status\": \"completed\"\n}\n");
            StringBuilder m = new StringBuilder("step,train_loss,train_acc,test_loss,test_acc\n");
            for (int step = 10; step <= 1000; step += 10) {
                boolean grokked = r.grok() != null && step >= r.grok();
                m.append(step).append(",0.1,").append(step >= 100 ? "1.0" : "0.5").append(",1.0,")
                        .append(grokked ? "1.0" : "0.1").append('\n');
            }
            Files.writeString(folder.resolve("metrics.csv"), m);
            Files.writeString(folder.resolve("windows.csv"), windows(r));
        }
        Files.writeString(dir.resolve("results.csv"), results);
        return dir;
    }

    static String windows(Run r) {
        List<String> cols = WindowTable.columnNames(WINDOW);
        StringBuilder b = new StringBuilder(String.join(",", cols)).append('\n');
        for (int step = 5; step <= 1000; step += 5) {
            double g23 = step <= 20 ? 50 : 1;
            if (r.peak() > 0 && step == r.peak()) g23 = 5;
            else if (r.peak() > 0 && step > r.peak()) g23 = step >= r.fall() ? 2 : 4;
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                cells.add(switch (c) {
                    case "step" -> String.valueOf(step);
                    case "size" -> String.valueOf(WINDOW);
                    case "g23" -> String.format(Locale.ROOT, "%s", g23);
                    case "gap_ratio" -> String.valueOf(r.ratio());
                    case "kstar_plain", "kstar_weighted", "kstar_floored", "k95" -> "1";
                    case "adiabatic", "regime" -> "";
                    default -> "1.0";
                });
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }
}
