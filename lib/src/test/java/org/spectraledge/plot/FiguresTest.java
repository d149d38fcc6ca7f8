package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.theory.BbpExperiment;
import org.spectraledge.theory.BbpPhaseDiagram;
import org.spectraledge.theory.DavisKahanExperiment;
import org.spectraledge.theory.DavisKahanPoint;
import org.spectraledge.theory.DysonBrownianMotion;
import org.spectraledge.theory.DysonTrajectory;
import org.spectraledge.theory.GapFlowFit;
import org.spectraledge.theory.LevelSpacing;
import org.spectraledge.theory.MarchenkoPastur;
import org.spectraledge.theory.SignalFlow;
import org.spectraledge.theory.SignalTrajectory;
import org.spectraledge.theory.SpikedWindowGenerator;

/**
 * Every figure builder on data from the real tracker and simulators: the image renders at notebook size and is not
 * blank, the series and axis titles are the expected ones, and log axes refuse non-positive values.
 * Set {@code -Dfigures.dir=/some/dir} to also write every figure there as PNG for a look.
 */
class FiguresTest {
    private static SyntheticRun run;
    private static SyntheticRun control;

    @BeforeAll
    static void setUp() {
        System.setProperty("java.awt.headless", "true");
        run = new SyntheticRun(1, true);
        control = new SyntheticRun(2, false);
    }

    @Test
    void scree() {
        List<WindowResult> w = List.of(run.windows.get(20), run.windows.get(250));
        XYChart c = SpectrumFigures.scree(w);
        check(c, "scree", 3, "mode j", "σ_j (log)");
    }

    @Test
    void ratioProfile() {
        XYChart c = SpectrumFigures.ratioProfile(run.windows.get(100));
        check(c, "ratio_profile", 5, "j", "r_j = σ_j / σ_{j+1}");
        assertTrue(c.getSeriesMap().keySet().stream().anyMatch(n -> n.startsWith("k* weighted")));
    }

    @Test
    void sigmaTrajectories() {
        check(SpectrumFigures.sigmaTrajectories(run.windows, 4), "sigma_trajectories", 4, "step", "σ_j (log)");
    }

    @Test
    void alphaHeatmap() {
        HeatMapChart c = SpectrumFigures.alphaHeatmap(run.windows, 5);
        render(c, "alpha_heatmap");
        assertEquals(1, c.getSeriesMap().size());
        assertEquals("step", c.getXAxisTitle());
        assertEquals("mode j", c.getYAxisTitle());
    }

    @Test
    void rotationAngles() {
        check(SpectrumFigures.rotationAngles(run.windows, 3), "rotation_angles", 3, "step", "angle between windows (degrees)");
    }

    @Test
    void gapAndValidationLoss() {
        XYChart c = GapFigures.gapAndValidationLoss(run.windows, run.log);
        check(c, "gap_and_validation_loss", 4, "step", "k*, R");
        assertEquals("validation loss", c.getYAxisGroupTitle(1));
        assertEquals(1, c.getSeriesMap().get("validation loss").getYAxisGroup());
    }

    @Test
    void g23GrokVersusControl() {
        XYChart c = GapFigures.g23(run.windows, run.log, control.windows);
        check(c, "g23", 3, "step", "g₂₃ (log)");
        assertTrue(c.getSeriesMap().containsKey("grok step " + run.log.grokStep().getAsLong()));
    }

    @Test
    void gapFlow() {
        GapFlowFit fit = GapFlowFit.of(odeSamples());
        XYChart c = GapFigures.gapFlow(fit);
        check(c, "gap_flow", 7, "gap g", "ġ (per step)");
    }

    @Test
    void adiabatic() {
        XYChart c = GapFigures.adiabatic(run.windows);
        check(c, "adiabatic", 4, "step", "𝒜 (log)");
    }

    @Test
    void accuracyAndLoss() {
        XYChart c = TrainingFigures.accuracyAndLoss(run.log);
        check(c, "accuracy_and_loss", 6, "step", "accuracy");
        assertEquals("log₁₀ loss", c.getYAxisGroupTitle(1));
    }

    @Test
    void signalTrajectories() {
        SignalFlow f = flow();
        SignalTrajectory t = f.integrate(new double[] {0.2, 2.5, 0.05}, 1, 400);
        check(TheoryFigures.signalTrajectories(t, f), "signal_ode", 6, "step", "d_j");
    }

    @Test
    void dyson() {
        DysonTrajectory path = DysonBrownianMotion.builder().setSize(12).setBeta(1).setTimeStep(1e-4).setSteps(5000)
                .optRecordEvery(25).optSeed(3).build().simulate();
        check(TheoryFigures.dyson(path), "dyson", 12, "time t", "λ_i(t)");
    }

    @Test
    void levelSpacing() {
        DysonTrajectory path = DysonBrownianMotion.builder().setSize(150).setBeta(1).setTimeStep(1e-5).setSteps(10_000)
                .optRecordEvery(10_000).optSeed(4).build().simulate();
        double[] s = LevelSpacing.unfoldedSpacings(LevelSpacing.bulk(path.last(), 0.7), 8);
        check(TheoryFigures.levelSpacing(s, 1), "level_spacing", 3, "spacing s (unit mean)", "density p(s)");
    }

    @Test
    void marchenkoPastur() {
        SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(60).setParameters(240).build();
        SeededRandom rnd = new SeededRandom(5);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) for (double l : gen.sample(rnd).spectrum().lambda()) all.add(l);
        double[] ev = all.stream().mapToDouble(Double::doubleValue).toArray();
        check(TheoryFigures.marchenkoPastur(ev, new MarchenkoPastur(1, 60, 240)), "marchenko_pastur", 4, "eigenvalue λ of G", "density");
    }

    @Test
    void bbpFigures() {
        BbpPhaseDiagram d = BbpExperiment.builder().addShape(10, 100).addShape(10, 1000).addShape(20, 1000)
                .setStrengthRatios(0, 0.5, 0.75, 1, 1.25, 1.5, 2, 3).optTrials(40).optSeed(6).build().run();
        check(TheoryFigures.bbpDetection(d), "bbp_detection", 5, "signal strength d / d_crit", "detection rate");
        HeatMapChart h = TheoryFigures.bbpPhaseDiagram(d);
        render(h, "bbp_phase_diagram");
        assertEquals("d / d_crit", h.getYAxisTitle());
    }

    @Test
    void davisKahan() {
        List<DavisKahanPoint> pts = DavisKahanExperiment.builder().setEigenvalues(10, 6, 3, 2.5, 1, 0.2)
                .setPerturbationNorms(0.01, 0.03, 0.1, 0.3, 1, 3).optTrials(30).build().run();
        check(TheoryFigures.davisKahan(pts), "davis_kahan", 3, "‖ΔG‖_F / δ (log)", "sin θ (log)");
    }

    @Test
    void logAxesRefuseNonPositiveValuesWithAClearMessage() {
        // zero updates (a frozen group): every σ_j is exactly 0
        SpectralTracker t = new SpectralTracker("frozen", 50, AnalysisConfig.builder().optWindow(5).build());
        for (int s = 1; s <= 6; s++) t.pushUpdate(VectorSource.of(new double[50]), s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpectrumFigures.scree(t.results()));
        assertTrue(e.getMessage().contains("logarithmic") && e.getMessage().contains("scree"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpectrumFigures.sigmaTrajectories(t.results(), 3));
        // no learning rate: no 𝒜 to plot
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> GapFigures.adiabatic(t.results()));
        assertTrue(a.getMessage().contains("optLearningRate"), a.getMessage());
    }

    @Test
    void exportsPngAndSvg(@TempDir Path dir) throws Exception {
        XYChart c = SpectrumFigures.sigmaTrajectories(run.windows, 3);
        Path png = dir.resolve("sub/sigma.png"), svg = dir.resolve("sigma.svg");
        FigureExport.png(c, png);
        FigureExport.svg(c, svg);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.length() > 1000, "SVG document");
        assertArrayEquals(Arrays.copyOf(FigureExport.pngBytes(c), 8), head);
    }

    @Test
    void paletteIsOkabeIto() {
        assertEquals(0x0072B2, FigureStyle.color(0).getRGB() & 0xFFFFFF);
        assertEquals(FigureStyle.color(0), FigureStyle.color(8));
        assertEquals(0x440154, FigureStyle.sequential(0).getRGB() & 0xFFFFFF);
        assertEquals(0xFDE725, FigureStyle.sequential(1).getRGB() & 0xFFFFFF);
    }

    private static SignalFlow flow() {
        return SignalFlow.builder().setCurvatures(0.5, 2, 8).setGradients(0.3, 0.2, 0.1)
                .setLearningRate(1e-2).optWeightDecay(1).setWindow(10).build();
    }

    /** Window results whose gap follows the signal ODE: two fixed directions with strengths d_1(t), d_2(t). */
    private static List<WindowResult> odeSamples() {
        SignalFlow f = SignalFlow.builder().setCurvatures(0.5, 0.5).setGradients(0.4, 0.1)
                .setLearningRate(1e-2).optWeightDecay(1).setWindow(10).build();
        SignalTrajectory tr = f.integrate(new double[] {0.6, 0.1}, 1, 200);
        // one window per ODE sample: two orthogonal unit directions scaled to d_1(t), d_2(t), fed as a window of 2
        List<WindowResult> out = new ArrayList<>();
        for (int s = 0; s <= 200; s += 4) {
            SpectralTracker t = new SpectralTracker("ode", 2, AnalysisConfig.builder().optWindow(2).build());
            t.pushUpdate(VectorSource.of(new double[] {tr.strength()[s][0], 0}), s);
            t.pushUpdate(VectorSource.of(new double[] {0, tr.strength()[s][1]}), s);
            out.add(t.latest().orElseThrow());
        }
        return out;
    }

    private static void check(XYChart chart, String name, int series, String xTitle, String yTitle) {
        render(chart, name);
        assertEquals(series, chart.getSeriesMap().size(), "series of " + name + ": " + chart.getSeriesMap().keySet());
        assertEquals(xTitle, chart.getXAxisTitle());
        assertEquals(yTitle, chart.getYAxisTitle());
    }

    /** Renders, checks size and that a real share of the pixels is not background, and optionally saves a PNG. */
    private static void render(Chart<?, ?> chart, String name) {
        BufferedImage img = FigureExport.image(chart);
        assertEquals(FigureStyle.WIDTH, img.getWidth());
        assertEquals(FigureStyle.HEIGHT, img.getHeight());
        int inked = 0, colours = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) inked++;
                if (seen.add(rgb)) colours++;
            }
        }
        int sampled = (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(inked > sampled / 100, name + " is nearly blank: " + inked + " of " + sampled + " sampled pixels drawn");
        assertTrue(colours > 4, name + " has only " + colours + " colours");
        String dir = System.getProperty("figures.dir");
        if (dir != null) FigureExport.png(chart, Path.of(dir, name + ".png"));
    }
}
