package io.iobench.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * One client thread's share of many connections, driven in lockstep: a message of 1 to 512 bytes on every
 * connection, then every echo, round after round. Messages that small fit the socket buffers, so writing all
 * before reading any cannot deadlock, and one thread keeps a hundred connections busy at once.
 */
final class LockstepClients {

    private static final int MAX_MESSAGE_BYTES = 512;

    private final InetSocketAddress server;
    private final int connections;
    private final long seed;

    /** @param seed of this thread's payloads, printed when an echo differs */
    LockstepClients(InetSocketAddress server, int connections, long seed) {
        this.server = server;
        this.connections = connections;
        this.seed = seed;
    }

    /**
     * Connects every connection, counts {@code connected} down, waits for {@code go}, then echoes.
     *
     * @return messages echoed correctly, {@code connections * rounds} unless something failed
     * @throws AssertionError naming the connection, round and byte of the first wrong echo
     */
    long run(int rounds, CountDownLatch connected, CountDownLatch go) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        List<EchoClient> clients = new ArrayList<>();
        try {
            try {
                for (int i = 0; i < connections; i++) {
                    clients.add(EchoClient.connect(server));
                }
            } finally {
                connected.countDown();
            }
            go.await();
            long echoed = 0;
            byte[][] sent = new byte[connections][];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < connections; i++) {
                    sent[i] = Payloads.random(random, random.nextInt(1, MAX_MESSAGE_BYTES + 1));
                    clients.get(i).write(sent[i]);
                }
                for (int i = 0; i < connections; i++) {
                    byte[] back = clients.get(i).readExactly(sent[i].length);
                    if (!Arrays.equals(sent[i], back)) {
                        throw new AssertionError("connection " + i + " round " + round + ": echo differs at byte "
                                + Arrays.mismatch(sent[i], back) + " (seed " + seed + ")");
                    }
                    echoed++;
                }
            }
            return echoed;
        } finally {
            clients.forEach(EchoClient::close);
        }
    }
}
