package org.spectraledge.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation of a training run: the columns of a run folder's {@code metrics.csv}
 * ({@code step, train_loss, train_acc, test_loss, test_acc}).
 *
 * <p>Accuracies are fractions in [0, 1]. Losses are carried as logged and not checked: a diverged run
 * legitimately logs NaN or infinity, and no event here depends on a loss.
 *
 * @param step optimizer step of the evaluation, ≥ 0
 * @param trainLoss loss on the training set
 * @param trainAcc accuracy on the training set, in [0, 1]
 * @param testLoss loss on the held-out set
 * @param testAcc accuracy on the held-out set, in [0, 1] (sequence accuracy for sequence tasks)
 */
public record EvalRecord(long step, double trainLoss, double trainAcc, double testLoss, double testAcc) {
    public EvalRecord {
        if (step < 0) throw new IllegalArgumentException("eval step must be ≥ 0, got " + step);
        checkAccuracy("train", trainAcc, step);
        checkAccuracy("test", testAcc, step);
    }

    /**
     * The rows of a {@code metrics.csv} (header first, then one row per eval; blank lines skipped).
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line of a row that is not an eval
     */
    public static List<EvalRecord> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<EvalRecord> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            try {
                out.add(new EvalRecord(Long.parseLong(f[0].strip()), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not an eval row "
                        + "(step,train_loss,train_acc,test_loss,test_acc): " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static void checkAccuracy(String which, double acc, long step) {
        if (!(acc >= 0 && acc <= 1)) {
            throw new IllegalArgumentException(which + " accuracy " + acc + " at step " + step + " is outside [0, 1]; "
                    + "accuracies are fractions (0.95), not percentages (95)");
        }
    }
}
