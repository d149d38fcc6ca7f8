package org.spectraledge.sweep;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads an optional engine module (Spark and its few hundred jars) beside the application without mixing the two:
 * classes come from the module's jars first, so its versions of shared libraries (Jackson, Netty, RoaringBitmap, …)
 * do not collide with the application's; only the packages through which the two talk — the library
 * ({@code org.spectraledge}), DJL, Tablesaw, Gson — and the JDK come from the application first, so that a
 * {@link SweepExecutor} made inside is the application's type. Logging is not shared: the module logs through its own
 * SLF4J and Log4j 2, set up by its own {@code log4j2.properties}.
 */
final class ChildFirstClassLoader extends URLClassLoader {
    private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.spectraledge.",
            "ai.djl.", "tech.tablesaw.", "com.google.gson.");

    ChildFirstClassLoader(String name, URL[] jars, ClassLoader parent) {
        super(name, jars, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (shared(name)) {
                    try {
                        c = getParent().loadClass(name);
                    } catch (ClassNotFoundException e) {
                        c = findClass(name); // the module's own classes, e.g. org.spectraledge.spark
                    }
                } else {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name); // the module's configuration files (log4j2, Spark's defaults) first
        return own != null ? own : getParent().getResource(name);
    }

    /**
     * Service registrations ({@code META-INF/services/INTERFACE}) of an interface that is not shared come from the
     * module only: the application's SLF4J binding, say, does not implement the module's SLF4J interface.
     */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        String prefix = "META-INF/services/";
        if (name.startsWith(prefix) && !shared(name.substring(prefix.length()))) return findResources(name);
        return super.getResources(name);
    }

    private static boolean shared(String name) {
        for (String prefix : SHARED) if (name.startsWith(prefix)) return true;
        return false;
    }
}
