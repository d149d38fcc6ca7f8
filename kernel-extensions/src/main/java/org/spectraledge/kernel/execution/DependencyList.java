package org.spectraledge.kernel.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A list of resolved artifacts as {@code maven-dependency-plugin:list} writes it, read from a resource that the build
 * put into a jar: one artifact a line, {@code group:artifact:type[:classifier]:version:scope}, optionally followed by
 * {@code -- module NAME}.
 *
 * @param fileNames the jar file name of each artifact ({@code artifact-version[-classifier].type}, as in the local
 *                  repository and as {@code copy-dependencies} names it), keyed by {@code group:artifact[:classifier]}
 *                  so that two builds resolving different versions of the same artifact still match
 */
record DependencyList(Map<String, String> fileNames) {

    DependencyList {
        fileNames = Map.copyOf(fileNames);
    }

    /**
     * Reads the resource {@code name} through {@code loader}.
     *
     * @throws IllegalStateException if the resource is missing: the jar was built without it
     */
    static DependencyList read(ClassLoader loader, String name, String builtBy) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from " + builtBy + "; it is written at build time: rebuild "
                        + "with ./mvnw -pl datasets,lib,kernel-extensions install -DskipTests");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Parses the plugin's output; lines that are not artifacts (its header, blank lines) are skipped. */
    static DependencyList parse(String text) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int module = line.indexOf(" -- ");
            String[] f = (module < 0 ? line : line.substring(0, module)).strip().split(":");
            if (f.length != 5 && f.length != 6) {
                continue;
            }
            String classifier = f.length == 6 ? f[3] : "";
            String version = f[f.length - 2];
            String key = f[0] + ":" + f[1] + (classifier.isEmpty() ? "" : ":" + classifier);
            names.put(key, f[1] + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + f[2]);
        }
        return new DependencyList(names);
    }
}
