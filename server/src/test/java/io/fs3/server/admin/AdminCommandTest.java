package io.fs3.server.admin;

import io.fs3.server.identity.UserTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        String value(String name) {
            return out.lines().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + out));
        }
    }

    private Run run(String... args) throws Exception {
        Path config = dir.resolve("fs3.properties");
        if (!Files.exists(config)) {
            Files.writeString(config, "fs3.storage.root=" + dir.resolve("data") + "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        int code = new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private UserTable table() {
        return new UsersFileEditor(dir.resolve("users.properties"), Duration.ofSeconds(5)).read();
    }

    @Test
    void userLifecycleEditsTheFileNextToTheConfig() throws Exception {
        Run add = run("user", "add", "alice");
        assertThat(add.code()).as(add.err()).isZero();
        String ak = add.value("accessKey");
        assertThat(add.value("secretKey")).hasSize(40);
        assertThat(table().key(ak).orElseThrow().user()).isEqualTo("alice");

        assertThat(run("user", "add", "alice").code()).isEqualTo(1);
        String second = run("key", "add", "alice").value("accessKey");
        assertThat(table().keysOf("alice")).containsExactlyInAnyOrder(ak, second);
        assertThat(run("user", "list").out()).contains("admin\tadmin").contains("alice\tuser").contains(ak).doesNotContain("secret=");

        Run rotated = run("key", "rotate", "alice");
        assertThat(table().keysOf("alice")).containsExactly(rotated.value("accessKey"));
        assertThat(rotated.value("revoked")).contains(ak).contains(second);

        assertThat(run("key", "revoke", rotated.value("accessKey")).code()).isZero();
        assertThat(table().keysOf("alice")).isEmpty();
        assertThat(run("key", "revoke", "NOSUCHKEY").code()).isEqualTo(1);
        assertThat(run("user", "remove", "alice").code()).isZero();
        assertThat(table().hasUser("alice")).isFalse();
        assertThat(run("user", "remove", "alice").code()).isEqualTo(1);
    }

    @Test
    void badInputIsUsageOrRefusal() throws Exception {
        assertThat(run("user", "add").code()).isEqualTo(2);
        assertThat(run("user", "frobnicate").err()).contains("usage:");
        assertThat(run("user", "add", "no/slash").code()).isEqualTo(1);
        assertThat(run("key", "add", "ghost").err()).contains("no user ghost");
        assertThat(AdminCommand.handles(new String[] {"user", "list"})).isTrue();
        assertThat(AdminCommand.handles(new String[] {"--port", "9000"})).isFalse();
    }
}
