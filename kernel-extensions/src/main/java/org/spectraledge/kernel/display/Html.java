package org.spectraledge.kernel.display;

/** Text placed in the HTML outputs of the renderers. */
final class Html {
    private Html() {}

    /** {@code s} as HTML text or attribute value: {@code & < > "} escaped. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
