package io.iobench.server.select.posix;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

/**
 * The Linux socket addresses {@code struct sockaddr_in} and {@code struct sockaddr_in6}: the family in host order,
 * the port and the address in network order. Both put the port at the same offset, so a port is read back the same
 * way from either.
 */
public final class SockAddr {

    /** {@code struct sockaddr_in}: 16 bytes. */
    public static final StructLayout IN = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin_port"),
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("sin_addr"),
            MemoryLayout.paddingLayout(8));

    /** {@code struct sockaddr_in6}: 28 bytes. */
    public static final StructLayout IN6 = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin6_port"),
            JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id"));

    private static final VarHandle FAMILY = IN.varHandle(PathElement.groupElement("sin_family"));
    private static final VarHandle PORT = IN.varHandle(PathElement.groupElement("sin_port"));
    private static final long IN_ADDR_OFFSET = IN.byteOffset(PathElement.groupElement("sin_addr"));
    private static final long IN6_ADDR_OFFSET = IN6.byteOffset(PathElement.groupElement("sin6_addr"));
    private static final VarHandle IN6_SCOPE_ID = IN6.varHandle(PathElement.groupElement("sin6_scope_id"));

    private SockAddr() {
    }

    /** @return {@link Posix#AF_INET} or {@link Posix#AF_INET6}, the socket domain for {@code address} */
    public static int family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? Posix.AF_INET6 : Posix.AF_INET;
    }

    /** @return {@code address} as a zeroed {@code sockaddr_in} or {@code sockaddr_in6} allocated in {@code arena} */
    public static MemorySegment of(Arena arena, InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot bind an unresolved address: " + address);
        }
        byte[] ip = address.getAddress().getAddress();
        MemorySegment sockaddr;
        if (address.getAddress() instanceof Inet4Address) {
            sockaddr = arena.allocate(IN);
            MemorySegment.copy(ip, 0, sockaddr, JAVA_BYTE, IN_ADDR_OFFSET, ip.length);
        } else {
            sockaddr = arena.allocate(IN6);
            MemorySegment.copy(ip, 0, sockaddr, JAVA_BYTE, IN6_ADDR_OFFSET, ip.length);
            IN6_SCOPE_ID.set(sockaddr, 0L, ((Inet6Address) address.getAddress()).getScopeId());
        }
        FAMILY.set(sockaddr, 0L, (short) family(address));
        PORT.set(sockaddr, 0L, (short) address.getPort());
        return sockaddr;
    }

    /** @return the port of a {@code sockaddr_in} or {@code sockaddr_in6}, 0..65535 */
    public static int port(MemorySegment sockaddr) {
        return Short.toUnsignedInt((short) PORT.get(sockaddr, 0L));
    }
}
