package io.fs3.server.identity;

import io.fs3.config.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersFileFormatTest {
    @Test
    void formatAndParseRoundTripAndSecretsNeverPrint() {
        UserTable t = UserTable.EMPTY.withUser("alice", "2026-01-01T00:00:00Z").withUser("bob", "")
                .withKey(new UserTable.AccessKey("AKALICE1", "alice", Secret.of("s3cr3t=with:odd \\chars")))
                .withKey(new UserTable.AccessKey("AKALICE2", "alice", Secret.of(" leading space")));
        String text = UsersFileFormat.format(t);
        UserTable back = UsersFileFormat.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(back).isEqualTo(t);
        assertThat(back.keysOf("alice")).containsExactly("AKALICE1", "AKALICE2");
        assertThat(back.key("AKALICE1").orElseThrow().secret().reveal()).isEqualTo("s3cr3t=with:odd \\chars");
        assertThat(back.key("AKALICE2").orElseThrow().secret().reveal()).isEqualTo(" leading space");
        assertThat(back.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void everyProblemOfABrokenFileIsReported() {
        String broken = String.join("\n", "user.alice=", "user.bad/name=", "key.AK1.user=alice",
                "key.AK2.user=ghost", "key.AK2.secret=x", "key.AK3.secret=only-secret", "color=blue");
        assertThatThrownBy(() -> UsersFileFormat.parse(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UsersFileException.class, e -> assertThat(e.problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).contains("'bad/name' is not a valid user name"),
                        p -> assertThat(p).contains("AK1 needs both"),
                        p -> assertThat(p).contains("AK2 belongs to unknown user 'ghost'"),
                        p -> assertThat(p).contains("AK3 needs both"),
                        p -> assertThat(p).contains("unknown entry 'color'")));
    }
}
