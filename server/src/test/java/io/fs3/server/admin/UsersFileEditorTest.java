package io.fs3.server.admin;

import io.fs3.config.Secret;
import io.fs3.server.identity.UserTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class UsersFileEditorTest {
    @TempDir
    Path dir;

    @Test
    void concurrentEditsAreSerialisedAndNoneIsLost() throws Exception {
        UsersFileEditor editor = new UsersFileEditor(dir.resolve("etc/users.properties"), Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UserTable>> edits = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String user = "user" + i;
                edits.add(pool.submit(() -> new UsersFileEditor(editor.file(), Duration.ofSeconds(30)).edit(t -> t
                        .withUser(user, "now").withKey(new UserTable.AccessKey("AK" + user, user, Secret.of("s" + user))))));
            }
            for (Future<UserTable> f : edits) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        UserTable result = editor.read();
        assertThat(result.users()).hasSize(40);
        assertThat(result.keys()).hasSize(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(editor.file()))).isEqualTo("rw-------");
        try (var files = Files.list(editor.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("no temp files left").containsExactlyInAnyOrder("users.properties", "users.properties.lock");
        }
    }
}
