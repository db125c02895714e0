package io.fs3.storage;

import io.fs3.storage.cache.FileStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class FileStampTest {
    @Test
    void aUnixKeyIsHeldAsNumbersAndRenderedAsJavaPrintsIt() {
        FileStamp parsed = FileStamp.of("(dev=fe01,ino=1234567)", 5, 9);
        FileStamp numbers = FileStamp.unix(0xfe01, 1234567, 5, 9);

        assertThat(parsed).isEqualTo(numbers).hasSameHashCodeAs(numbers);
        assertThat(numbers.fileKey()).isEqualTo("(dev=fe01,ino=1234567)");
        assertThat(FileStamp.unix(-1, -2, 0, 0).fileKey()).isEqualTo("(dev=ffffffffffffffff,ino=-2)");
        assertThat(FileStamp.of("(dev=ffffffffffffffff,ino=-2)", 0, 0)).isEqualTo(FileStamp.unix(-1, -2, 0, 0));
        assertThat(FileStamp.of("(dev=0,ino=0)", 0, 0)).isEqualTo(FileStamp.unix(0, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "(dev=fe00,ino=012)", "(dev=0fe,ino=1)", "(dev=FE,ino=1)", "(dev=+1,ino=1)",
            "(dev=1,ino=+1)", "(dev=1,ino=-0)", "(dev=,ino=1)", "(dev=1,ino=)", "(dev=1,ino=1", "(dev=1,ino=1) ",
            "(dev=10000000000000000,ino=1)", "(dev=1,ino=99999999999999999999)", "(dev=1,ino=1,ino=2)"})
    void anyOtherKeyIsKeptAsGiven(String key) {
        FileStamp stamp = FileStamp.of(key, 1, 2);

        assertThat(stamp.fileKey()).isEqualTo(key);
        assertThat(stamp).isEqualTo(FileStamp.of(key, 1, 2)).isNotEqualTo(FileStamp.unix(0, 0, 1, 2));
    }

    @Test
    void sizeAndTimeTakePartInEquality() {
        FileStamp stamp = FileStamp.unix(1, 2, 3, 4);

        assertThat(stamp).isNotEqualTo(FileStamp.unix(1, 2, 3, 5)).isNotEqualTo(FileStamp.unix(1, 2, 4, 4))
                .isNotEqualTo(FileStamp.unix(1, 3, 3, 4)).isNotEqualTo(FileStamp.unix(2, 2, 3, 4));
        assertThat(stamp.size()).isEqualTo(3);
        assertThat(stamp.mtimeNanos()).isEqualTo(4);
    }

    /** The listing walk stamps from a directory walk's attributes, HEAD and GET from "unix:" ones: they must agree. */
    @Test
    void aWalkAndAStatOfTheSameFileGiveEqualStamps(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "hello");

        FileStamp fromWalk = FileStat.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))
                .stamp();
        FileStamp fromStat = FileStat.of(file).stamp();

        assertThat(fromWalk).isEqualTo(fromStat);
        assertThat(fromStat.fileKey()).isEqualTo(Files.readAttributes(file, BasicFileAttributes.class).fileKey().toString());
        assertThat(fromStat).isEqualTo(FileStamp.unix((Long) Files.getAttribute(file, "unix:dev"),
                (Long) Files.getAttribute(file, "unix:ino"), 5, fromStat.mtimeNanos()));
    }
}
