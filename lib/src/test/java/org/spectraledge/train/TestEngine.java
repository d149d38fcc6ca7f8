package org.spectraledge.train;

/** The engine configuration of this module's tests: one thread each, so results are reproducible. */
final class TestEngine {
    static final EngineConfig PINNED = EngineConfig.builder()
            .optIntraOpThreads(1).optInterOpThreads(1).optSeed(0).build();

    private TestEngine() {}

    static EngineInfo start() {
        return Engines.start(PINNED);
    }
}
