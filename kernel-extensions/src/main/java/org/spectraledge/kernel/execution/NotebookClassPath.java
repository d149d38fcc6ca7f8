package org.spectraledge.kernel.execution;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What cells see of the kernel JVM's class path, and what the notebook added to it ({@code %classpath},
 * {@code %maven}).
 *
 * <p>The kernel runs with one class path, split in two at build time: the <em>notebook API</em> (spectral-edge-lib
 * and everything it depends on: datasets, DJL, XChart, Tablesaw, EJML, ...; the list is
 * {@value #NOTEBOOK_API_LIST} in the library's jar) and the <em>kernel-private</em> jars (every other jar of the
 * kernel's runtime, {@value #KERNEL_RUNTIME_LIST} in the kernel's jar: jjava, ZeroMQ, Maven Resolver, the SLF4J
 * binding, ...), plus the kernel's own classes. A jar both sides need is API. Cells compile against and load from
 * the API only, except for the {@code sharedPackages} of private entries that the notebook API exposes (the
 * display types that {@code display(...)} and {@code render(...)} take and return).
 *
 * <p>A jar the notebook adds comes before the kernel's: its classes win over same-named API classes (child-first)
 * and make same-named private classes visible. A jar that is the very jar the kernel already has (same file name and
 * size, i.e. the same artifact and version) is not loaded twice: the kernel's copy serves, and becomes visible to
 * cells if it was private. Directories are always added as they are.
 */
public final class NotebookClassPath {

    /** The library's runtime dependencies, written into spectral-edge-lib's jar by the build. */
    public static final String NOTEBOOK_API_LIST = "META-INF/spectral-edge/notebook-api.list";
    /** The kernel's runtime dependencies except spectral-edge-lib, written into the kernel's jar by the build. */
    public static final String KERNEL_RUNTIME_LIST = "META-INF/spectral-edge/kernel-runtime.list";

    /** The kernel JVM's class path, in order. */
    private final List<Path> kernelEntries;
    /** Kernel entries cells do not see (except their shared packages). */
    private final Set<Path> privateEntries;
    /** Packages cells see even in private entries. */
    private final Set<String> sharedPackages;
    /** Private entries holding a shared package: cells compile against them (the rest of them hidden). */
    private final Set<Path> sharingEntries;
    /** Entries the notebook added that a loader of the notebook's own loads (child-first). */
    private final List<Path> childFirst = new CopyOnWriteArrayList<>();
    /** Private kernel entries the notebook added itself (same jar), so cells see them. */
    private final Set<Path> unhidden = ConcurrentHashMap.newKeySet();

    NotebookClassPath(List<Path> kernelEntries, Set<Path> privateEntries, Set<String> sharedPackages) {
        this.kernelEntries = List.copyOf(kernelEntries);
        this.privateEntries = Set.copyOf(privateEntries);
        this.sharedPackages = Set.copyOf(sharedPackages);
        this.sharingEntries = this.privateEntries.stream().filter(this::holdsSharedPackage).collect(Collectors.toSet());
    }

    /**
     * This JVM's class path split into notebook API and kernel-private entries (see the class comment).
     *
     * @param shared classes of private entries that the notebook API exposes (the kernel's {@code runtime} facade,
     *               jjava's {@code DisplayData}, ...): cells see their packages
     * @throws IllegalStateException if a build-time list is missing from its jar
     */
    public static NotebookClassPath forKernel(Collection<Class<?>> shared) {
        ClassLoader loader = NotebookClassPath.class.getClassLoader();
        Set<String> apiArtifacts = DependencyList.read(loader, NOTEBOOK_API_LIST, "spectral-edge-lib's jar").fileNames().keySet();
        Set<String> privateFiles = DependencyList.read(loader, KERNEL_RUNTIME_LIST, "the kernel's jar").fileNames().entrySet()
                .stream()
                .filter(e -> !apiArtifacts.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .collect(Collectors.toSet());
        List<Path> entries = jvmClassPath();
        Set<Path> privateEntries = new LinkedHashSet<>();
        privateEntries.add(locationOf(NotebookClassPath.class)); // the kernel's own classes
        for (Path e : entries) {
            if (privateFiles.contains(String.valueOf(e.getFileName()))) {
                privateEntries.add(e);
            }
        }
        Set<String> packages = shared.stream().map(Class::getPackageName).collect(Collectors.toSet());
        return new NotebookClassPath(entries, privateEntries, packages);
    }

    /** This JVM's class path with nothing hidden (tests of the evaluator alone). */
    public static NotebookClassPath open() {
        return new NotebookClassPath(jvmClassPath(), Set.of(), Set.of());
    }

    private static List<Path> jvmClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(normalize(Path.of(e)));
            }
        }
        return entries;
    }

    private static Path locationOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        try {
            return normalize(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from: " + source.getLocation(), e);
        }
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /**
     * Records an entry the notebook adds.
     *
     * @return whether the notebook's loader must load it (child-first); {@code false} when the kernel already has
     *     this very jar on its class path, which then serves cells
     */
    public boolean add(Path entry) {
        Path p = normalize(entry);
        for (Path k : kernelEntries) {
            if (sameJar(p, k)) {
                if (privateEntries.contains(k)) {
                    unhidden.add(k);
                }
                return false;
            }
        }
        if (!childFirst.contains(p)) {
            childFirst.add(p);
        }
        return true;
    }

    private static boolean sameJar(Path a, Path b) {
        if (!Files.isRegularFile(a) || !Files.isRegularFile(b) || !a.getFileName().equals(b.getFileName())) {
            return false;
        }
        try {
            return Files.size(a) == Files.size(b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + a + " with " + b, e);
        }
    }

    /** Whether {@link #add} handed {@code entry} to the notebook's loader. */
    boolean isChildFirst(Path entry) {
        return childFirst.contains(normalize(entry));
    }

    /**
     * The class path cells compile against: the notebook's entries first (so their classes win, as when loading),
     * then the kernel's entries that hold anything cells may see.
     */
    List<Path> compilePath() {
        List<Path> path = new ArrayList<>(childFirst);
        for (Path k : kernelEntries) {
            if (!isHidden(k) || sharingEntries.contains(k)) {
                path.add(k);
            }
        }
        return path;
    }

    private boolean isHidden(Path kernelEntry) {
        return privateEntries.contains(kernelEntry) && !unhidden.contains(kernelEntry);
    }

    private boolean holdsSharedPackage(Path entry) {
        for (String p : sharedPackages) {
            String dir = p.replace('.', '/');
            if (Files.isDirectory(entry) ? Files.isDirectory(entry.resolve(dir)) : jarHoldsDirectory(entry, dir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jarHoldsDirectory(Path jar, String dir) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().startsWith(dir + "/"));
        } catch (IOException e) {
            return false; // not a readable jar: nothing in it can be shared
        }
    }

    /** Whether {@code packageName} is one the notebook API shares from the kernel's private entries. */
    boolean isShared(String packageName) {
        return sharedPackages.contains(packageName);
    }

    /**
     * Whether cells see the resource {@code name} (e.g. {@code org/zeromq/ZMQ.class}) found at {@code location} (a
     * {@code jar:} or {@code file:} URL or URI of the kernel's class path): not when it lies in a private entry, unless
     * the notebook added that entry or it is a class of a shared package.
     */
    boolean shows(String name, URI location) {
        Path entry = entryOf(location);
        if (entry == null || !isHidden(entry)) {
            return true;
        }
        int slash = name.lastIndexOf('/');
        return name.endsWith(".class") && slash > 0 && isShared(name.substring(0, slash).replace('/', '.'));
    }

    /** {@link #shows(String, URI)} for a URL. */
    boolean shows(String name, URL location) {
        try {
            return shows(name, location.toURI());
        } catch (URISyntaxException e) {
            return true; // not a file or jar of the class path
        }
    }

    /** The private kernel entry holding {@code location}, or {@code null} (an API entry, the JDK, memory, ...). */
    private Path entryOf(URI location) {
        Path path;
        try {
            if ("jar".equals(location.getScheme())) {
                String inner = location.getRawSchemeSpecificPart();
                int bang = inner.indexOf("!/");
                path = Path.of(new URI(bang < 0 ? inner : inner.substring(0, bang)));
            } else if ("file".equals(location.getScheme())) {
                path = Path.of(location);
            } else {
                return null;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        path = normalize(path);
        for (Path k : privateEntries) {
            if (path.startsWith(k)) {
                return k;
            }
        }
        return null;
    }
}
