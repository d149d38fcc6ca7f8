package org.spectraledge.kernel.execution;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link CellClassLoader} does to a class file before defining it: exit calls go to {@link ExitGuard}, and every
 * loop iteration calls {@link LoopCheck#check()}. Both changes leave the stack and the stack-map frames as they are,
 * so nothing needs recomputing and no other class is loaded.
 */
final class CellBytecode {

    private static final Logger LOG = LoggerFactory.getLogger(CellBytecode.class);

    private CellBytecode() {}

    /**
     * {@code classFile} rewritten.
     *
     * @return {@code classFile} itself when nothing in it needs a change (or it is of a class-file version newer than
     *     this kernel reads, which the kernel log says)
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException newerThanAsm) {
            LOG.warn("A class of a newer class-file version than the kernel reads was loaded as it is: System.exit in it"
                    + " ends the kernel and an interrupt cannot stop its loops ({})", newerThanAsm.getMessage());
            return classFile;
        }
        // given the reader, the writer copies the constant pool and can copy untouched parts as they are
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        Runnable onChange = () -> changed[0] = true;
        reader.accept(ExitGuard.redirecting(LoopCheck.inserting(writer, onChange), onChange), 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }
}
