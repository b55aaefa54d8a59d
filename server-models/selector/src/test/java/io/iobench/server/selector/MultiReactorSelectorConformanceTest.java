package io.iobench.server.selector;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;

/** The {@code selector} model with {@code --threads 2}: an acceptor dealing connections to two reactors. */
class MultiReactorSelectorConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new SelectorModel();
    }

    @Override
    protected ServerOptions options() {
        return super.options().withThreads(2);
    }
}
