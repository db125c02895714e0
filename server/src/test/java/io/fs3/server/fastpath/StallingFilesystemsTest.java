package io.fs3.server.fastpath;

import io.fs3.config.IoThreadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StallingFilesystemsTest {
    @TempDir
    Path tmp;

    private Path mounts(String... lines) throws Exception {
        return Files.writeString(tmp.resolve("mounts"), String.join("\n", lines) + "\n");
    }

    @Test
    void localFilesystemsOnlyFindNothing() throws Exception {
        Path table = mounts("/dev/vda / ext4 rw,relatime 0 0", "tmpfs /tmp tmpfs rw 0 0",
                "server:/export /mnt/elsewhere nfs4 rw 0 0");
        assertThat(StallingFilesystems.find(List.of(Path.of("/srv/data")), table)).isEmpty();
    }

    @Test
    void aServedDirectoryOnANetworkFilesystemIsFound() throws Exception {
        Path table = mounts("/dev/vda / ext4 rw 0 0", "server:/export /srv nfs4 rw,vers=4.2 0 0");
        assertThat(StallingFilesystems.find(List.of(Path.of("/srv/data")), table)).contains("/srv (nfs4)");
    }

    @Test
    void aNetworkMountBelowAServedDirectoryIsFound() throws Exception {
        Path table = mounts("/dev/vda / ext4 rw 0 0", "sshfs#me@host: /srv/data/my\\040bucket fuse.sshfs rw 0 0");
        assertThat(StallingFilesystems.find(List.of(Path.of("/elsewhere"), Path.of("/srv/data")), table))
                .contains("/srv/data/my bucket (fuse.sshfs)");
    }

    @Test
    void typesThatMayStall() {
        assertThat(List.of("nfs", "NFS4", "cifs", "fuse", "fuse.s3fs", "fuseblk", "ceph", "9p"))
                .allMatch(StallingFilesystems::mayStall);
        assertThat(List.of("ext4", "xfs", "btrfs", "tmpfs", "zfs", "overlay"))
                .noneMatch(StallingFilesystems::mayStall);
    }

    @Test
    void onAndOffAreTakenAsSaidAndAutoFollowsTheMounts() {
        List<Path> local = List.of(tmp);
        assertThat(StallingFilesystems.ioThreadReads(IoThreadMode.ON, local)).isTrue();
        assertThat(StallingFilesystems.ioThreadReads(IoThreadMode.OFF, local)).isFalse();
        // the build's temp directory is on a local disk (tmpfs or similar), as in CI
        assertThat(StallingFilesystems.ioThreadReads(IoThreadMode.AUTO, local)).isTrue();
    }

    @Test
    void writesGoOnTheIoThreadOnlyWithoutFsyncWhereReadsDoUnlessSaidOtherwise() {
        assertThat(StallingFilesystems.ioThreadWrites(IoThreadMode.AUTO, true, false)).isTrue();
        assertThat(StallingFilesystems.ioThreadWrites(IoThreadMode.AUTO, true, true)).isFalse();
        assertThat(StallingFilesystems.ioThreadWrites(IoThreadMode.AUTO, false, false)).isFalse();
        assertThat(StallingFilesystems.ioThreadWrites(IoThreadMode.ON, false, true)).isTrue();
        assertThat(StallingFilesystems.ioThreadWrites(IoThreadMode.OFF, true, false)).isFalse();
    }
}
