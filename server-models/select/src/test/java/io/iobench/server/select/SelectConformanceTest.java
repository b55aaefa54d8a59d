package io.iobench.server.select;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

/** The select model against the suite every model passes. */
class SelectConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new SelectModel();
    }
}
