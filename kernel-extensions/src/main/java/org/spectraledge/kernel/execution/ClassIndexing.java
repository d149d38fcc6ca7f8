package org.spectraledge.kernel.execution;

import java.lang.reflect.Method;
import jdk.jshell.SourceCodeAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JShell's background indexing of the class path, which completion uses to suggest classes that are not imported
 * yet, held back while cells compile and run.
 *
 * <p>JShell starts indexing every module of the JDK and every jar of the class path on a thread of its own as soon as
 * its source analysis exists, and again after each class-path change. On a machine with two cores that thread
 * competes with the compiler of the first cells and with the JIT compiling that compiler, so the kernel's first
 * result came later. Paused while a cell is evaluated, it indexes in the time between cells instead (JShell checks
 * for a pause between two jars or modules).
 *
 * <p>The switch is public in JShell's implementation but not in its API, so it is reached by reflection, which needs
 * {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}; without it the indexing runs whenever JShell starts it and
 * one warning says why.
 */
final class ClassIndexing {

    private static final Logger LOG = LoggerFactory.getLogger(ClassIndexing.class);

    private final SourceCodeAnalysis analysis;
    private final Method suspend;
    private final Method resume;

    private ClassIndexing(SourceCodeAnalysis analysis, Method suspend, Method resume) {
        this.analysis = analysis;
        this.suspend = suspend;
        this.resume = resume;
    }

    /** The indexing behind {@code analysis}, or an instance that never pauses it if JShell's internals are closed. */
    static ClassIndexing of(SourceCodeAnalysis analysis) {
        try {
            Method suspend = analysis.getClass().getMethod("suspendIndexing");
            Method resume = analysis.getClass().getMethod("resumeIndexing");
            suspend.setAccessible(true);
            resume.setAccessible(true);
            return new ClassIndexing(analysis, suspend, resume);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("JShell's class-path indexing cannot be paused while cells run ({}); the first cells may be slower. "
                    + "Run the kernel with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED.", e.toString());
            return new ClassIndexing(analysis, null, null);
        }
    }

    /** Pauses the indexing until the matching {@link #resume()}; pauses nest. */
    void pause() {
        call(suspend);
    }

    /** Ends one {@link #pause()}. */
    void resume() {
        call(resume);
    }

    private void call(Method method) {
        if (method == null) {
            return;
        }
        try {
            method.invoke(analysis);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JShell's " + method.getName() + " failed", e);
        }
    }
}
