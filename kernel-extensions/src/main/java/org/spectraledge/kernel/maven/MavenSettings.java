package org.spectraledge.kernel.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The parts of a user's Maven {@code settings.xml} that resolving an artifact needs, with Maven's own
 * defaults where the file says nothing: the local repository ({@code ~/.m2/repository}), offline mode
 * (off) and mirrors (none). Only the user file is read; proxies, servers and profiles are ignored.
 *
 * @param localRepository where artifacts are cached
 * @param offline         whether to resolve from the local repository only
 * @param mirrors         the {@code <mirror>} entries, in file order
 */
public record MavenSettings(Path localRepository, boolean offline, List<Mirror> mirrors) {

    /**
     * One {@code <mirror>}: requests for the repositories matched by {@code mirrorOf} ({@code central},
     * {@code *}, {@code external:*}, {@code !id}, comma lists) go to {@code url} instead.
     */
    public record Mirror(String id, String url, String mirrorOf) {
        public Mirror {
            if (id == null || id.isBlank() || url == null || url.isBlank() || mirrorOf == null || mirrorOf.isBlank()) {
                throw new IllegalArgumentException("a <mirror> needs <id>, <url> and <mirrorOf>, got id=" + id
                        + " url=" + url + " mirrorOf=" + mirrorOf);
            }
        }
    }

    public MavenSettings {
        if (localRepository == null) {
            throw new IllegalArgumentException("the local repository path is required");
        }
        mirrors = List.copyOf(mirrors);
    }

    /** Maven's defaults for a user whose home is {@code userHome} and who has no settings file. */
    public static MavenSettings defaults(Path userHome) {
        return new MavenSettings(userHome.resolve(".m2").resolve("repository"), false, List.of());
    }

    /** The current user's settings: {@code ~/.m2/settings.xml} if it exists, else Maven's defaults. */
    public static MavenSettings forCurrentUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return read(home.resolve(".m2").resolve("settings.xml"), home);
    }

    /**
     * Reads {@code settingsFile}, filling what it lacks with {@link #defaults}.
     *
     * @throws IllegalArgumentException naming the file when it is not well-formed XML
     */
    public static MavenSettings read(Path settingsFile, Path userHome) {
        MavenSettings defaults = defaults(userHome);
        if (!Files.isRegularFile(settingsFile)) {
            return defaults;
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(settingsFile.toFile());
            root = doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("cannot read Maven settings " + settingsFile + ": " + e.getMessage()
                    + "; fix or move the file", e);
        }
        String local = text(root, "localRepository");
        Path localRepository = local == null ? defaults.localRepository()
                : Path.of(local.replace("${user.home}", userHome.toString()));
        boolean offline = "true".equals(text(root, "offline"));
        List<Mirror> mirrors = new ArrayList<>();
        for (Element mirrors1 : children(root, "mirrors")) {
            for (Element m : children(mirrors1, "mirror")) {
                mirrors.add(new Mirror(text(m, "id"), text(m, "url"), text(m, "mirrorOf")));
            }
        }
        return new MavenSettings(localRepository, offline, mirrors);
    }

    /** The trimmed text of the first child element named {@code name}, or {@code null}. */
    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element && name.equals(n.getLocalName() != null ? n.getLocalName() : n.getNodeName())) {
                found.add((Element) n);
            }
        }
        return found;
    }
}
