package io.iobench.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunTest {

    private static ObjectNode result() {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("model", "thread-per-connection").put("connections", 10_000).put("size", 64).put("mode", "closed");
        json.putObject("flags").put("client_bound", false).put("rate_missed", false)
                .put("latency_incomplete", false).put("failed", false).putNull("reason");
        return json;
    }

    private static Run run(ObjectNode json) {
        return Run.of("r", Path.of("r"), json);
    }

    @Test
    void aClosedLoopWithStarvedConnectionsIsFlagged() {
        ObjectNode json = result();
        ((ObjectNode) json.get("flags")).put("latency_incomplete", true);

        assertThat(run(json).status()).isEqualTo(RunStatus.FLAGGED);
        assertThat(run(json).flags()).containsExactly("latency_incomplete");
        assertThat(run(json).statusText()).isEqualTo("latency_incomplete");
    }

    @Test
    void namesStealBesideTheFlagsOnlyFromTwoPercent() {
        ObjectNode json = result();
        json.putObject("server").put("cpu_steal_pct", 1.99);
        json.putObject("client").put("cpu_steal_pct", 2.0);

        assertThat(run(json).status()).isEqualTo(RunStatus.GOOD);
        assertThat(run(json).statusText()).isEqualTo("the hypervisor stole 2.0% of the client's CPU time");
    }

    @Test
    void aResultFromBeforeTheFlagReadsAsGood() {
        ObjectNode json = result();
        ((ObjectNode) json.get("flags")).remove("latency_incomplete");

        assertThat(run(json).status()).isEqualTo(RunStatus.GOOD);
        assertThat(run(json).statusText()).isEmpty();
    }
}
