package io.iobench.server.nio;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

/** The {@code netty-nio} model: it needs no native library, so it runs wherever the JDK does. */
class NettyNioConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new NettyNioModel();
    }
}
