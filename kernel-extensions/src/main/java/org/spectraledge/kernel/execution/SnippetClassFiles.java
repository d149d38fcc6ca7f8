package org.spectraledge.kernel.execution;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class files JShell keeps in memory for the snippets it compiled, and the forgetting of those no later
 * compilation can name.
 *
 * <p>JShell keeps the class file of every snippet it ever compiled and lists all of them to javac whenever javac
 * enters its wrapper package {@code REPL}, two or three times per snippet, so left alone every cell compiles a little
 * slower than the one before. Figures: docs/benchmarks.md#cell-compile-time. A statement's or an expression's
 * wrapper, a dropped variable's, and a declaration that was replaced or rejected are never imported again, so their
 * class files are only ballast: the classes themselves are loaded already and stay loaded, only the compiler's copy
 * goes.
 *
 * <p>JShell has no API for this; the map is reached by reflection, which needs
 * {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernel's launchers pass it). Without it, or on a JDK
 * whose JShell is laid out differently, nothing is forgotten: cells work as in a stock JShell and one warning says
 * why. Like JShell itself, not thread-safe: call it on the thread that evaluates.
 */
final class SnippetClassFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SnippetClassFiles.class);

    /** How JShell names a snippet's wrapper class: this prefix, then the snippet's key and version. */
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";

    /** JShell's map from binary class name ({@code REPL.$JShell$12}) to class file; null if unreachable. */
    private final Map<String, ?> classFiles;
    private final Method classFullName;

    private SnippetClassFiles(Map<String, ?> classFiles, Method classFullName) {
        this.classFiles = classFiles;
        this.classFullName = classFullName;
    }

    /** The class files of {@code shell}, or an instance that forgets nothing if JShell's internals are closed to us. */
    static SnippetClassFiles of(JShell shell) {
        try {
            Object taskFactory = read(JShell.class, "taskFactory", shell);
            Object fileManager = read(taskFactory.getClass(), "fileManager", taskFactory);
            Map<String, ?> classFiles = (Map<String, ?>) read(fileManager.getClass(), "classObjects", fileManager);
            Method classFullName = Snippet.class.getDeclaredMethod("classFullName");
            classFullName.setAccessible(true);
            return new SnippetClassFiles(classFiles, classFullName);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("JShell's compiled snippets cannot be pruned ({}); cells compile more slowly as a session grows. "
                    + "Run the kernel with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED.", e.toString());
            return new SnippetClassFiles(null, null);
        }
    }

    /** True if snippets' class files can be forgotten (see the class comment). */
    boolean canForget() {
        return classFiles != null;
    }

    /** How many class files JShell holds now; -1 if they cannot be reached. For tests. */
    int size() {
        return classFiles == null ? -1 : classFiles.size();
    }

    /**
     * Forgets every class file except those of {@code importable}'s wrappers (as last compiled) and the classes
     * nested in them. Pass the snippets a later snippet may still import: the declarations that are active. If the
     * wrapper of one of them cannot be named, nothing is forgotten this time.
     */
    void keepOnly(Stream<Snippet> importable) {
        if (classFiles == null) {
            return;
        }
        Set<String> wrappers = new HashSet<>();
        for (Snippet snippet : (Iterable<Snippet>) importable::iterator) {
            Optional<String> name = wrapperName(snippet);
            if (name.isEmpty()) {
                return;
            }
            wrappers.add(name.get());
        }
        classFiles.keySet().removeIf(name -> name.startsWith(WRAPPER_PREFIX) && !wrappers.contains(wrapperOf(name)));
    }

    private Optional<String> wrapperName(Snippet snippet) {
        try {
            return Optional.ofNullable((String) classFullName.invoke(snippet));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code REPL.$JShell$12B$Box} → {@code REPL.$JShell$12B}: a wrapper's name has no {@code $} after its prefix. */
    private static String wrapperOf(String className) {
        int nested = className.indexOf('$', WRAPPER_PREFIX.length());
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static Object read(Class<?> owner, String field, Object target) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(target);
    }
}
