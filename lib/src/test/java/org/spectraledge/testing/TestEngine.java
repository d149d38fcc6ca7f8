package org.spectraledge.testing;


import org.spectraledge.platform.Engines;
import org.spectraledge.platform.EngineInfo;
import org.spectraledge.platform.EngineConfig;
/** The engine configuration of this module's tests: one thread each, so results are reproducible. */
public final class TestEngine {
    public static final EngineConfig PINNED = EngineConfig.builder()
            .optIntraOpThreads(1).optInterOpThreads(1).optSeed(0).build();

    private TestEngine() {}

    public static EngineInfo start() {
        return Engines.start(PINNED);
    }
}
