package org.spectraledge.kernel.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of cells: it defines JShell's snippet classes and decides, for every other class a cell uses,
 * where it comes from. In order:
 * <ol>
 *   <li>the JDK's platform classes (a notebook jar cannot replace them);</li>
 *   <li>the jars and directories the notebook added, child-first (the notebook's version of a class wins), except
 *       the packages the kernel shares with cells ({@code display(...)} must hand cells the kernel's types);</li>
 *   <li>the kernel's class loader, unless every copy it has of the class lies in a kernel-private jar: then
 *       {@link ClassNotFoundException} (see {@link NotebookClassPath}).</li>
 * </ol>
 * Resources follow the same rule, so {@code ServiceLoader} in a cell (this is the cell thread's context class
 * loader) finds providers in added jars and never a provider it could not load.
 *
 * <p>Every class this loader defines itself (snippets, and classes of the jars the notebook added) passes through
 * {@link CellBytecode}, so that none of them can end the kernel and the kernel can stop their loops; {@link ExitGuard}
 * and {@link LoopCheck}, which the rewritten classes call, are always the kernel's.
 */
final class CellClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final NotebookClassPath classPath;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    /** Snippet class files JShell compiled, by binary name. */
    private final Map<String, byte[]> snippets = new ConcurrentHashMap<>();

    CellClassLoader(ClassLoader kernel, NotebookClassPath classPath) {
        super("notebook-cells", new URL[0], kernel);
        this.classPath = classPath;
    }

    /** Makes JShell's class file for {@code name} the one this loader defines (later versions replace earlier ones). */
    void declare(String name, byte[] bytes) {
        snippets.put(name, bytes);
    }

    /** Adds a jar or class directory the notebook added, searched before the kernel's class path. */
    void add(Path entry) {
        try {
            addURL(entry.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a class path entry: " + entry, e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = locate(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> locate(String name) throws ClassNotFoundException {
        byte[] snippet = snippets.get(name);
        if (snippet != null) {
            byte[] guarded = CellBytecode.rewrite(snippet);
            return defineClass(name, guarded, 0, guarded.length, (ProtectionDomain) null);
        }
        if (name.equals(ExitGuard.class.getName())) {
            return ExitGuard.class; // rewritten classes call it; it lies in the kernel's private classes
        }
        if (name.equals(LoopCheck.class.getName())) {
            return LoopCheck.class;
        }
        try {
            return platform.loadClass(name);
        } catch (ClassNotFoundException notJdk) {
            // not a platform class: the notebook's jars, then the kernel's
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !classPath.isShared(name.substring(0, dot))) {
            try {
                return findClass(name);
            } catch (ClassNotFoundException notAdded) {
                // not in a jar the notebook added
            }
        }
        String resource = name.replace('.', '/') + ".class";
        if (!visibleCopies(resource).isEmpty() || getParent().getResource(resource) == null) {
            return getParent().loadClass(name); // a JDK module on the application loader has no class-path resource
        }
        throw new ClassNotFoundException(name + " is in a library the kernel uses itself, which cells do not see; "
                + "to use that library, add it with %maven GROUP:ARTIFACT:VERSION or %classpath JAR");
    }

    /**
     * A class of a jar or directory the notebook added, rewritten by {@link CellBytecode}. A class it leaves alone is
     * defined by {@link URLClassLoader} as usual (package attributes from the jar's manifest included).
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] original;
        try (InputStream in = url.openStream()) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException("cannot read " + url, e);
        }
        byte[] guarded = CellBytecode.rewrite(original);
        if (guarded == original) {
            return super.findClass(name);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
            try {
                definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
            } catch (IllegalArgumentException definedMeanwhile) {
                // another thread defined it first (this loader is parallel capable)
            }
        }
        return defineClass(name, guarded, 0, guarded.length, new CodeSource(entryOf(url, path), (CodeSigner[]) null));
    }

    /** The jar or directory {@code url} (of the resource {@code path}) lies in. */
    private static URL entryOf(URL url, String path) throws ClassNotFoundException {
        String s = url.toString();
        String entry = s.substring(0, s.length() - path.length());
        if (entry.startsWith("jar:") && entry.endsWith("!/")) {
            entry = entry.substring("jar:".length(), entry.length() - "!/".length());
        }
        try {
            return new URL(entry);
        } catch (MalformedURLException e) {
            throw new ClassNotFoundException("cannot tell which class path entry holds " + url, e);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        if (own != null) {
            return own;
        }
        List<URL> kernel = visibleCopies(name);
        return kernel.isEmpty() ? null : kernel.get(0);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = Collections.list(findResources(name));
        all.addAll(visibleCopies(name));
        return Collections.enumeration(all);
    }

    /** The kernel loader's copies of resource {@code name} that cells may see, in class-path order. */
    private List<URL> visibleCopies(String name) {
        List<URL> visible = new ArrayList<>();
        try {
            for (URL u : Collections.list(getParent().getResources(name))) {
                if (classPath.shows(name, u)) {
                    visible.add(u);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the resources named " + name, e);
        }
        return visible;
    }
}
