package io.fs3.server.ops;

import io.fs3.config.ConfigKey;
import io.fs3.config.Fs3Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code packaging/fs3.properties.example} from {@link Fs3Settings#documentedKeys()}. Regenerate after
 * adding a key (after {@code mvn -o -pl server -am test-compile}): {@code java -cp
 * config/target/classes:server/target/test-classes io.fs3.server.ops.ExampleProperties > packaging/fs3.properties.example}
 */
public final class ExampleProperties {
    private static final int WIDTH = 100;

    private ExampleProperties() {
    }

    public static void main(String[] args) {
        System.out.print(render());
    }

    public static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# fs3 configuration file (Java properties, UTF-8). Every key is optional: each is listed here,\n")
                .append("# commented out, with its default value. Uncomment a line to change it.\n")
                .append("# Keys marked \"(applied live)\" take effect within seconds of saving this file (see\n")
                .append("# fs3.config.reload-interval); changes to the others are logged as \"restart needed\".\n")
                .append("# This file may hold secrets (fs3.auth.secret-key, fs3.audit.authorization): keep it mode 0640.\n")
                .append("# Generated from the code (io.fs3.config.SettingsBinder); a test checks that it lists every key.\n");
        // Keys grouped by section (fs3.http, fs3.storage, ...), sections in order of first appearance.
        Map<String, List<ConfigKey>> sections = new LinkedHashMap<>();
        for (ConfigKey k : Fs3Settings.documentedKeys()) {
            sections.computeIfAbsent(section(k.name()), s -> new ArrayList<>()).add(k);
        }
        sections.forEach((section, keys) -> {
            b.append("\n# ---- ").append(section).append(" ----\n");
            for (ConfigKey k : keys) {
                b.append('\n');
                for (String line : wrap(k.description(), WIDTH - 2)) {
                    b.append("# ").append(line).append('\n');
                }
                b.append('#').append(k.name()).append('=').append(k.defaultValue()).append('\n');
            }
        });
        return b.toString();
    }

    private static String section(String key) {
        String[] parts = key.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] : key;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
