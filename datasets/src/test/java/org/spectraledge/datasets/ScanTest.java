package org.spectraledge.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanTest {

    private static String run(String command) {
        return String.join(" ", ScanGrammar.interpret(command));
    }

    private static String times(String s, int n) {
        return String.join(" ", Collections.nCopies(n, s));
    }

    @Test
    void grammarGeneratesExactly20910DistinctCommands() {
        List<String> commands = ScanGrammar.commands();
        assertEquals(20_910, commands.size());
        assertEquals(ScanGrammar.COMMAND_COUNT, new HashSet<>(commands).size());
    }

    @Test
    void interpretsThePapersExamples() {
        assertEquals("I_JUMP", run("jump"));
        assertEquals("I_TURN_LEFT", run("turn left"));
        assertEquals("I_TURN_LEFT I_WALK", run("walk left"));
        assertEquals(times("I_TURN_RIGHT I_JUMP", 4), run("jump around right"));
        assertEquals("I_TURN_LEFT I_TURN_LEFT I_LOOK", run("look opposite left"));
        assertEquals("I_RUN I_RUN I_JUMP", run("run twice and jump"));
        assertEquals("I_RUN I_WALK", run("walk after run"));
        assertEquals(times("I_TURN_LEFT", 12), run("turn around left thrice"));
        assertEquals("I_TURN_RIGHT I_TURN_RIGHT", run("turn opposite right"));
        assertEquals("I_TURN_LEFT I_TURN_LEFT I_WALK I_TURN_LEFT I_TURN_LEFT I_WALK I_LOOK I_LOOK I_LOOK",
                run("look thrice after walk opposite left twice"));
        assertEquals(times("I_TURN_RIGHT I_LOOK", 12) + " " + times("I_TURN_LEFT I_JUMP", 12),
                run("look around right thrice and jump around left thrice"));
    }

    @Test
    void longestSequencesMatchThePaper() {
        int maxActions = 0;
        int maxWords = 0;
        for (String command : ScanGrammar.commands()) {
            maxActions = Math.max(maxActions, ScanGrammar.interpret(command).size());
            maxWords = Math.max(maxWords, command.split(" ").length);
        }
        assertEquals(48, maxActions);
        assertEquals(ScanGrammar.MAX_ACTIONS, maxActions);
        assertEquals(9, maxWords);
        assertEquals(ScanGrammar.MAX_COMMAND_WORDS, maxWords);
    }

    @Test
    void rejectsCommandsOutsideTheLanguage() {
        for (String bad : new String[] {"", "turn", "fly", "walk and", "walk twice twice", "walk left left",
            "jump and run and walk", "walk and run after look", "walk opposite", "left walk", "walk around"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ScanGrammar.interpret(bad), bad);
            assertTrue(e.getMessage().contains("not a SCAN command"), e.getMessage());
        }
    }

    @Test
    void simpleSplitIsEightyTwentyByDefault() {
        ScanDataset data = Scan.builder().build();
        // 16,728 / 4,182 as in the paper
        assertEquals(16_728, data.size(Split.TRAIN));
        assertEquals(4_182, data.size(Split.TEST));
        assertDisjointAndCorrect(data);
    }

    @Test
    void simpleSplitWithAFixedTrainingSize() {
        ScanDataset data = Scan.builder().optTrainSize(2048).optTestSize(1000).optSeed(3).build();
        assertEquals(2048, data.size(Split.TRAIN));
        assertEquals(1000, data.size(Split.TEST));
        assertDisjointAndCorrect(data);
        ScanDataset all = Scan.builder().optTrainSize(2048).optSeed(3).build();
        assertEquals(20_910 - 2048, all.size(Split.TEST));
        assertEquals(data.train(), all.train());
    }

    @Test
    void lengthSplitSeparatesShortFromLongSequences() {
        ScanDataset data = Scan.builder().optSplit(ScanSplit.LENGTH).build();
        // 16,990 / 3,920 as in the paper
        assertEquals(16_990, data.size(Split.TRAIN));
        assertEquals(3_920, data.size(Split.TEST));
        int trainMax = data.train().stream().mapToInt(p -> p.actions().size()).max().orElseThrow();
        int testMin = data.test().stream().mapToInt(p -> p.actions().size()).min().orElseThrow();
        int testMax = data.test().stream().mapToInt(p -> p.actions().size()).max().orElseThrow();
        assertEquals(22, trainMax);
        assertEquals(24, testMin);
        assertEquals(48, testMax);
        assertDisjointAndCorrect(data);

        ScanDataset small = Scan.builder().optSplit(ScanSplit.LENGTH).optTrainSize(500).optTestSize(100).build();
        assertEquals(500, small.size(Split.TRAIN));
        assertTrue(small.train().stream().allMatch(p -> p.actions().size() <= 22));
        assertTrue(small.test().stream().allMatch(p -> p.actions().size() > 22));
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertEquals(Scan.builder().optSeed(9).build(), Scan.builder().optSeed(9).build());
        assertFalse(Scan.builder().optSeed(9).build().train().equals(Scan.builder().optSeed(10).build().train()));
        ScanDataset a = Scan.builder().optSplit(ScanSplit.LENGTH).optSeed(1).build();
        ScanDataset b = Scan.builder().optSplit(ScanSplit.LENGTH).optSeed(2).build();
        assertEquals(new HashSet<>(a.train()), new HashSet<>(b.train()), "the length split's sets do not depend on the seed");
        assertFalse(a.train().equals(b.train()), "but their order does");
    }

    @Test
    void encodingRoundTripsThroughTheVocabularies() {
        ScanDataset data = Scan.builder().optTrainSize(300).optTestSize(300).build();
        assertEquals(16, data.inputVocabSize());
        assertEquals(9, data.outputVocabSize());
        int[][] source = data.sourceIds(Split.TRAIN);
        int[][] target = data.targetIds(Split.TRAIN);
        for (int i = 0; i < source.length; i++) {
            ScanPair pair = data.train().get(i);
            assertEquals(ScanDataset.SOURCE_LENGTH, source[i].length);
            assertEquals(ScanDataset.TARGET_LENGTH, target[i].length);
            assertEquals(pair.commandWords(), ScanGrammar.COMMAND_VOCAB.decode(source[i]));
            assertEquals(pair.actions(), ScanGrammar.ACTION_VOCAB.decode(target[i]));
            assertEquals(Vocabulary.BOS, target[i][0]);
            int n = pair.actions().size();
            assertEquals(Vocabulary.EOS, target[i][n + 1]);
            for (int j = n + 2; j < target[i].length; j++) {
                assertEquals(Vocabulary.PAD, target[i][j]);
            }
            assertEquals(Vocabulary.EOS, source[i][pair.commandWords().size()]);
        }
        // "jump twice" → [jump twice <eos> <pad>…] and [<bos> I_JUMP I_JUMP <eos> <pad>…]
        // ids: 3 specials, then words/actions in their list order (jump = 3 + 3, twice = 3 + 9, I_JUMP = 3 + 3)
        int[] command = ScanGrammar.COMMAND_VOCAB.encode(ScanPair.of("jump twice").commandWords(), 5, false);
        assertEquals(List.of(6, 12, 2, 0, 0), java.util.Arrays.stream(command).boxed().toList());
        int[] ids = ScanGrammar.ACTION_VOCAB.encode(List.of("I_JUMP", "I_JUMP"), 6, true);
        assertEquals(List.of(1, 6, 6, 2, 0, 0), java.util.Arrays.stream(ids).boxed().toList());
    }

    @Test
    void previewShowsCommandAndActions() {
        ScanDataset data = Scan.builder().optTrainSize(10).optTestSize(10).build();
        PreviewRow row = data.row(Split.TEST, 2);
        ScanPair pair = data.test().get(2);
        assertEquals(pair.command(), row.input());
        assertEquals(run(pair.command()), row.target());
        assertEquals(pair.command() + " → " + row.target(), row.line());
    }

    @Test
    void badSettingsGiveClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> Scan.builder().optTrainFraction(1.0).build());
        assertThrows(IllegalArgumentException.class,
                () -> Scan.builder().optTrainFraction(0.5).optTrainSize(100).build());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Scan.builder().optSplit(ScanSplit.LENGTH).optTrainFraction(0.5).build());
        assertTrue(e.getMessage().contains("optTrainSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scan.builder().optTrainSize(20_910).build());
        assertThrows(IllegalArgumentException.class,
                () -> Scan.builder().optSplit(ScanSplit.LENGTH).optTestSize(3_921).build());
        assertThrows(IllegalArgumentException.class, () -> ScanGrammar.COMMAND_VOCAB.id("fly"));
        assertThrows(IllegalArgumentException.class,
                () -> ScanGrammar.ACTION_VOCAB.encode(List.of("I_JUMP", "I_JUMP"), 3, true));
        assertThrows(IllegalArgumentException.class,
                () -> new ScanDataset(ScanSplit.SIMPLE, 0, List.of(ScanPair.of("jump")), List.of(ScanPair.of("jump"))));
    }

    private static void assertDisjointAndCorrect(ScanDataset data) {
        Set<String> train = new HashSet<>();
        for (ScanPair pair : data.train()) {
            train.add(pair.command());
            assertEquals(ScanGrammar.interpret(pair.command()), pair.actions());
        }
        assertEquals(data.size(Split.TRAIN), train.size());
        for (ScanPair pair : data.test()) {
            assertFalse(train.contains(pair.command()), pair.command());
        }
    }
}
