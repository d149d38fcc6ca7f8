package org.spectraledge.kernel.execution;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/**
 * JShell's hook for loading snippet classes and class-path additions, backed by a {@link CellClassLoader} (what
 * JShell's own in-process delegate does, with the notebook's class-path rules instead of plain parent-first).
 */
final class CellLoaderDelegate implements LoaderDelegate {

    private final CellClassLoader loader;
    private final NotebookClassPath classPath;
    /** Snippet classes by binary name, for JShell to invoke. */
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    CellLoaderDelegate(NotebookClassPath classPath) {
        this.classPath = classPath;
        this.loader = new CellClassLoader(CellLoaderDelegate.class.getClassLoader(), classPath);
    }

    /** The loader of cells; the context class loader of cell threads. */
    ClassLoader loader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) { // all first: the classes of one snippet refer to each other
                loader.declare(cbc.name(), cbc.bytecodes());
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> c = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), c);
                installed[i] = true;
                c.getDeclaredMethods(); // links the class now, so a missing class fails the snippet, not a later call
            }
        } catch (Throwable t) {
            throw new ClassInstallException("load: " + t.getMessage(), installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    /**
     * Adds what {@link NotebookClassPath#add} gave to the notebook's loader; the jars it left to the kernel's class
     * path are already loadable.
     */
    @Override
    public void addToClasspath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && classPath.isChildFirst(Path.of(entry))) {
                loader.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = classes.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name + " is not a snippet class JShell loaded");
        }
        return c;
    }
}
