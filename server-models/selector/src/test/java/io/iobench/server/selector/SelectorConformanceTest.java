package io.iobench.server.selector;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

/** The {@code selector} model with its default single reactor, which accepts and serves. */
class SelectorConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new SelectorModel();
    }
}
