package io.iobench.server.selector;

import java.nio.channels.spi.SelectorProvider;

/**
 * Opens the JDK's poll(2)-backed {@link SelectorProvider}, {@code sun.nio.ch.PollSelectorProvider}.
 *
 * <p>The JDK offers two public ways to a non-default provider, and neither fits: the system property
 * {@code java.nio.channels.spi.SelectorProvider} switches every selector of the JVM (a test JVM runs several models),
 * and the service loader only finds providers on the class path. So this class names the provider directly, which
 * needs its package exported to the class path at run time:
 * <pre>{@value #REQUIRED_JVM_OPTION}</pre>
 * Without it, {@link #provider()} refuses with that option in the message; it never falls back to epoll, which
 * would measure the wrong model under the poll name.
 */
final class PollSelectors {

    /** The JVM option the poll model needs; also given to javac by this module's pom. */
    static final String REQUIRED_JVM_OPTION = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";

    private static final String PACKAGE = "sun.nio.ch";

    private PollSelectors() {
    }

    /**
     * @return a new poll(2) provider; selectors and sockets must all be opened from it
     * @throws UnsupportedOperationException when the JVM was started without {@link #REQUIRED_JVM_OPTION} or has no
     *         poll provider
     */
    static SelectorProvider provider() {
        if (!Object.class.getModule().isExported(PACKAGE, PollSelectors.class.getModule())) {
            throw new UnsupportedOperationException("the poll model opens the JDK's poll(2) selector from "
                    + PACKAGE + ", so the JVM must be started with " + REQUIRED_JVM_OPTION);
        }
        try {
            return new sun.nio.ch.PollSelectorProvider();
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("this JDK has no poll(2) selector (sun.nio.ch.PollSelectorProvider): "
                    + e.getMessage(), e);
        }
    }
}
