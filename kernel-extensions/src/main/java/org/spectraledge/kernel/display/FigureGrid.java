package org.spectraledge.kernel.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;
import org.spectraledge.plot.FigureExport;
import org.spectraledge.plot.FigureStyle;

/**
 * Several figures side by side in one image (a dashboard), row by row. A figure that cannot be drawn (its builder
 * throws, e.g. "no window has a finite 𝒜") becomes a panel that shows the reason, so one missing quantity does not
 * hide the others.
 */
public final class FigureGrid {

    /**
     * One panel.
     *
     * @param name  what it shows, used as the heading when the figure cannot be drawn
     * @param chart builds the figure
     */
    public record Panel(String name, Supplier<? extends Chart<?, ?>> chart) {}

    private FigureGrid() {}

    /**
     * Draws {@code panels} in {@code columns} columns; each cell is as large as the largest figure.
     *
     * @throws IllegalArgumentException if there are no panels or fewer than one column
     */
    public static BufferedImage of(int columns, List<Panel> panels) {
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a figure grid needs at least one panel and one column, got " + panels.size()
                    + " panels in " + columns + " columns");
        }
        List<BufferedImage> images = new ArrayList<>();
        int w = 0, h = 0;
        for (Panel p : panels) {
            BufferedImage image = draw(p);
            images.add(image);
            w = Math.max(w, image.getWidth());
            h = Math.max(h, image.getHeight());
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage grid = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < images.size(); i++) {
                g.drawImage(images.get(i), (i % cols) * w, (i / cols) * h, null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    private static BufferedImage draw(Panel p) {
        try {
            return FigureExport.image(p.chart().get());
        } catch (RuntimeException e) {
            return placeholder(p.name(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** A blank panel of the standard figure size with the figure's name and why it is missing. */
    static BufferedImage placeholder(String name, String reason) {
        BufferedImage image = new BufferedImage(FigureStyle.WIDTH, FigureStyle.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(FigureStyle.REFERENCE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.drawString(name, 30, 60);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            int y = 100;
            for (String line : wrap(reason, g.getFontMetrics(), image.getWidth() - 60)) {
                g.drawString(line, 30, y);
                y += 20;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && metrics.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
