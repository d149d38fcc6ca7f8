package org.spectraledge.kernel.display;

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
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void markdownAndLatex() {
        assertEquals("**b**", renderer().render(new Markdown("**b**")).getData(MIMEType.TEXT_MARKDOWN));
        assertEquals("$x$", renderer().render(new Latex("$x$")).getData(MIMEType.TEXT_LATEX));
    }
}
