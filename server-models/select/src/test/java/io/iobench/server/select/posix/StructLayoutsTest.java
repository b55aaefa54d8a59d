package io.iobench.server.select.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The byte images Linux x86_64 expects, as a C program would lay them out. */
class StructLayoutsTest {

    @Test
    void sockaddrInIsFamilyInHostOrderThenPortAndAddressInNetworkOrder() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = SockAddr.of(arena,
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080));

            assertThat(SockAddr.IN.byteSize()).isEqualTo(16);
            assertThat(sockaddr.toArray(ValueLayout.JAVA_BYTE)).containsExactly(
                    2, 0, // AF_INET, little endian
                    0x1F, (byte) 0x90, // 8080, big endian
                    127, 0, 0, 1,
                    0, 0, 0, 0, 0, 0, 0, 0);
            assertThat(SockAddr.port(sockaddr)).isEqualTo(8080);
        }
    }

    @Test
    void sockaddrIn6CarriesTheSixteenAddressBytesAndAHighPortUnsigned() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = SockAddr.of(arena, new InetSocketAddress(InetAddress.getByName("::1"), 65000));

            assertThat(SockAddr.IN6.byteSize()).isEqualTo(28);
            byte[] bytes = sockaddr.toArray(ValueLayout.JAVA_BYTE);
            assertThat(bytes).hasSize(28);
            assertThat(bytes[0]).isEqualTo((byte) 10); // AF_INET6
            assertThat(bytes[1]).isZero();
            assertThat(new byte[] {bytes[2], bytes[3]}).containsExactly((byte) 0xFD, (byte) 0xE8);
            assertThat(bytes[23]).isEqualTo((byte) 1); // last byte of ::1
            assertThat(SockAddr.port(sockaddr)).isEqualTo(65000);
            assertThat(SockAddr.family(new InetSocketAddress(InetAddress.getByName("::1"), 1)))
                    .isEqualTo(Posix.AF_INET6);
        }
    }

    @Test
    void timevalIsTwoLongsRoundedUpToTheMicrosecond() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timeval = arena.allocate(TimeVal.LAYOUT);
            TimeVal.set(timeval, 2_500_000_001L);

            assertThat(TimeVal.LAYOUT.byteSize()).isEqualTo(16);
            assertThat(timeval.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(2);
            assertThat(timeval.get(ValueLayout.JAVA_LONG, 8)).isEqualTo(500_001);
        }
    }

    @Test
    void describesAnErrnoInTheCLibrarysWords() {
        assertThat(Posix.describe(Posix.EMFILE)).isEqualTo("Too many open files (errno 24)");
    }
}
