package org.spectraledge.platform;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Background threads that run only on cores nothing else wants: Linux's {@code SCHED_IDLE} scheduling policy, or
 * nice 19 where that is refused. For work the user does not wait on and that must not slow the thread they do wait
 * on: the update capture's worker and the kernel's compiler warm-up.
 */
public final class IdlePriority {

    /** Linux {@code sched.h}: run only when a core would otherwise idle. */
    public static final int SCHED_IDLE = 5;
    /** {@code sys/resource.h}: {@code setpriority} of one process or, on Linux, one thread. */
    private static final int PRIO_PROCESS = 0;

    private IdlePriority() {}

    /**
     * Linux: the calling thread to {@code SCHED_IDLE}, or failing that to nice 19; a thread's policy and nice value
     * are its own, so other threads keep theirs. Elsewhere (or without glibc ≥ 2.30), nothing: the thread keeps the
     * normal priority and is only less polite.
     */
    public static void lowerCurrentThread() {
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            int tid = c.getFunction("gettid").invokeInt(new Object[0]);
            Memory param = new Memory(Integer.BYTES);   // struct sched_param { int sched_priority = 0; }
            param.clear();
            if (c.getFunction("sched_setscheduler").invokeInt(new Object[] {tid, SCHED_IDLE, param}) != 0) {
                c.getFunction("setpriority").invokeInt(new Object[] {PRIO_PROCESS, tid, 19});
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no such C library functions here: see above
        }
    }

    /** The calling thread's scheduling policy (field 41 of {@code /proc/thread-self/stat}), or -1 off Linux. */
    public static int policyOfCurrentThread() {
        if (!Files.exists(ProcStat.THREAD)) return -1;
        try {
            return (int) ProcStat.field(ProcStat.THREAD, 41);
        } catch (IOException e) {
            return -1;
        }
    }
}
