package io.iobench.server.blocking;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

class ThreadPerConnectionConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new ThreadPerConnectionModel();
    }
}
