package io.iobench.server.iouring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model receives through a provided-buffer ring wherever the kernel has them: the mode its story claims. */
class BufferRingTest {

    @Test
    void connectionsReceiveFromTheLoopsBufferGroupWhereTheKernelHasRings() {
        assumeTrue(IoUring.isAvailable(), "io_uring is unavailable here");
        assertThat(NettyIoUringModel.transport().childOptions())
                .isEqualTo(IoUring.isRegisterBufferRingSupported()
                        ? Map.of(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID,
                                NettyIoUringModel.BUFFER_GROUP)
                        : Map.of());
    }
}
