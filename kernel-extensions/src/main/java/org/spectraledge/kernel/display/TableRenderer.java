package org.spectraledge.kernel.display;

import java.io.StringWriter;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * Tablesaw tables as {@code text/html} (Tablesaw's own HTML writer) and {@code text/plain}
 * (Tablesaw's aligned print). Long tables show their first {@value #MAX_ROWS} rows and say how many
 * there are, so a million-row run log does not flood the notebook.
 */
public final class TableRenderer {

    /** Rows shown before a table is cut. */
    public static final int MAX_ROWS = 100;

    private TableRenderer() {}

    public static void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register(TableRenderer::render);
    }

    private static void render(Table table, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(table));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
    }

    static String text(Table table) {
        return table.print(MAX_ROWS) + footnote(table);
    }

    static String html(Table table) {
        Table shown = table.rowCount() > MAX_ROWS ? table.first(MAX_ROWS) : table;
        StringWriter out = new StringWriter();
        // Tablesaw's HTML writer leaves out the table's name, which the text form shows as its title
        String name = table.name();
        if (name != null && !name.isBlank()) out.write("<p class=\"spectral-edge-table-title\"><strong>" + Html.escape(name) + "</strong></p>");
        new HtmlWriter().write(shown, HtmlWriteOptions.builder(out).build());
        String note = footnote(table);
        return note.isEmpty() ? out.toString() : out + "<p>" + note.strip() + "</p>";
    }

    private static String footnote(Table table) {
        return table.rowCount() > MAX_ROWS
                ? "\n(first " + MAX_ROWS + " of " + table.rowCount() + " rows)"
                : "";
    }
}
