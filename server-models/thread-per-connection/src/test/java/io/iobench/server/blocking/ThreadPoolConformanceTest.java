package io.iobench.server.blocking;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;

class ThreadPoolConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new ThreadPoolModel();
    }

    /** More workers than the suite's 500 concurrent connections: with fewer, the extra ones starve by design. */
    @Override
    protected ServerOptions options() {
        return super.options().withThreads(520);
    }
}
