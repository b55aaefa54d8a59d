package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

    private static final int CONNECTION = 17;

    /** Message {@code sequence} of {@link #CONNECTION}, written in random pieces as a send buffer would be. */
    private static byte[] message(Payload payload, long sequence, SplittableRandom random) {
        int size = payload.sizeBytes();
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        for (int from = 0; from < size; ) {
            int to = Math.min(size, from + 1 + random.nextInt(Math.max(1, size / 3)));
            payload.write(buffer, CONNECTION, sequence, from, to);
            from = to;
        }
        assertThat(buffer.position()).isEqualTo(size);
        byte[] bytes = new byte[size];
        buffer.flip().get(bytes);
        return bytes;
    }

    private static boolean matches(Payload payload, byte[] bytes, int connection, long sequence) {
        return payload.matches(MemorySegment.ofArray(bytes), 0, connection, sequence, 0, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 9, 15, 16, 17, 64, 4096, 1024 * 1024})
    void acceptsItsOwnMessagesWhateverTheChunking(int size) {
        Payload payload = new Payload(size);
        SplittableRandom random = new SplittableRandom(size);
        for (long sequence = 0; sequence < 20; sequence++) {
            byte[] bytes = message(payload, sequence, random);
            assertThat(matches(payload, bytes, CONNECTION, sequence)).isTrue();
            // Checked in pieces, as TCP may deliver it.
            int split = random.nextInt(size + 1);
            MemorySegment segment = MemorySegment.ofArray(bytes);
            assertThat(payload.matches(segment, 0, CONNECTION, sequence, 0, split)).isTrue();
            assertThat(payload.matches(segment, split, CONNECTION, sequence, split, size)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16, 64, 5000})
    void catchesAFlippedBitAnywhere(int size) {
        Payload payload = new Payload(size);
        byte[] bytes = message(payload, 5, new SplittableRandom(1));
        for (int index = 0; index < size; index++) {
            bytes[index] ^= 0x40;
            assertThat(matches(payload, bytes, CONNECTION, 5)).as("byte %d flipped", index).isFalse();
            bytes[index] ^= 0x40;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 64})
    void catchesTheNeighbourMessageInPlaceOfTheExpectedOne(int size) {
        Payload payload = new Payload(size);
        SplittableRandom random = new SplittableRandom(2);
        for (long sequence = 1; sequence < 600; sequence++) {
            byte[] next = message(payload, sequence + 1, random);
            assertThat(matches(payload, next, CONNECTION, sequence)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 64, 4096})
    void catchesAMessageOfAnotherConnection(int size) {
        Payload payload = new Payload(size);
        byte[] bytes = message(payload, 9, new SplittableRandom(3));
        assertThat(matches(payload, bytes, CONNECTION + 1, 9)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 64, 4096})
    void carriesTheSequenceNumberInTheFirstBytesLittleEndian(int size) {
        Payload payload = new Payload(size);
        byte[] bytes = message(payload, 0x0102_0304_0506_0708L, new SplittableRandom(4));
        assertThat(bytes[0]).isEqualTo((byte) 0x08);
        if (size >= 8) {
            assertThat(bytes[7]).isEqualTo((byte) 0x01);
        }
    }
}
