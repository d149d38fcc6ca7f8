package org.spectraledge.platform;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import org.spectraledge.train.Muon;
/**
 * Flush-to-zero for denormal floats on the calling thread, through PyTorch's own switch.
 *
 * <p>Why: once values fall below 2⁻¹²⁶ ≈ 1.2·10⁻³⁸ (Muon's Newton–Schulz products late in training,
 * Adam's second moments at ω = 0 once the loss is tiny), many x86 CPUs take a slow path for every
 * operation on them, which can slow a step several-fold. Setting the CPU's FTZ and DAZ bits
 * (flush results to zero, treat denormal inputs as zero) removes that cost. DJL exposes no switch,
 * so this class calls libtorch's static {@code at::Context::setFlushDenormal(bool)} (the function
 * behind {@code torch.set_flush_denormal}) through JNA, which DJL already brings along; nothing is
 * compiled.
 *
 * <p><b>Scope.</b> The bits live in each thread's MXCSR register. The call affects the calling
 * thread, and the OpenMP worker threads PyTorch creates <em>later</em> from it (Linux threads
 * inherit the floating-point environment at creation). So call it at the start of the training
 * thread, before its first tensor operation; with one intra-op thread all work runs on the calling
 * thread anyway.
 *
 * <p><b>Caveat.</b> The same register serves the JVM's compiled Java code on that thread, so Java
 * {@code float}/{@code double} arithmetic there flushes denormals too (against the Java
 * specification, which keeps them). Only values below 1.2·10⁻³⁸ (float) or 2.2·10⁻³⁰⁸ (double)
 * change; switch it off with {@code flushOnThisThread(false)} before code that cares.
 */
public final class Denormals {

    private static final String SET_FLUSH_DENORMAL = "_ZN2at7Context16setFlushDenormalEb";

    private Denormals() {}

    /**
     * Turns flush-to-zero and denormals-are-zero on or off for the calling thread.
     *
     * @param on true to flush denormals to zero, false for IEEE behaviour (the default)
     * @return false if this CPU has no denormals-are-zero mode (nothing changed)
     * @throws IllegalStateException if the engine is not started or libtorch lacks the function
     */
    public static boolean flushOnThisThread(boolean on) {
        if (!Engines.isStarted()) {
            throw new IllegalStateException("the engine is not started. Fix: call Engines.start(...) first");
        }
        EngineInfo info = Engines.start();
        String library = info.nativeDir().resolve(System.mapLibraryName("torch_cpu")).toString();
        try {
            NativeLibrary torch = NativeLibrary.getInstance(library);
            // a static member function (since PyTorch 2.0): called like a C function with one bool
            Function set = torch.getFunction(SET_FLUSH_DENORMAL);
            // the C++ bool comes back in the low byte of the return register
            return (set.invokeInt(new Object[] {on ? 1 : 0}) & 0xFF) != 0;
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("libtorch " + info.pytorchVersion() + " in " + library + " does not export "
                    + "at::Context::setFlushDenormal; flushing denormals is unavailable with this PyTorch build", e);
        }
    }
}
