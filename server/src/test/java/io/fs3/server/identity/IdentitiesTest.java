package io.fs3.server.identity;

import io.fs3.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentitiesTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("users.properties");
        Path tmp = Files.createTempFile(dir, "u", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Identities open(Path file) {
        return Identities.open("admin", Map.of("ADMINKEY", Secret.of("admin-secret")), Optional.of(file));
    }

    @Test
    void adminKeyAndFileUsersResolve() throws IOException {
        Path file = write("user.alice=\nkey.AKALICE.user=alice\nkey.AKALICE.secret=alice-secret\n");
        try (Identities ids = open(file)) {
            assertThat(ids.userFor("ADMINKEY")).contains("admin");
            assertThat(ids.userFor("AKALICE")).contains("alice");
            assertThat(ids.secretFor("AKALICE")).contains(Secret.of("alice-secret"));
            assertThat(ids.secretFor("NOPE")).isEmpty();
            assertThat(ids.exists("admin")).isTrue();
            assertThat(ids.exists("alice")).isTrue();
            assertThat(ids.exists("bob")).isFalse();
        }
    }

    @Test
    void editsCountFromTheNextLookupAndBrokenEditsKeepTheLastGoodUsers() throws IOException {
        Path file = write("user.alice=\nkey.AKALICE.user=alice\nkey.AKALICE.secret=s1\n");
        try (Identities ids = open(file)) {
            write("user.alice=\nuser.bob=\nkey.AKBOB.user=bob\nkey.AKBOB.secret=s2\n"); // alice's key revoked, bob added
            assertThat(ids.secretFor("AKALICE")).isEmpty();
            assertThat(ids.userFor("AKBOB")).contains("bob");
            write("user.bob=\nkey.AKBOB.user=nobody\n"); // broken
            assertThat(ids.userFor("AKBOB")).contains("bob");
            Files.setPosixFilePermissions(write("user.carol=\n"), PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(ids.exists("carol")).isFalse();
            assertThat(ids.userFor("AKBOB")).as("an over-readable file is refused, the last users stay").contains("bob");
        }
    }

    @Test
    void aGrantCanNameAUserAddedAMomentAgoWhileAdminLookupsLeaveTheFileAlone() throws IOException {
        Path file = write("user.alice=\n");
        try (Identities ids = open(file)) {
            write("user.alice=\nuser.dave=\nkey.AKDAVE.user=dave\nkey.AKDAVE.secret=s4\n");
            // the admin's key is the configuration's: found without re-reading the users file
            assertThat(ids.secretFor("ADMINKEY")).contains(Secret.of("admin-secret"));
            assertThat(ids.userFor("AKDAVE")).as("not re-read for the admin's lookup").isEmpty();
            assertThat(ids.exists("dave")).as("a grantee check re-reads the file").isTrue();
            assertThat(ids.userFor("AKDAVE")).contains("dave");
        }
    }

    @Test
    void aMissingFileMeansNoUsersYetAndAppearsLater() throws IOException {
        try (Identities ids = open(dir.resolve("users.properties"))) {
            assertThat(ids.secretFor("AKALICE")).isEmpty();
            write("user.alice=\nkey.AKALICE.user=alice\nkey.AKALICE.secret=s1\n");
            assertThat(ids.secretFor("AKALICE")).contains(Secret.of("s1"));
        }
    }

    @Test
    void aFileOthersCanReadRefusesToStartAndSaysWhy() throws IOException {
        Path file = write("user.alice=\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> open(file)).isInstanceOfSatisfying(UsersFileException.class,
                e -> assertThat(e.getMessage()).contains("group or others").contains("chmod 600 " + file));
    }
}
