package org.spectraledge.platform;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * The running engine as {@link Engines#start(EngineConfig)} left it; thread counts are read back
 * from PyTorch, not copied from the request.
 *
 * @param engine DJL's engine (use it, or {@code NDManager.newBaseManager()}, to create arrays)
 * @param pytorchVersion version of the loaded libtorch, e.g. {@code 2.7.1}
 * @param intraOpThreads PyTorch's intra-op thread count now in force
 * @param interOpThreads PyTorch's inter-op thread count now in force
 * @param nativeDir directory the native libraries were loaded from
 */
public record EngineInfo(Engine engine, String pytorchVersion, int intraOpThreads, int interOpThreads,
                         Path nativeDir) {
    public EngineInfo {
        if (engine == null || pytorchVersion == null || nativeDir == null) {
            throw new IllegalArgumentException("engine, pytorchVersion and nativeDir are required");
        }
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1, got intra " + intraOpThreads
                    + ", inter " + interOpThreads);
        }
    }
}
