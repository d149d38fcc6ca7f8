package org.spectraledge.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates SCAN datasets (commands → action sequences) from {@link ScanGrammar}, with the simple
 * (random) split or the length split of Lake and Baroni (2018); framework §8 trains on 2,048 pairs.
 *
 * <p>Selection: every command is paired with its interpretation. {@link ScanSplit#SIMPLE} shuffles
 * all 20,910 pairs with the seed and takes the first n_train for training (n_train = round(frac · N)
 * or a fixed size) and the rest as the test pool. {@link ScanSplit#LENGTH} puts pairs with at most
 * {@value #LENGTH_SPLIT_MAX_TRAIN_ACTIONS} actions into the train pool and the rest into the test
 * pool, shuffles each with the seed, and takes the first n_train (all by default). An optional test
 * size keeps only the first n_test of the test pool (for fast evaluation).
 *
 * <pre>{@code
 * ScanDataset data = Scan.builder().optTrainSize(2048).optTestSize(2048).optSeed(0).build();
 * }</pre>
 */
public final class Scan {

    /** The length split trains on action sequences up to this length, as in the paper. */
    public static final int LENGTH_SPLIT_MAX_TRAIN_ACTIONS = 22;

    private Scan() {}

    /** A builder; every setting has a default (the simple 80/20 split, seed 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for {@link Scan}; validated in {@link #build()}. */
    public static final class Builder {
        private ScanSplit split = ScanSplit.SIMPLE;
        private Double trainFraction;
        private Integer trainSize;
        private Integer testSize;
        private long seed = 0;

        private Builder() {}

        /** Which split (default {@link ScanSplit#SIMPLE}). */
        public Builder optSplit(ScanSplit split) {
            this.split = split;
            return this;
        }

        /**
         * The training share of the simple split, strictly between 0 and 1 (default 0.8). Not
         * allowed together with {@link #optTrainSize} or with the length split.
         */
        public Builder optTrainFraction(double trainFraction) {
            this.trainFraction = trainFraction;
            return this;
        }

        /**
         * A fixed number of training pairs (e.g. 2,048 as in framework §8); for the length split, a
         * subsample of its train pool (default: all of it).
         */
        public Builder optTrainSize(int trainSize) {
            this.trainSize = trainSize;
            return this;
        }

        /** Keep only this many test pairs (default: the whole test pool). */
        public Builder optTestSize(int testSize) {
            this.testSize = testSize;
            return this;
        }

        /** The shuffle seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Generates the dataset.
         *
         * @throws IllegalArgumentException on conflicting or out-of-range settings
         */
        public ScanDataset build() {
            if (split == null) {
                throw new IllegalArgumentException("split must not be null; use ScanSplit.SIMPLE or ScanSplit.LENGTH");
            }
            if (trainFraction != null && !(trainFraction > 0 && trainFraction < 1)) {
                throw new IllegalArgumentException(
                        "train fraction must lie strictly between 0 and 1, got " + trainFraction);
            }
            List<ScanPair> all = new ArrayList<>(ScanGrammar.COMMAND_COUNT);
            for (String command : ScanGrammar.commands()) {
                all.add(ScanPair.of(command));
            }
            SeededRandom random = new SeededRandom(seed);
            List<ScanPair> trainPool;
            List<ScanPair> testPool;
            int nTrain;
            if (split == ScanSplit.SIMPLE) {
                if (trainFraction != null && trainSize != null) {
                    throw new IllegalArgumentException("give either a train fraction or a train size, not both");
                }
                List<ScanPair> shuffled = shuffled(all, random);
                nTrain = trainSize != null ? trainSize
                        : (int) Math.round((trainFraction != null ? trainFraction : 0.8) * all.size());
                if (nTrain < 1 || nTrain > all.size() - 1) {
                    throw new IllegalArgumentException("the simple split needs between 1 and " + (all.size() - 1)
                            + " training pairs, got " + nTrain);
                }
                trainPool = shuffled.subList(0, nTrain);
                testPool = shuffled.subList(nTrain, shuffled.size());
            } else {
                if (trainFraction != null) {
                    throw new IllegalArgumentException("the length split is fixed by action length (train ≤ "
                            + LENGTH_SPLIT_MAX_TRAIN_ACTIONS + " actions); use optTrainSize to subsample instead "
                            + "of a train fraction");
                }
                List<ScanPair> shortPairs = new ArrayList<>();
                List<ScanPair> longPairs = new ArrayList<>();
                for (ScanPair pair : all) {
                    (pair.actions().size() <= LENGTH_SPLIT_MAX_TRAIN_ACTIONS ? shortPairs : longPairs).add(pair);
                }
                trainPool = shuffled(shortPairs, random);
                testPool = shuffled(longPairs, random);
                nTrain = trainSize != null ? trainSize : trainPool.size();
                if (nTrain < 1 || nTrain > trainPool.size()) {
                    throw new IllegalArgumentException("the length split has " + trainPool.size()
                            + " training pairs; a train size of " + nTrain + " is out of range");
                }
            }
            int nTest = testSize != null ? testSize : testPool.size();
            if (nTest < 1 || nTest > testPool.size()) {
                throw new IllegalArgumentException("the test pool has " + testPool.size()
                        + " pairs; a test size of " + nTest + " is out of range");
            }
            return new ScanDataset(split, seed, trainPool.subList(0, nTrain), testPool.subList(0, nTest));
        }
    }

    private static List<ScanPair> shuffled(List<ScanPair> pairs, SeededRandom random) {
        int[] order = random.permutation(pairs.size());
        List<ScanPair> out = new ArrayList<>(pairs.size());
        for (int i : order) {
            out.add(pairs.get(i));
        }
        return out;
    }
}
