package org.spectraledge.kernel.execution;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's view of the class path for cells: JShell's file manager with the class path replaced by
 * {@link NotebookClassPath#compilePath()} and the classes cells may not see left out of every package listing, so
 * that {@code org.zeromq.ZMQ} in a cell is a compile error unless the notebook added a jar with it.
 *
 * <p>JShell sets the class path through {@code -classpath} options that start with this JVM's whole class path; the
 * option's value is ignored and the notebook's class path set instead. Everything else is passed through.
 *
 * <p>JShell passes that option to every compilation, two or three per cell, and javac adds {@code --multi-release}.
 * Either makes javac's file manager forget its index of the class path's jars, so each is passed on only when its
 * value changes, and the filtered package listings are kept until the path changes (when the path is all jars,
 * whose contents do not change under a running kernel): re-indexing and re-filtering took a fifth of a trivial cell's
 * compile time, and a missed {@code --multi-release} another eighth.
 */
final class CellFileManager implements StandardJavaFileManager {

    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-classpath", "-cp", "--class-path", "-class-path");
    /** What javac gets to look for plugins and processors in: the JDK's modules only. */
    private static final ClassLoader NO_PLUGINS = new ClassLoader("no-compiler-plugins", ClassLoader.getPlatformClassLoader()) {};
    /** javac hands this to the file manager in every task; the delegate forgets its index whenever it sees it. */
    private static final String MULTI_RELEASE = "--multi-release";

    private final StandardJavaFileManager delegate;
    private final NotebookClassPath classPath;
    /** The class path last given to the delegate. */
    private List<Path> lastPath;
    /** Filtered class-path listings of {@link #lastPath}, by package, kinds and recursion. */
    private final Map<List<Object>, List<JavaFileObject>> listings = new ConcurrentHashMap<>();
    /** The {@value #MULTI_RELEASE} value last given to the delegate. */
    private String multiRelease;
    /** Whether {@link #lastPath} is all jars; a directory's classes may change under it, so then nothing is kept. */
    private boolean cacheable;

    CellFileManager(StandardJavaFileManager delegate, NotebookClassPath classPath) {
        this.delegate = delegate;
        this.classPath = classPath;
        updateClassPath();
    }

    private void updateClassPath() {
        List<Path> path = classPath.compilePath();
        if (path.equals(lastPath)) {
            return;
        }
        try {
            delegate.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
            lastPath = path;
            listings.clear();
            cacheable = path.stream().allMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the class path cells compile against", e);
        }
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (CLASS_PATH_OPTIONS.contains(current) && remaining.hasNext()) {
            remaining.next(); // JShell's own idea of the class path: the whole JVM's plus what was added
            updateClassPath();
            return true;
        }
        if (current.equals(MULTI_RELEASE) && remaining.hasNext()) {
            String release = remaining.next();
            if (!release.equals(multiRelease)) {
                delegate.handleOption(current, List.of(release).iterator());
                multiRelease = release;
            }
            return true;
        }
        return delegate.handleOption(current, remaining);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return delegate.list(location, packageName, kinds, recurse);
        }
        List<Object> key = List.of(packageName, Set.copyOf(kinds), recurse);
        List<JavaFileObject> cached = listings.get(key);
        if (cached == null) {
            cached = visible(delegate.list(location, packageName, kinds, recurse));
            if (cacheable) {
                listings.put(key, cached);
            }
        }
        return cached;
    }

    private List<JavaFileObject> visible(Iterable<JavaFileObject> all) {
        Location location = StandardLocation.CLASS_PATH;
        List<JavaFileObject> visible = new ArrayList<>();
        for (JavaFileObject f : all) {
            String resource = delegate.inferBinaryName(location, f).replace('.', '/') + f.getKind().extension;
            if (classPath.shows(resource, f.toUri())) {
                visible.add(f);
            }
        }
        return List.copyOf(visible);
    }

    // ---- everything else is the delegate's ----

    @Override
    public int isSupportedOption(String option) {
        return delegate.isSupportedOption(option);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        // javac asks for this loader in every task, only to look for compiler plugins with a ServiceLoader, which
        // JShell never runs (nor annotation processors: -proc:none); over the class path that search opened every
        // jar of the kernel each time
        return location == StandardLocation.CLASS_PATH || location == StandardLocation.ANNOTATION_PROCESSOR_PATH
                ? NO_PLUGINS : delegate.getClassLoader(location);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return delegate.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return delegate.isSameFile(a, b);
    }

    @Override
    public boolean hasLocation(Location location) {
        return delegate.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) throws IOException {
        return delegate.getJavaFileForInput(location, className, kind);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
            throws IOException {
        return delegate.getJavaFileForOutput(location, className, kind, sibling);
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName) throws IOException {
        return delegate.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling)
            throws IOException {
        return delegate.getFileForOutput(location, packageName, relativeName, sibling);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public Location getLocationForModule(Location location, String moduleName) throws IOException {
        return delegate.getLocationForModule(location, moduleName);
    }

    @Override
    public Location getLocationForModule(Location location, JavaFileObject fo) throws IOException {
        return delegate.getLocationForModule(location, fo);
    }

    @Override
    public <S> ServiceLoader<S> getServiceLoader(Location location, Class<S> service) throws IOException {
        return delegate.getServiceLoader(location, service);
    }

    @Override
    public String inferModuleName(Location location) throws IOException {
        return delegate.inferModuleName(location);
    }

    @Override
    public Iterable<Set<Location>> listLocationsForModules(Location location) throws IOException {
        return delegate.listLocationsForModules(location);
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        return delegate.contains(location, fo);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return delegate.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return delegate.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return delegate.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return delegate.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return delegate.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return delegate.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return delegate.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        delegate.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        delegate.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        delegate.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return delegate.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return delegate.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return delegate.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        delegate.setPathFactory(f);
    }
}
