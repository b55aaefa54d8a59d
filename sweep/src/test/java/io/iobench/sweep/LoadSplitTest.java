package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A point carried by several clients: the parts add up to the point, as evenly as whole numbers go. */
class LoadSplitTest {

    @Test
    void dividesConnectionsIdleConnectionsAndRate() {
        List<LoadSplit> shares = LoadSplit.of(new SweepPoint("selector", 10, 3, 64, 1001), 3);
        assertThat(shares).extracting(LoadSplit::connections).containsExactly(4, 3, 3);
        assertThat(shares).extracting(LoadSplit::idleConnections).containsExactly(1, 1, 1);
        assertThat(shares.stream().mapToLong(LoadSplit::rateMsgsPerS).sum()).isEqualTo(1001);
        assertThat(shares).extracting(LoadSplit::rateMsgsPerS).containsExactly(400L, 300L, 301L);
    }

    @Test
    void neverGivesAClientNoConnection() {
        assertThat(LoadSplit.of(new SweepPoint("selector", 1, 0, 64, 0), 3)).singleElement()
                .isEqualTo(new LoadSplit(1, 0, 0));
    }
}
