package io.iobench.server.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import org.junit.jupiter.api.Test;

/** The poll model must really select with poll(2): a silent fall back to epoll would measure the wrong model. */
class PollSelectorsTest {

    @Test
    void opensPollSelectorsAndSocketsOfTheSameProvider() throws IOException {
        SelectorProvider poll = PollSelectors.provider();
        assertThat(poll).isNotSameAs(SelectorProvider.provider());
        try (Selector selector = poll.openSelector(); ServerSocketChannel listener = poll.openServerSocketChannel()) {
            assertThat(selector.getClass().getName()).isEqualTo("sun.nio.ch.PollSelectorImpl");
            assertThat(listener.provider()).isSameAs(poll);
        }
    }

    @Test
    void selectorModelUsesTheDefaultEpollSelector() throws IOException {
        try (Selector selector = SelectorProvider.provider().openSelector()) {
            assertThat(selector.getClass().getName()).isEqualTo("sun.nio.ch.EPollSelectorImpl");
        }
    }
}
