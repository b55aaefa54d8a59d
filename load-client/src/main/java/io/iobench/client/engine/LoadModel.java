package io.iobench.client.engine;

import io.iobench.results.LoadMode;
import java.util.List;

/** How load is offered: closed loop, open loop. Creates one {@link Pacer} per IO thread. */
public interface LoadModel {

    /** @return messages a connection may have admitted and not yet echoed; sizes the per-connection ring */
    int maxOutstanding();

    /**
     * @param share            the connections of one IO thread, in increasing {@link Outbox#id()} order
     * @param totalConnections connections across all IO threads
     * @param startNs          when load begins ({@link System#nanoTime()} time base)
     */
    Pacer pacer(List<? extends Outbox> share, int totalConnections, long startNs);

    /** @return how load is offered, as result files record it */
    LoadMode mode();
}
