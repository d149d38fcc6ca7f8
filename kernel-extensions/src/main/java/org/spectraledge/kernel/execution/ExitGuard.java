package org.spectraledge.kernel.execution;

import java.security.Permission;

/**
 * Turns {@code System.exit} / {@code Runtime.halt} from notebook code into a {@link CellExitException}
 * so that a cell cannot end the kernel.
 *
 * <p>Why a {@link SecurityManager}: it is the only hook the JVM offers that also catches exits from
 * library code a cell calls (rewriting the cell's source or bytecode would miss those). It is
 * deprecated for removal but works on JDK 17 and, with {@code -Djava.security.manager=allow} (which
 * the kernelspec passes), up to JDK 23. Every other permission is granted, so nothing else changes.
 * When the JVM refuses a security manager, {@link #install()} returns {@code null} and the kernel
 * runs without the guard (and says so in its log).
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {

    private volatile boolean exitPermitted;

    private ExitGuard() {}

    /**
     * Installs the guard as the JVM's security manager.
     *
     * @return the guard, or {@code null} if this JVM does not allow a security manager
     */
    public static ExitGuard install() {
        ExitGuard guard = new ExitGuard();
        try {
            System.setSecurityManager(guard);
            return guard;
        } catch (UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Lets the kernel itself exit (on shutdown). */
    public void permitExit() {
        exitPermitted = true;
    }

    @Override
    public void checkExit(int status) {
        if (!exitPermitted) {
            throw new CellExitException(status);
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed: the guard exists only for checkExit
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed: the guard exists only for checkExit
    }
}
