package io.iobench.server.epoll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.BeforeAll;

/** The {@code netty-epoll} model, where Netty's native epoll library loads. */
class NettyEpollConformanceTest extends EchoConformanceSuite {

    @BeforeAll
    static void requireEpoll() {
        assumeTrue(Epoll.isAvailable(), () -> "native epoll unavailable: " + Epoll.unavailabilityCause());
    }

    @Override
    protected IoModel model() {
        return new NettyEpollModel();
    }
}
