package io.fs3.storage.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnixStatTest {
    @TempDir
    Path dir;

    /** The build's tests run with the jar's Add-Opens (fs3.test.jvm): the direct read must be the one in use. */
    @Test
    void readsTheJdksAttributesWhenSunNioFsIsOpen() {
        assertThat(UnixStat.readsJdkAttributes()).isTrue();
    }

    @Test
    void directReadEqualsTheAttributeMapForFilesDirectoriesAndLinks() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "twelve bytes");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-02-03T04:05:06.123456789Z")));
        Path sub = Files.createDirectory(dir.resolve("d"));
        Path link = Files.createSymbolicLink(dir.resolve("l"), file);
        for (Path p : new Path[] {file, sub, link}) {
            assertThat(UnixStat.read(p, LinkOption.NOFOLLOW_LINKS))
                    .isEqualTo(UnixStat.viaAttributeMap(p, LinkOption.NOFOLLOW_LINKS));
            assertThat(UnixStat.read(p)).isEqualTo(UnixStat.viaAttributeMap(p));
        }
        UnixStat f = UnixStat.read(file);
        assertThat(f.size()).isEqualTo(12);
        assertThat(f.regularFile()).isTrue();
        assertThat(f.directory()).isFalse();
        assertThat(f.mtimeNanos() % 1_000_000_000L).isIn(123_456_789L, 123_456_000L, 0L); // the filesystem's precision
        assertThat(f.ctimeNanos()).isPositive();
        assertThat(UnixStat.read(sub).directory()).isTrue();
        UnixStat l = UnixStat.read(link, LinkOption.NOFOLLOW_LINKS);
        assertThat(l.regularFile() || l.directory()).isFalse();
        assertThat(l.ino()).isNotEqualTo(f.ino());
        assertThat(UnixStat.read(link)).isEqualTo(f);
    }

    @Test
    void ctimeMovesWhenOnlyMetadataChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        UnixStat before = UnixStat.read(file);
        Thread.sleep(20);
        Files.setLastModifiedTime(file, before.lastModified()); // same mtime, new ctime
        UnixStat after = UnixStat.read(file);
        assertThat(after.mtimeNanos()).isEqualTo(before.mtimeNanos());
        assertThat(after.ctimeNanos()).isGreaterThan(before.ctimeNanos());
    }

    @Test
    void missingPathThrowsAsTheJdkDoes() {
        assertThatThrownBy(() -> UnixStat.read(dir.resolve("absent"), LinkOption.NOFOLLOW_LINKS))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(FileStat.ofLinkOrNull(dir.resolve("absent"))).isNull();
    }
}
