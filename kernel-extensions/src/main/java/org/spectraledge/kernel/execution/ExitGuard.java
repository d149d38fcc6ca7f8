package org.spectraledge.kernel.execution;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps cells from ending the kernel: {@link CellClassLoader} passes every class it defines (JShell's snippet classes
 * and the classes of jars the notebook added) through {@link #guard(byte[])}, which points each call of
 * {@code System.exit(int)}, {@code Runtime.exit(int)} and {@code Runtime.halt(int)} — direct calls, method references
 * and method-handle constants alike — at this class's methods of the same name, which throw a
 * {@link CellExitException}. The cell then fails with that error and the kernel keeps running.
 *
 * <p>Why rewrite class files: the JVM's other hook, a {@code SecurityManager}, cannot be installed on JDK 24 and later.
 * Each rewritten call takes the same operands off the stack as the call it replaces, so no frame or stack size
 * changes. Not covered: an exit reached through reflection, or from a class of the kernel's own class path.
 */
public final class ExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);

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

    /**
     * The class file {@code classFile} with its exit calls pointed at this class.
     *
     * @return {@code classFile} itself when it calls none of them (or is of a class-file version this guard cannot
     *     read, which the kernel log says)
     */
    static byte[] guard(byte[] classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException newerThanAsm) {
            LOG.warn("A class of a newer class-file version than the exit guard reads was loaded unguarded: "
                    + "System.exit in it ends the kernel ({})", newerThanAsm.getMessage());
            return classFile;
        }
        // given the reader, the writer copies methods that the visitor leaves alone as they are
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirector redirector = new Redirector(writer);
        reader.accept(redirector, 0);
        return redirector.changed ? writer.toByteArray() : classFile;
    }

    /** Replaces the exit calls of every method it visits. */
    private static final class Redirector extends ClassVisitor {
        boolean changed;

        Redirector(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    if (isExit(owner, method, desc)) {
                        changed = true;
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
                changed = true;
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
