package io.iobench.server.busypoll;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

class BusyPollConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new BusyPollModel();
    }

    /** It polls every socket whether or not anything is ready: it spins by design, so it cannot idle. */
    @Override
    protected boolean idlesWhenBlocked() {
        return false;
    }
}
