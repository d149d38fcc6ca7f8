package org.spectraledge.kernel.execution;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps cells from ending the kernel: in every class {@link CellClassLoader} defines (JShell's snippet classes and the
 * classes of jars the notebook added), {@link CellBytecode} points each call of
 * {@code System.exit(int)}, {@code Runtime.exit(int)} and {@code Runtime.halt(int)} — direct calls, method references
 * and method-handle constants alike — at this class's methods of the same name, which throw a
 * {@link CellExitException}. The cell then fails with that error and the kernel keeps running.
 *
 * <p>Why rewrite class files: the JVM's other hook, a {@code SecurityManager}, cannot be installed on JDK 24 and later.
 * Each rewritten call takes the same operands off the stack as the call it replaces, so no frame or stack size
 * changes. Not covered: an exit reached through reflection, or from a class of the kernel's own class path.
 */
public final class ExitGuard {

    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String SELF = "org/spectraledge/kernel/execution/ExitGuard";
    /** {@code System.exit(int)}. */
    private static final String STATUS = "(I)V";
    /** {@code Runtime.exit(int)} and {@code Runtime.halt(int)} as static methods taking the receiver first. */
    private static final String RECEIVER_AND_STATUS = "(Ljava/lang/Runtime;I)V";

    private ExitGuard() {}

    /** What {@code System.exit(status)} becomes in a cell. */
    public static void exit(int status) {
        throw new CellExitException("System.exit", status);
    }

    /** What {@code Runtime.getRuntime().exit(status)} becomes in a cell. */
    public static void exit(Runtime runtime, int status) {
        throw new CellExitException("Runtime.exit", status);
    }

    /** What {@code Runtime.getRuntime().halt(status)} becomes in a cell. */
    public static void halt(Runtime runtime, int status) {
        throw new CellExitException("Runtime.halt", status);
    }

    /** A visitor that points the exit calls at this class and records that it changed something. */
    static ClassVisitor redirecting(ClassVisitor next, Runnable onChange) {
        return new Redirector(next, onChange);
    }

    /** Replaces the exit calls of every method it visits. */
    private static final class Redirector extends ClassVisitor {
        private final Runnable onChange;

        Redirector(ClassVisitor next, Runnable onChange) {
            super(Opcodes.ASM9, next);
            this.onChange = onChange;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    if (isExit(owner, method, desc)) {
                        onChange.run();
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, method,
                                owner.equals(SYSTEM) ? STATUS : RECEIVER_AND_STATUS, false);
                    } else {
                        super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                    Object[] redirected = arguments.clone();
                    for (int i = 0; i < redirected.length; i++) {
                        redirected[i] = redirect(redirected[i]);
                    }
                    super.visitInvokeDynamicInsn(method, desc, bootstrap, redirected);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    super.visitLdcInsn(redirect(value));
                }
            };
        }

        /**
         * A method handle to an exit method as a handle to this class's replacement; anything else as it is. A bound
         * method reference ({@code Runtime.getRuntime()::exit}) still works: the lambda factory passes the captured
         * receiver as the static method's first argument.
         */
        private Object redirect(Object constant) {
            if (constant instanceof Handle h && isExit(h.getOwner(), h.getName(), h.getDesc())) {
                onChange.run();
                return new Handle(Opcodes.H_INVOKESTATIC, SELF, h.getName(),
                        h.getOwner().equals(SYSTEM) ? STATUS : RECEIVER_AND_STATUS, false);
            }
            return constant;
        }
    }

    private static boolean isExit(String owner, String method, String desc) {
        return STATUS.equals(desc) && (owner.equals(SYSTEM) && method.equals("exit")
                || owner.equals(RUNTIME) && (method.equals("exit") || method.equals("halt")));
    }
}
