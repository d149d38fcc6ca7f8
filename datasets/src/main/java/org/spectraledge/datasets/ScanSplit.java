package org.spectraledge.datasets;

/** How SCAN's 20,910 commands are divided into train and test (Lake and Baroni 2018). */
public enum ScanSplit {
    /**
     * Random: a seeded shuffle of all commands, the first part for training (80 % in the paper:
     * 16,728 train, 4,182 test), or a fixed number of training pairs such as framework §8's 2,048.
     */
    SIMPLE,
    /**
     * Length generalisation: train on commands with at most {@value Scan#LENGTH_SPLIT_MAX_TRAIN_ACTIONS}
     * actions, test on the longer ones (24 to 48 actions); 16,990 train and 3,920 test in the paper.
     */
    LENGTH;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
