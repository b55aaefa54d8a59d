package io.iobench.server.selector;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;

/*
 * How it works: exactly the selector model's reactors (same threads, same buffers, same backpressure), opened from
 * the JDK's poll(2)-backed SelectorProvider instead of epoll. Only the readiness call differs.
 *
 * What it should cost: poll keeps no interest set in the kernel, so every loop turn hands the kernel the whole
 * array of registered descriptors (8 bytes each) and the kernel walks all of them; the JDK then walks the returned
 * array too. A turn costs O(connections), not O(ready connections) as with epoll. With a few connections it is
 * as fast as epoll, since interest changes need no epoll_ctl.
 *
 * Where it breaks: with many mostly idle connections. At 10,000 connections each turn copies 80 KB into the kernel
 * and scans 10,000 entries to find the few that are ready, so throughput falls and latency rises with the
 * connection count even at a constant request rate: the O(n) scaling epoll was made to remove.
 */

/** The {@code poll} model: the selector model's reactors on the JDK's poll(2) selector. */
public final class PollModel implements IoModel {

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public String description() {
        return "java.nio Selector reactor on the JDK's poll(2) provider: the selector model with poll for epoll";
    }

    /**
     * @throws UnsupportedOperationException when the JVM was started without
     *         {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED}, which the poll provider needs
     */
    @Override
    public Threading threading() {
        return Threading.REACTORS;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        return ReactorServer.start(name(), PollSelectors.provider(), options);
    }
}
