package org.spectraledge.kernel.execution;

import java.util.function.Supplier;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Lets the kernel stop a cell thread that does not stop by itself: {@link CellClassLoader} inserts a call of
 * {@link #check()} before every backward jump (the end of every loop iteration) in the classes it defines, and
 * {@link #stop} makes that call throw in the chosen thread.
 *
 * <p>Why: {@code Thread.stop} throws {@link UnsupportedOperationException} on JDK 20 and later, so nothing else ends a
 * cell stuck in {@code while (true) {}} after an interrupt, and a cell that fills the heap must be stopped before the
 * kernel's own threads run out of memory ({@link HeapReserve}). The check is one volatile read per loop iteration.
 * Loops inside the kernel's own libraries are not checked.
 */
public final class LoopCheck {

    private static final String SELF = "org/spectraledge/kernel/execution/LoopCheck";

    /** The thread to stop, or {@code null}. */
    private static volatile Thread target;
    /** What the stopped thread throws. */
    private static volatile Supplier<? extends Error> reason;

    private LoopCheck() {}

    /** What a cell thread stopped by an interrupt throws (as {@code Thread.stop} throws {@code ThreadDeath}). */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        public Stopped() {
            super("stopped by an interrupt");
        }
    }

    /** Called by cell code at every loop iteration: throws if this thread is to stop. */
    public static void check() {
        if (target == Thread.currentThread()) {
            Supplier<? extends Error> r = reason;
            target = null;
            throw r.get();
        }
    }

    /** Makes {@code thread}'s next loop iteration in cell code throw what {@code why} supplies. */
    static void stop(Thread thread, Supplier<? extends Error> why) {
        reason = why;
        target = thread;
    }

    /** Cancels a stop that has not happened (the cell ended by itself). */
    static void cancel(Thread thread) {
        if (target == thread) {
            target = null;
        }
    }

    /** A visitor that inserts the check before each backward jump and records that it changed something. */
    static ClassVisitor inserting(ClassVisitor next, Runnable onChange) {
        return new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    private final java.util.Set<Label> seen = new java.util.HashSet<>();

                    @Override
                    public void visitLabel(Label label) {
                        seen.add(label);
                        super.visitLabel(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (seen.contains(label)) { // backward: a loop; the call leaves the jump's operands as they are
                            onChange.run();
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "check", "()V", false);
                        }
                        super.visitJumpInsn(opcode, label);
                    }
                };
            }
        };
    }
}
