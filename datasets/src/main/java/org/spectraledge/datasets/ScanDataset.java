package org.spectraledge.datasets;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A generated SCAN dataset (see {@link Scan}).
 *
 * <p>Encoding for an encoder–decoder: the source is the command's word ids followed by
 * {@code <eos>} and padding to {@link #SOURCE_LENGTH}; the target is {@code <bos>}, the action ids,
 * {@code <eos>} and padding to {@link #TARGET_LENGTH}. For teacher forcing, feed target[:, :−1] to the
 * decoder and predict target[:, 1:], ignoring positions whose label is {@code <pad>}. Ids come from
 * {@link ScanGrammar#COMMAND_VOCAB} and {@link ScanGrammar#ACTION_VOCAB}.
 *
 * @param split the split that produced it
 * @param seed  the shuffle seed
 * @param train training pairs
 * @param test  test pairs (no command is in both)
 */
public record ScanDataset(ScanSplit split, long seed, List<ScanPair> train, List<ScanPair> test)
        implements TaskDataset {

    /** Source ids per command: at most 9 words plus {@code <eos>}. */
    public static final int SOURCE_LENGTH = ScanGrammar.MAX_COMMAND_WORDS + 1;
    /** Target ids per action sequence: {@code <bos>}, at most 48 actions, {@code <eos>}. */
    public static final int TARGET_LENGTH = ScanGrammar.MAX_ACTIONS + 2;

    public ScanDataset {
        Objects.requireNonNull(split, "split");
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("SCAN train and test sets must both be non-empty, got "
                    + train.size() + " and " + test.size());
        }
        Set<String> trainCommands = new HashSet<>();
        for (ScanPair pair : train) {
            trainCommands.add(pair.command());
        }
        for (ScanPair pair : test) {
            if (trainCommands.contains(pair.command())) {
                throw new IllegalArgumentException("'" + pair.command() + "' is in both train and test");
            }
        }
    }

    /** The pairs of one part. */
    public List<ScanPair> pairs(Split part) {
        return part == Split.TRAIN ? train : test;
    }

    /** Encoded commands of one part, n × {@link #SOURCE_LENGTH} (freshly allocated). */
    public int[][] sourceIds(Split part) {
        List<ScanPair> pairs = pairs(part);
        int[][] ids = new int[pairs.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ScanGrammar.COMMAND_VOCAB.encode(pairs.get(i).commandWords(), SOURCE_LENGTH, false);
        }
        return ids;
    }

    /** Encoded action sequences of one part, n × {@link #TARGET_LENGTH} (freshly allocated). */
    public int[][] targetIds(Split part) {
        List<ScanPair> pairs = pairs(part);
        int[][] ids = new int[pairs.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ScanGrammar.ACTION_VOCAB.encode(pairs.get(i).actions(), TARGET_LENGTH, true);
        }
        return ids;
    }

    @Override
    public TaskName task() {
        return TaskName.SCAN;
    }

    @Override
    public int size(Split part) {
        return pairs(part).size();
    }

    /** 13 command words plus 3 specials. */
    @Override
    public int inputVocabSize() {
        return ScanGrammar.COMMAND_VOCAB.size();
    }

    /** 6 actions plus 3 specials. */
    @Override
    public int outputVocabSize() {
        return ScanGrammar.ACTION_VOCAB.size();
    }

    @Override
    public PreviewRow row(Split part, int index) {
        ScanPair pair = pairs(part).get(index);
        return new PreviewRow(part, index, pair.command(), pair.actionText(), pair.toString());
    }

    @Override
    public String toString() {
        return "ScanDataset[" + split + " split, train " + train.size() + ", test " + test.size()
                + ", seed " + seed + "]";
    }
}
