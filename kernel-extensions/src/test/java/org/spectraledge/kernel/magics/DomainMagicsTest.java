package org.spectraledge.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.NotebookClassPath;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellExecutionControl;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.UserCodeException;
import org.spectraledge.kernel.display.ProgressBar;
import org.spectraledge.kernel.runtime.RecordingSink;
import org.spectraledge.kernel.runtime.Runs;
import org.spectraledge.run.TrainRun;
import org.spectraledge.train.TrainingOutcome;
import tech.tablesaw.api.Table;

/** %train, %spectral and %dataset through the cell runner, with a recording output sink. */
class DomainMagicsTest {

    /** The small MLP of the library's training tests (add --steps). */
    static final String SMALL = "--p 23 --d 16 --width 32 --eval-every 10 --window 4 --threads 1 --checkpoint-every 0";

    @TempDir static Path dir;
    static CellEvaluator evaluator;
    static Magics magics;
    static CellRunner runner;
    static RecordingSink sink;
    /** The first %train of the class, without --out. */
    static TrainRun.Result first;

    @BeforeAll
    static void start() throws CellException {
        evaluator = CellEvaluator.start(NotebookClassPath.open());
        sink = new RecordingSink();
        magics = new Magics();
        TrainMagic train = new TrainMagic(evaluator, sink, dir.resolve("runs"), () -> LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        magics.line("train", TrainMagic.USAGE, "", train::run, TrainMagic::complete);
        DomainMagics.register(new Magics(), evaluator, sink, dir.resolve("runs")); // the public registration compiles and runs
        SpectralMagic spectral = new SpectralMagic(evaluator);
        SweepMagic sweep = new SweepMagic(evaluator, sink);
        magics.line("sweep", SweepMagic.USAGE, "", sweep::run, SweepMagic::complete);
        magics.line("evidence", EvidenceMagic.USAGE, "", new EvidenceMagic(evaluator)::run, EvidenceMagic::complete);
        magics.line("spectral", SpectralMagic.USAGE, "", spectral::run, SpectralMagic::complete)
                .line("dataset", DatasetMagic.USAGE, "", DatasetMagic::run, DatasetMagic::complete);
        runner = new CellRunner(evaluator, magics);
        evaluator.beginCell();
        first = (TrainRun.Result) runner.run("%train " + SMALL + " --steps 30 --live-every 5", "In [1]").value();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @BeforeEach
    void newCell() {
        evaluator.beginCell();
    }

    @Test
    void sweepShowsALiveTableOfFinishedRunsAndReturnsTheResults() throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.json"), org.spectraledge.cli.SweepCommandTest.TINY);
        int before = sink.events().size();
        Table t = (Table) runner.run("%sweep " + file + " --out " + dir.resolve("sweep"), "In [9]").value();
        assertEquals(List.of("r001-seed=1", "r002-seed=2"), t.stringColumn("run_id").asList());
        List<Table> shown = sink.events().subList(before, sink.events().size()).stream()
                .filter(e -> e.value() instanceof Table).map(e -> (Table) e.value()).toList();
        assertEquals(List.of(0, 1, 2), shown.stream().map(Table::rowCount).toList(),
                "the table is shown empty, then replaced after each run");
        MagicException e = assertThrows(MagicException.class, () -> runner.run("%sweep " + file, "In [10]"));
        assertTrue(e.getMessage().contains("--out DIR is required"), e.getMessage());

        Object evaluation = runner.run("%evidence " + dir.resolve("sweep") + " --horizon 40 --settle 1", "In [11]").value();
        assertTrue(evaluation instanceof org.spectraledge.evidence.PrecursorEvaluation, String.valueOf(evaluation));
        assertTrue(evaluation.toString().contains("H = 40") && evaluation.toString().contains("n- = 2"),
                "the report states its settings and N per class:\n" + evaluation);
        MagicException missing = assertThrows(MagicException.class, () -> runner.run("%evidence --horizon 40", "In [12]"));
        assertTrue(missing.getMessage().contains("DIR (a sweep or evidence folder) is missing"), missing.getMessage());
        MagicException notASweep = assertThrows(MagicException.class, () -> runner.run("%evidence " + dir, "In [13]"));
        assertTrue(notASweep.getMessage().contains("results.csv"), notASweep.getMessage());
    }

    @Test
    void trainReturnsTheRunAndRemembersItAsLastRun() throws java.io.IOException {
        assertEquals(TrainingOutcome.Status.COMPLETED, first.outcome().status());
        assertEquals(30, first.outcome().steps());
        assertEquals(23, first.config().p());
        assertEquals(dir.resolve("runs/train-20260102-030405"), first.folder(), "a fresh timestamped folder under runs/");
        assertTrue(Files.readString(first.folder().resolve("summary.json")).contains("\"status\": \"completed\""));
        assertEquals(29, first.windows().get("all").size());
        assertSame(first, Runs.lastRun());
    }

    @Test
    void trainShowsOneProgressBarUpdatedInPlaceAndALiveFigure() {
        List<RecordingSink.Event> events = sink.events();
        RecordingSink.Event bar = events.get(0);
        assertEquals("display", bar.kind());
        ProgressBar start = assertInstanceOf(ProgressBar.class, bar.value());
        assertEquals(0, start.done());
        assertEquals(30, start.total());
        List<RecordingSink.Event> frames = sink.of(bar.displayId());
        assertTrue(frames.stream().skip(1).allMatch(e -> e.kind().equals("update")), frames.toString());
        ProgressBar last = (ProgressBar) frames.get(frames.size() - 1).value();
        assertTrue(last.finished());
        assertEquals(30, last.done());
        assertTrue(last.status().startsWith("completed") && last.status().contains("test"), last.status());

        List<RecordingSink.Event> figure = events.stream().filter(e -> e.value() instanceof BufferedImage).toList();
        assertTrue(figure.size() >= 2, "drawn during training and at the end: " + figure.size());
        assertEquals("display", figure.get(0).kind());
        assertTrue(figure.stream().allMatch(e -> e.displayId().equals(figure.get(0).displayId())), "one output, updated in place");
        BufferedImage image = (BufferedImage) figure.get(figure.size() - 1).value();
        assertEquals(2 * 800, image.getWidth(), "σ_j(t) beside accuracy");
    }

    @Test
    void aSecondRunInTheSameSecondGetsItsOwnFolderAndOutChoosesTheFolder() throws CellException {
        TrainRun.Result second = (TrainRun.Result) runner.run("%train " + SMALL + " --steps 5 --live-every 0", "In [2]").value();
        assertEquals(dir.resolve("runs/train-20260102-030405-2"), second.folder());
        Path out = dir.resolve("chosen");
        TrainRun.Result third = (TrainRun.Result) runner.run("%train " + SMALL + " --steps 5 --out " + out, "In [3]").value();
        assertEquals(out, third.folder());
        MagicException again = assertThrows(MagicException.class, () -> runner.run("%train " + SMALL + " --steps 5 --out " + out, "In [4]"));
        assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());
    }

    @Test
    void badTrainArgumentsGiveTheUsage() {
        MagicException e = assertThrows(MagicException.class, () -> runner.run("%train --steps 0", "In [5]"));
        assertTrue(e.getMessage().contains("--steps must be at least 1"), e.getMessage());
        assertTrue(e.getMessage().contains("usage: " + TrainMagic.USAGE), e.getMessage());
        assertTrue(e.getMessage().contains("--checkpoint-every"), "the option list: " + e.getMessage());
        MagicException unknown = assertThrows(MagicException.class, () -> runner.run("%train --stepz 10", "In [5]"));
        assertTrue(unknown.getMessage().startsWith("Unknown option: '--stepz' (did you mean --steps"), unknown.getMessage());
        MagicException live = assertThrows(MagicException.class, () -> runner.run("%train --live-every x", "In [5]"));
        assertTrue(live.getMessage().contains("--live-every must be a whole number"), live.getMessage());
        assertEquals("MagicError", live.errorName());
    }

    @Test
    void interruptStopsTrainingCleanlyKeepsTheLogAndSaysSo() throws Exception {
        Path out = dir.resolve("long");
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run("%train " + SMALL + " --steps 1000000 --out " + out, "In [6]");
            } catch (CellException e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve("metrics.csv")) || Files.readAllLines(out.resolve("metrics.csv")).size() < 3) {
            assertTrue(System.nanoTime() < deadline, "the run did not get to its second eval");
            Thread.sleep(50);
        }
        long t0 = System.nanoTime();
        CellExecutionControl.InterruptOutcome outcome = evaluator.interrupt();
        Object result = cell.get(10, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(CellExecutionControl.InterruptOutcome.INTERRUPTED, outcome, "training reacted to Thread.interrupt");
        assertTrue(seconds < 4, "the cell ended " + seconds + " s after the interrupt");
        UserCodeException error = assertInstanceOf(UserCodeException.class, result);
        assertEquals("CellInterruptedException", error.errorName());
        assertTrue(error.getMessage().contains("interrupted after step") && error.getMessage().contains(out.toString()),
                error.getMessage());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"status\": \"interrupted\""));
        TrainRun.Result run = Runs.lastRun();
        assertEquals(TrainingOutcome.Status.INTERRUPTED, run.outcome().status());
        assertTrue(Files.exists(out.resolve("checkpoints/step-" + run.outcome().steps() + ".ckpt")), "resumable");
    }

    @Test
    void datasetPreviewsATask() throws CellException {
        Table t = (Table) runner.run("%dataset add --p 7 --rows 3", "In [7]").value();
        assertEquals(6, t.rowCount(), "3 train and 3 test rows");
        assertTrue(t.name().startsWith("add: "), t.name());
        assertEquals(List.of("split", "index", "input", "target"), t.columnNames());
        Table dyck = (Table) runner.run("%dataset dyck --rows 2", "In [7]").value();
        assertTrue(dyck.name().startsWith("dyck: "), dyck.name());
        MagicException bad = assertThrows(MagicException.class, () -> runner.run("%dataset nosuch", "In [7]"));
        assertTrue(bad.getMessage().contains("valid tasks: add") && bad.getMessage().contains("usage: %dataset"), bad.getMessage());
        MagicException modular = assertThrows(MagicException.class, () -> runner.run("%dataset dyck --p 7", "In [7]"));
        assertTrue(modular.getMessage().contains("only to modular tasks"), modular.getMessage());
        assertThrows(MagicException.class, () -> runner.run("%dataset", "In [7]"));
    }

    @Test
    void spectralDrawsTheDashboardOfAFolderOrAVariable() throws CellException, java.io.IOException {
        BufferedImage fromFolder = (BufferedImage) runner.run("%spectral " + first.folder(), "In [8]").value();
        javax.imageio.ImageIO.write(fromFolder, "png", Path.of("target/spectral-dashboard.png").toFile()); // to look at
        assertEquals(2 * 800, fromFolder.getWidth());
        assertEquals(3 * 500, fromFolder.getHeight(), "six panels in two columns");
        runner.run("var r = org.spectraledge.kernel.runtime.Runs.lastRun();", "In [9]");
        CellResult fromVariable = runner.run("%spectral r --group all --window " + Runs.lastRun().config().window(), "In [10]");
        assertInstanceOf(BufferedImage.class, fromVariable.value());
    }

    @Test
    void spectralExplainsWhatItCannotDo() {
        MagicException window = assertThrows(MagicException.class, () -> runner.run("%spectral " + first.folder() + " --window 7", "In [11]"));
        assertTrue(window.getMessage().contains("W = 4") && window.getMessage().contains("W = 7 cannot be computed"), window.getMessage());
        MagicException group = assertThrows(MagicException.class, () -> runner.run("%spectral " + first.folder() + " --group trunk", "In [11]"));
        assertTrue(group.getMessage().contains("captured the groups [all]"), group.getMessage());
        MagicException missing = assertThrows(MagicException.class, () -> runner.run("%spectral /no/such/run", "In [11]"));
        assertTrue(missing.getMessage().contains("no run folder at /no/such/run"), missing.getMessage());
        MagicException notRun = assertThrows(MagicException.class, () -> runner.run("%spectral Math.PI", "In [11]"));
        assertTrue(notRun.getMessage().contains("java.lang.Double, not a TrainRun.Result"), notRun.getMessage());
        MagicException usage = assertThrows(MagicException.class, () -> runner.run("%spectral", "In [11]"));
        assertTrue(usage.getMessage().contains("usage: %spectral RUN"), usage.getMessage());
    }

    @Test
    void argumentsCompleteTaskNamesAndOptions() {
        assertEquals(new Magics.Completion(List.of("add"), 14), magics.completeArguments("%train --task ad"));
        assertEquals(List.of("scan", "sq_sum", "sub"), magics.completeArguments("%train --task s").matches());
        assertEquals(List.of("--steps", "--stride"), magics.completeArguments("%train --p 23 --st").matches());
        assertEquals(List.of("scan", "sq_sum", "sub"), magics.completeArguments("%dataset s").matches());
        assertEquals(List.of("--frac"), magics.completeArguments("%dataset add --f").matches());
        assertEquals(new Magics.Completion(List.of("--window"), 17), magics.completeArguments("%spectral runs/x --w"));
        assertEquals(List.of(), magics.completeArguments("%train --p ").matches(), "no guess for a number");
        assertEquals(List.of(), magics.completeArguments("%nosuch --t").matches());
    }

    @Test
    void magicArgumentsSplitAtSpacesExceptInQuotes() {
        assertEquals(List.of("--out", "my runs/a", "--p", "23"), MagicCall.split(" --out \"my runs/a\"  --p 23 "));
        assertEquals(List.of(""), MagicCall.split("\"\""));
    }
}
