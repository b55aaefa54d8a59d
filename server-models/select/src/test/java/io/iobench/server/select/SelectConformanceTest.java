package io.iobench.server.select;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

/** The select model against the suite every model passes. */
class SelectConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new SelectModel();
    }

    /**
     * Client and server share this JVM's descriptors: 2 x 440 sockets and the JVM's own stay below FD_SETSIZE.
     * 500 would push the last accepted descriptors past 1023, which this model refuses by design
     * (FdSetSizeLimitTest); from its own process, as the sweep runs it, it serves up to about 1,000.
     */
    @Override
    protected int concurrentConnections() {
        return 440;
    }
}
