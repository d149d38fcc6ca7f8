package org.spectraledge.platform;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Keeps the C allocator from handing PyTorch's freed tensor memory back to the operating system at every step.
 *
 * <p>Why: a training step allocates and frees the same large tensors (activations, gradients, the capture's
 * float64 snapshots) over and over. With glibc's defaults, a block above the mmap threshold (128 KiB, raised
 * dynamically only in some cases) is a fresh {@code mmap} and a {@code munmap} when freed, and free memory at the top
 * of a thread's arena is trimmed; either way the next step touches new pages and takes a page fault for each 4 KiB.
 * Raising both thresholds lets freed blocks be reused, so a step's allocations no longer fault in fresh pages.
 * Figures: docs/benchmarks.md#native-settings.
 *
 * <p>What: {@code mallopt(M_MMAP_THRESHOLD, 32 MiB)} — glibc's ceiling on 64-bit systems, so blocks up to that size
 * come from the arenas — and {@code mallopt(M_TRIM_THRESHOLD, 256 MiB)}. The cost is that up to that much free memory
 * stays mapped after a peak (resident memory shows the high-water mark instead of falling back). Process-wide: it
 * applies to every thread and library from the call on. Called through JNA, which DJL already brings along.
 */
public final class NativeAllocator {

    /** glibc's {@code M_TRIM_THRESHOLD} parameter number (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    /** glibc's {@code M_MMAP_THRESHOLD} parameter number (malloc.h). */
    private static final int M_MMAP_THRESHOLD = -3;
    /** Blocks below this come from the arenas: glibc's largest allowed value on 64-bit systems. */
    static final int MMAP_THRESHOLD = 32 * 1024 * 1024;
    /** Free memory at the top of an arena is returned to the system only beyond this. */
    static final int TRIM_THRESHOLD = 256 * 1024 * 1024;

    private static Boolean applied;

    private NativeAllocator() {}

    /**
     * Raises glibc's mmap and trim thresholds (once per process; later calls return the first result).
     *
     * @return true if both settings were accepted; false where the C library is not glibc (musl, macOS), in which
     *     case nothing changed
     */
    public static synchronized boolean keepFreedMemory() {
        if (applied == null) {
            try {
                Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
                // mallopt returns 1 on success, 0 if the value is refused
                boolean mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
                boolean trim = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
                applied = mmap && trim;
            } catch (UnsatisfiedLinkError e) {
                applied = false;
            }
        }
        return applied;
    }
}
