package io.iobench.server.iouring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.BeforeAll;

/** The {@code netty-io-uring} model, where the kernel allows io_uring (it is often disabled in containers). */
class NettyIoUringConformanceTest extends EchoConformanceSuite {

    @BeforeAll
    static void requireIoUring() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unavailable: " + IoUring.unavailabilityCause());
    }

    @Override
    protected IoModel model() {
        return new NettyIoUringModel();
    }
}
