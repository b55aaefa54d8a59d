package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunResult;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The address and interface a client's connections leave from, as the kernel's routing says. */
class LocalRouteTest {

    @Test
    void loopbackLeavesFromLoopback() {
        RunResult.Route route = LocalRoute.to(new InetSocketAddress("127.0.0.1", 9));
        assertThat(route.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(route.interfaceName()).isEqualTo("lo");
    }

    @Test
    void anUnresolvedTargetHasNoRoute() {
        assertThat(LocalRoute.to(InetSocketAddress.createUnresolved("nowhere.invalid", 9)))
                .isEqualTo(new RunResult.Route(null, null));
    }
}
