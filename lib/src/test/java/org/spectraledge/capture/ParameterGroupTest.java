package org.spectraledge.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;

import org.spectraledge.train.model.ParameterLayout;
class ParameterGroupTest {
    private static final ParameterLayout MODEL = ParameterLayout.builder()
            .add("embed", 6).add("pos_embed", 2)
            .add("blocks.0.attn.W_Q", 4).add("blocks.0.attn.W_K", 4).add("blocks.0.attn.W_V", 4).add("blocks.0.attn.W_O", 4)
            .add("blocks.0.mlp.W_in", 5).add("blocks.1.attn.W_Q", 3).add("blocks.1.mlp.W_out", 2)
            .add("unembed", 6).build();

    @Test
    void presetsSelectByName() {
        assertEquals(40, MODEL.size());
        assertEquals(40, ParameterGroup.all().resolve(MODEL).size());
        assertEquals(List.of("blocks.0.attn.W_Q", "blocks.0.attn.W_K", "blocks.0.attn.W_V", "blocks.0.attn.W_O",
                "blocks.0.mlp.W_in", "blocks.1.attn.W_Q", "blocks.1.mlp.W_out"), ParameterGroup.trunk().resolve(MODEL).names());
        ParameterGroup.Selection attention = ParameterGroup.attention().resolve(MODEL);
        assertEquals(19, attention.size());
        assertArrayEquals(new int[] {8, 12, 16, 20, 29}, attention.offsets());
        assertEquals(List.of("blocks.0.attn.W_Q", "blocks.0.attn.W_K", "blocks.0.attn.W_V", "blocks.0.attn.W_O",
                "blocks.0.mlp.W_in"), ParameterGroup.parse("layer:0").resolve(MODEL).names());
        assertEquals(List.of("embed", "blocks.1.attn.W_Q"), ParameterGroup.parse("embed, blocks.1.*.W_?").resolve(MODEL).names());
    }

    @Test
    void badGroupsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterGroup.parse("decoder.*").resolve(MODEL));
        assertTrue(e.getMessage().contains("matches no parameter") && e.getMessage().contains("blocks.0.attn.W_Q"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterGroup.parse("layer:x"));
        assertThrows(IllegalArgumentException.class, () -> ParameterGroup.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> ParameterLayout.builder().add("a", 1).add("a", 2).build());
    }

    @Test
    void oneSnapshotFeedsEachGroupItsOwnSlice() {
        AnalysisConfig cfg = AnalysisConfig.builder().optWindow(3).build();
        SnapshotAnalysis multi = new SnapshotAnalysis(MODEL, List.of(ParameterGroup.all(), ParameterGroup.attention()), cfg);
        ParameterGroup.Selection att = ParameterGroup.attention().resolve(MODEL);
        SpectralTracker alone = new SpectralTracker("attention", att.size(), cfg);
        SplittableRandom rnd = new SplittableRandom(1);
        for (int s = 0; s < 8; s++) {
            double[] theta = new double[MODEL.size()];
            for (int i = 0; i < theta.length; i++) theta[i] = rnd.nextDouble();
            multi.pushSnapshot(VectorSource.of(theta), s);
            double[] sub = new double[att.size()];
            int k = 0;
            for (int r = 0; r < att.offsets().length; r++) {
                for (int i = 0; i < att.lengths()[r]; i++) sub[k++] = theta[att.offsets()[r] + i];
            }
            alone.pushSnapshot(VectorSource.of(sub), s);
        }
        assertEquals(6, multi.results().get("attention").size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(alone.results().get(i).spectrum().sigma(),
                    multi.results().get("attention").get(i).spectrum().sigma(), 0);
        }
    }

    @Test
    void nonFiniteSnapshotIsRejectedForAllGroupsAndNamesTheTensor() {
        SnapshotAnalysis multi = new SnapshotAnalysis(MODEL, List.of(ParameterGroup.all(), ParameterGroup.trunk()),
                AnalysisConfig.builder().optWindow(3).build());
        multi.pushSnapshot(VectorSource.of(new double[40]), 0);
        double[] bad = new double[40];
        bad[13] = Double.NaN;
        NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class, () -> multi.pushSnapshot(VectorSource.of(bad), 1));
        assertTrue(e.getMessage().contains("blocks.0.attn.W_K") && e.getMessage().contains("[all, trunk]"), e.getMessage());
        assertEquals(1, multi.tracker("all").window().snapshots());
        assertEquals(1, multi.tracker("trunk").window().snapshots());
    }
}
