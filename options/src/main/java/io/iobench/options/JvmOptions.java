package io.iobench.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options every iobench process needs, whatever it runs: a model's server, the load client, a JMH fork.
 * <ul>
 *   <li>{@code --enable-native-access=ALL-UNNAMED}: the select model and the client's io_uring engine call native
 *       code through FFM, and Netty loads its JNI library;</li>
 *   <li>{@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED}: the poll model opens the JDK's poll selector, and
 *       the io_uring engine reads a socket channel's descriptor;</li>
 *   <li>{@code -Dio.netty.iouring.acceptMultiShotEnabled=false}: with multishot accept, Netty 4.2.18 re-arms an
 *       accept that failed with EMFILE at once and spins a core;</li>
 *   <li>{@code -Dio.netty.leakDetection.level=disabled}: Netty's default leak detector samples one buffer
 *       allocation in 128 and records its stack, a tax no other model pays and no production echo server would
 *       choose to; the Netty models' tests turn it back on at its strictest.</li>
 * </ul>
 * They change no behaviour of the other models. The list is written once, as the property
 * {@code iobench.jvm.options} of the root pom: the build filters it into the resource {@value #RESOURCE}, which
 * the sweep, the JMH launcher and {@code scripts/iobench} read, and the test JVMs get it in their argLine.
 */
public final class JvmOptions {

    /** Where the list lives on the class path; {@code options/target/classes} holds it after a build. */
    public static final String RESOURCE = "/io/iobench/options/jvm.options";

    private static final List<String> REQUIRED = load();

    private JvmOptions() {
    }

    /** @return the options, in order, one word each */
    public static List<String> required() {
        return REQUIRED;
    }

    private static List<String> load() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: rebuild iobench");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (text.isEmpty() || text.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by the build: '" + text + "'");
            }
            return List.copyOf(Arrays.asList(text.split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
