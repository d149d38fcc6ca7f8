package org.spectraledge.events;

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

    private static void checkAccuracy(String which, double acc, long step) {
        if (!(acc >= 0 && acc <= 1)) {
            throw new IllegalArgumentException(which + " accuracy " + acc + " at step " + step + " is outside [0, 1]; "
                    + "accuracies are fractions (0.95), not percentages (95)");
        }
    }
}
