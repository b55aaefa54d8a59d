package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.FileDescriptors;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void listensOnLoopbackAnyPortWithModelDefaultsByDefault() {
        ServerOptions options = ServerOptions.loopback();

        assertThat(options.bind().isLoopbackAddress()).isTrue();
        assertThat(options.port()).isZero();
        assertThat(options.threadsOr(7)).isEqualTo(7);
        assertThat(options.maxConnections()).isEqualTo(ServerOptions.defaultMaxConnections());
        assertThat(options.backlog()).isEqualTo(ServerOptions.DEFAULT_BACKLOG);
    }

    @Test
    void leavesDescriptorsFreeForTheJvmUnderTheDefaultCap() {
        assertThat((long) ServerOptions.defaultMaxConnections()).isLessThan(FileDescriptors.limit());
    }

    /* At a limit of 64 a JVM holding 40 descriptors has 24 left: three quarters of the limit (48) would be beyond. */
    @Test
    void capsConnectionsAtWhatTheLimitLeavesBesideWhatIsHeld() {
        assertThat(ServerOptions.maxConnectionsLeaving(64, 40)).isEqualTo(64 - 40 - ServerOptions.DESCRIPTOR_HEADROOM);
        assertThat(ServerOptions.maxConnectionsLeaving(1_048_576, 60)).isEqualTo(1_048_576 - 60 - 8);
        assertThat(ServerOptions.maxConnectionsLeaving(64, 60)).as("a limit that leaves nothing").isEqualTo(1);
        assertThat(ServerOptions.maxConnectionsLeaving(1L << 40, 60)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void copiesChangeOneField() {
        ServerOptions options = ServerOptions.loopback().withPort(8080).withThreads(3).withMaxConnections(5);

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.threadsOr(7)).isEqualTo(3);
        assertThat(options.maxConnections()).isEqualTo(5);
        assertThat(options.socketAddress().getPort()).isEqualTo(8080);
    }

    @Test
    void rejectsImpossibleValues() {
        InetAddress loopback = InetAddress.getLoopbackAddress();

        assertThatThrownBy(() -> new ServerOptions(loopback, 65536, 0, 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> new ServerOptions(loopback, 0, -1, 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> new ServerOptions(loopback, 0, 0, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max connections");
    }
}
