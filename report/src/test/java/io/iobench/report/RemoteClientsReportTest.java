package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.fixture.RemoteClients;
import io.iobench.results.fixture.SyntheticSweep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a sweep two load clients on other hosts carried ({@link RemoteClients}): selector and netty-epoll at
 * 10 and 100 connections, twice each, the second client client_bound everywhere and failed in
 * selector-c100-s64-r2; netty-epoll-c100-s64-r2 failed before its clients started. The merged runs therefore have 20
 * and 200 connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteClientsReportTest {

    static final List<String> RUNS = List.of("selector-c10-s64", "selector-c10-s64-r2", "netty-epoll-c10-s64",
            "netty-epoll-c10-s64-r2", "selector-c100-s64", "selector-c100-s64-r2", "netty-epoll-c100-s64",
            "netty-epoll-c100-s64-r2");
    /** The runs with both clients' shares: all but the one whose clients never started. */
    static final int MERGED = RUNS.size() - 1;

    CommandRun run;
    String html;
    String markdown;

    @BeforeAll
    void report(@TempDir Path temp) throws IOException {
        Path dir = SyntheticSweep.write(SyntheticSweep.Repeated.of(2, 1.0, 0.01, 5L), temp.resolve("sweep"));
        RemoteClients.split(dir, Set.of("selector-c100-s64-r2"), Set.of("netty-epoll-c100-s64-r2"));
        run = CommandRun.of(dir.toString());
        html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    }

    @Test
    void namesTheServerHostWhereTheServerFiguresWereMeasured() {
        assertThat(run.exit()).as(run.err()).isZero();
        String note = "Server figures measured on 198.18.0.1 by iobench probe";
        assertThat(markdown).contains("## Hosts and clients", note, "- **Server host:** 198.18.0.1",
                "- **Server hostname:** fixture-host");
        assertThat(html).contains("id=\"hosts\"", "Hosts and clients", note);
        assertThat(markdown).contains("read on the server's host by iobench probe while the load came from other"
                + " hosts");
    }

    @Test
    void everyRunHasARowPerClientAndAMergedRowFailedRepetitionIncluded() {
        for (String id : RUNS) {
            assertThat(markdown).as(id).containsPattern("(?m)^### " + Pattern.quote(id) + ": ");
            assertThat(html).as(id).contains("id=\"hosts-" + id + "\"");
        }
        // A failed row starts in bold.
        assertThat(rows(markdown, "root@198.18.0.2")).isEqualTo(MERGED);
        assertThat(rows(markdown, "root@198.18.0.3")).isEqualTo(MERGED);
        assertThat(rows(markdown, "merged (2 clients)")).isEqualTo(MERGED);
        assertThat(count(html, "<td>root@198.18.0.2</td>")).isEqualTo(MERGED);
        assertThat(html).contains("<td>root@198.18.0.3</td>", "<td class=\"failed\">the client on root@198.18.0.3");
    }

    @Test
    void aRunThatFailedBeforeItsClientsRanIsListedWithItsReason() {
        assertThat(markdown).contains("### netty-epoll-c100-s64-r2: netty-epoll, 100 connections, FAILED\n\nNo"
                + " client's share was recorded: the run failed before its clients' runs could be merged: ssh"
                + " root@198.18.0.3: connection refused");
    }

    @Test
    void aClientsOwnFlagsFailureAndClockOffsetAreItsRow() {
        assertThat(markdown).containsPattern("\\| root@198\\.18\\.0\\.3 \\| load-b \\| [^|]+ \\| 10 \\|[^\\n]*"
                + "\\| client_bound \\|  \\| 3 \\|");
        assertThat(markdown).contains("### selector-c100-s64-r2: selector, 200 connections, FAILED");
        // The failed client wrote no result of its own, so its host never named itself.
        assertThat(markdown).contains("| **root@198.18.0.3** | — | — | 100 | — | — | 0 | — | — | — | — |  | the client"
                + " on root@198.18.0.3 exited with 1: connection reset | 3 |");
        assertThat(markdown).containsPattern("\\| \\*\\*merged \\(2 clients\\)\\*\\* \\|[^\\n]*\\| root@198\\.18\\.0\\.3:"
                + " the client on root@198\\.18\\.0\\.3 exited");
    }

    @Test
    void environmentDoesNotPutClientAndServerOnOneHost() {
        assertThat(markdown).contains("- **Pinning:** server CPUs 0 (pinned) on the server's host; the load clients"
                + " ran on other hosts (see Hosts and clients)");
        assertThat(markdown).contains("- **Server host:** fixture-host (198.18.0.1)",
                "- **Client hosts:** root@198.18.0.2 (load-a), root@198.18.0.3 (load-b)");
        assertThat(markdown).doesNotContain("client CPUs", "- **Host:**", "on a loopback host");
    }

    @Test
    void aSweepOfLocalClientsHasNoHostsSection(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("local"));
        CommandRun local = CommandRun.of(dir.toString());
        assertThat(local.exit()).as(local.err()).isZero();
        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md).doesNotContain("Hosts and clients", "iobench probe", "Server host");
        assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8))
                .doesNotContain("Hosts and clients", "id=\"hosts\"");
        assertThat(md).contains("- **Pinning:** server CPUs 0 (pinned), client CPUs 1 (pinned)", "- **Host:**");
    }

    private static int rows(String markdown, String first) {
        return (int) Pattern.compile("(?m)^\\| (\\*\\*)?" + Pattern.quote(first) + "(\\*\\*)? \\|").matcher(markdown)
                .results().count();
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
