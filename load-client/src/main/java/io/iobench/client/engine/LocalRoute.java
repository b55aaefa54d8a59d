package io.iobench.client.engine;

import io.iobench.results.RunResult;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;

/**
 * Which of this host's addresses, and which interface, the client's connections to a target leave from: on a
 * host with several NICs a result must say which one carried the load. Asked of the kernel's routing by a UDP
 * socket connected to the target, which sends nothing.
 */
public final class LocalRoute {

    private LocalRoute() {
    }

    /** The route to {@code target}; null fields where the kernel or the interface list does not say. */
    public static RunResult.Route to(InetSocketAddress target) {
        if (target.isUnresolved()) {
            return new RunResult.Route(null, null);
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            InetAddress local = socket.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                return new RunResult.Route(null, null);
            }
            NetworkInterface nic = NetworkInterface.getByInetAddress(local);
            return new RunResult.Route(local.getHostAddress(), nic == null ? null : nic.getName());
        } catch (IOException e) {
            return new RunResult.Route(null, null);
        }
    }
}
