package io.iobench.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** iobench's jars onto a host in a network namespace on 198.18.11.0/24, which shares this machine's files. */
@Timeout(60)
class DeploymentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final NetnsHostsExtension NET = new NetnsHostsExtension(1, 11, Duration.ofSeconds(10));

    @Test
    void copiesJarsAndClassDirectoriesOnceIntoTheWorkDirectory() throws Exception {
        Path jar = NET.dir().resolve("m2/dep-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("dep/A.class"));
            zip.write(new byte[]{1, 2, 3});
        }
        Path classes = classDirectory(NET.dir().resolve("mod/target/classes"));
        String work = NET.dir().resolve("work").toString();
        SshTarget host = NET.hosts().target(1);

        Deployment.Report first = Deployment.installReporting(NET.ssh(), host, work, List.of(jar, classes), TIMEOUT);
        assertThat(first.classPath()).isEqualTo(work + "/lib/dep-1.0.jar:" + work + "/lib/mod-classes.jar");
        assertThat(first.filesCopied()).isEqualTo(2);
        assertThat(Path.of(work, "lib/dep-1.0.jar")).hasSameBinaryContentAs(jar);
        try (JarFile packed = new JarFile(work + "/lib/mod-classes.jar")) {
            assertThat(packed.stream().map(ZipEntry::getName))
                    .containsExactly("io/", "io/x/", "io/x/A.class", "io/x/B.class", "r.txt");
        }

        assertThat(Deployment.installReporting(NET.ssh(), host, work, List.of(jar, classes), TIMEOUT))
                .isEqualTo(new Deployment.Report(first.classPath(), 0, 2));
        Files.writeString(classes.resolve("r.txt"), "changed");
        assertThat(Deployment.install(NET.ssh(), host, work, List.of(jar, classes), TIMEOUT))
                .isEqualTo(first.classPath());
        assertThat(Deployment.installReporting(NET.ssh(), host, work, List.of(jar, classes), TIMEOUT)
                .filesCopied()).isZero();
    }

    @Test
    void packsAClassDirectoryIntoTheSameBytesWhateverItsTimestamps() throws Exception {
        Path classes = classDirectory(NET.dir().resolve("again/target/classes"));
        Path one = NET.dir().resolve("one.jar");
        DeterministicJar.pack(classes, one);
        try (var files = Files.walk(classes)) {
            for (Path p : files.toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
            }
        }
        Path two = NET.dir().resolve("two.jar");
        DeterministicJar.pack(classes, two);
        assertThat(two).hasSameBinaryContentAs(one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", ".", "./", "~", "..", "a/../b", "x;rm", "a b", "$HOME/w", "`w`", "-rf",
            "/home", "/tmp/", "w\n"})
    void refusesAWorkDirectoryRmMustNotBeGiven(String workDir) {
        assertThatThrownBy(() -> Deployment.requireSafeWorkDir(workDir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad work directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {Deployment.DEFAULT_WORK_DIR, "work/iobench", "/tmp/iobench-work", "/opt/ib/w-1_2"})
    void acceptsAWorkDirectoryOfItsOwn(String workDir) {
        assertThatCode(() -> Deployment.requireSafeWorkDir(workDir)).doesNotThrowAnyException();
    }

    private static Path classDirectory(Path classes) throws Exception {
        Files.createDirectories(classes.resolve("io/x"));
        Files.write(classes.resolve("io/x/B.class"), new byte[]{5});
        Files.write(classes.resolve("io/x/A.class"), new byte[]{4});
        Files.writeString(classes.resolve("r.txt"), "resource");
        return classes;
    }
}
