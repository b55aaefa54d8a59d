package io.iobench.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a process's output on a thread of its own, so a process writing more than a pipe holds never blocks on
 * us. {@link #text} waits for the end of the stream only so long: a background ssh master may keep the pipe open.
 */
final class StreamDrain {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private StreamDrain(InputStream in) {
        thread = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // The process is gone; what was read is all there is.
            }
        });
    }

    static StreamDrain of(InputStream in) {
        return new StreamDrain(in);
    }

    /** What was read, after waiting at most {@code wait} for the stream to end. */
    String text(Duration wait) throws InterruptedException {
        thread.join(wait);
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
