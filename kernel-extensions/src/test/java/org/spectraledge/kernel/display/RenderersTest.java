package org.spectraledge.kernel.display;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Every renderer, through jjava's {@link Renderer} as the kernel uses it. */
class RenderersTest {

    private static Renderer renderer() {
        Renderer r = new Renderer();
        Image.registerAll(r); // what jjava's kernel registers itself
        Renderers.registerAll(r);
        return r;
    }

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("gap").build();
        chart.addSeries("g23", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return chart;
    }

    @Test
    void chartIsAPngOfTheChartsSize() throws Exception {
        DisplayData data = renderer().render(chart());
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
        assertEquals("XYChart \"gap\" (320x200)", data.getData(MIMEType.TEXT_PLAIN));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_SVG), "SVG only on request");
    }

    @Test
    void chartIsSvgOnRequest() {
        DisplayData data = renderer().renderAs(chart(), "image/svg+xml");
        String svg = (String) data.getData(MIMEType.IMAGE_SVG);
        assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("width=\"320") && svg.contains("height=\"200"), svg.substring(0, Math.min(400, svg.length())));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void tableIsHtmlAndText() {
        Table t = Table.create("run").addColumns(IntColumn.create("step", 10, 20));
        DisplayData data = renderer().render(t);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>step</th>") && html.contains("<td>20</td>"), html);
        assertTrue(html.startsWith("<p class=\"spectral-edge-table-title\"><strong>run</strong></p>"), "the title, as in text: " + html);
        assertTrue(renderer().render(Table.create("a < b").addColumns(IntColumn.create("x", 1))).getData(MIMEType.TEXT_HTML)
                .toString().contains("<strong>a &lt; b</strong>"), "the title is escaped");
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("step") && text.contains("20"), text);
    }

    @Test
    void longTableIsCutAndSaysSo() {
        int[] steps = new int[TableRenderer.MAX_ROWS + 50];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 1000 + i;
        }
        DisplayData data = renderer().render(Table.create("log").addColumns(IntColumn.create("step", steps)));
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertEquals(TableRenderer.MAX_ROWS, html.split("<td>", -1).length - 1, "one cell per shown row");
        assertTrue(html.contains("first 100 of 150 rows"), html.substring(html.length() - 100));
        assertFalse(html.contains("<td>1100</td>"));
    }

    @Test
    void bufferedImageIsPng() {
        DisplayData data = renderer().render(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB));
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertEquals(4, assertDoesNotThrow(() -> ImageIO.read(new ByteArrayInputStream(png))).getWidth());
        assertEquals("image 4x3", data.getData(MIMEType.TEXT_PLAIN), "a short description, not the raster's toString");
    }

    @Test
    void markdownAndLatex() {
        assertEquals("**b**", renderer().render(new Markdown("**b**")).getData(MIMEType.TEXT_MARKDOWN));
        assertEquals("$x$", renderer().render(new Latex("$x$")).getData(MIMEType.TEXT_LATEX));
        // a bare formula is typeset (wrapped in $…$); text with delimiters is kept as written
        assertEquals("$\\sigma_1 \\ge \\sigma_2$", renderer().render(new Latex(" \\sigma_1 \\ge \\sigma_2 ")).getData(MIMEType.TEXT_LATEX));
        for (String kept : new String[] {"$$x^2$$", "\\(x\\)", "\\[x\\]", "\\begin{align} x \\end{align}", "cost $5$"}) {
            assertEquals(kept, renderer().render(new Latex(kept)).getData(MIMEType.TEXT_LATEX));
        }
    }

    @Test
    void progressFrameIsHtmlWithTextFallback() {
        DisplayData data = renderer().render(new org.spectraledge.kernel.display.ProgressBar("train", 3, 12, 1.5, "loss 0.3", false));
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("width:25.0%"), data.toString());
        assertEquals("train [########                      ] 3/12  1.5 s  ETA 4.5 s  loss 0.3", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void trainingResultIsASummaryNotItsEveryWindow() {
        org.spectraledge.events.EvalRecord eval = new org.spectraledge.events.EvalRecord(30, 0.01, 1.0, 0.05, 0.97);
        org.spectraledge.run.TrainRun.Result run = new org.spectraledge.run.TrainRun.Result(
                org.spectraledge.run.TrainConfig.of(java.util.Map.of("task", "sub", "steps", "30")), java.nio.file.Path.of("runs/x"),
                new org.spectraledge.train.TrainingOutcome(org.spectraledge.train.TrainingOutcome.Status.COMPLETED, 30,
                        java.util.List.of(eval), 2.25, ""),
                1234, 0.1, java.util.Map.of("all", java.util.List.of()), java.util.List.of());
        DisplayData data = renderer().render(run);
        assertEquals(String.join("\n", "TrainRun.Result", "  task: sub (mlp, 1234 parameters)", "  status: completed",
                "  steps: 30 in 2.3 s", "  memorization step: 30", "  grok step: 30", "  windows (W = 10): all 0",
                "  run folder: runs/x"), data.getData(MIMEType.TEXT_PLAIN));
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("<th style=\"text-align:left\">grok step</th><td style=\"text-align:left\">30</td>"));
    }
}
