package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens from disk in a real browser and draws something: headless Chromium takes a screenshot of
 * report.html, which must not be blank. Skipped where /usr/bin/chromium is not installed. Chromium runs with its
 * network features off; the page needs none, being self-contained.
 */
class BrowserRenderingTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void headlessChromiumRendersTheReportFromDisk(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " on this machine");
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        assertThat(CommandRun.of(dir.toString()).exit()).isZero();
        Path screenshot = temp.resolve("screenshot.png");
        Path profile = Files.createDirectories(temp.resolve("chromium-profile"));

        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--screenshot=" + screenshot, "--window-size=1280,2000",
                dir.resolve("report.html").toUri().toString()))
                .redirectErrorStream(true).redirectOutput(temp.resolve("chromium.log").toFile()).start();
        try {
            assertThat(chromium.waitFor(180, TimeUnit.SECONDS)).as("chromium finished in time").isTrue();
        } finally {
            chromium.destroyForcibly();
        }

        assertThat(screenshot).as(log(temp.resolve("chromium.log"))).exists();
        BufferedImage image = Pictures.png(screenshot);
        assertThat(image.getWidth()).isEqualTo(1280);
        // Text, tables with tinted failed and flagged rows, and the top of the first chart.
        assertThat(Pictures.distinctColours(image)).isGreaterThan(200);
        assertThat(Pictures.inkedFraction(image)).isGreaterThan(0.05);
    }

    /** Guards the check itself: a blank page must not pass for a rendered report. */
    @Test
    void aBlankPageIsRecognisedAsBlank() {
        BufferedImage blank = new BufferedImage(1280, 2000, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D paint = blank.createGraphics();
        paint.setColor(java.awt.Color.WHITE);
        paint.fillRect(0, 0, 1280, 2000);
        paint.dispose();
        assertThat(Pictures.distinctColours(blank)).isEqualTo(1);
        assertThat(Pictures.inkedFraction(blank)).isZero();
    }

    /** Reads a file without failing on a missing one, for assertion messages. */
    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
