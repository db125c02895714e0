package io.fs3.server.identity;

import io.fs3.config.Secret;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The users file: a properties file with one {@code user.NAME=CREATED} line per user and two lines per
 * access key, {@code key.ACCESS_KEY.user=NAME} and {@code key.ACCESS_KEY.secret=SECRET}. Every problem is
 * collected, so a broken edit is reported in one message.
 */
public final class UsersFileFormat {
    static final String HEADER = "fs3 users and access keys. Edit with: java -jar fs3-server.jar user|key ... "
            + "(keeps this file owner-only and replaces it atomically).";

    private UsersFileFormat() {
    }

    /** Parses the file's bytes; throws {@link UsersFileException} listing every problem. */
    public static UserTable parse(byte[] bytes) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsersFileException(List.of("unreadable properties: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> users = new TreeMap<>();
        Map<String, String[]> keys = new TreeMap<>();
        for (String name : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String value = name.endsWith(".secret") ? p.getProperty(name) : p.getProperty(name).trim();
            if (name.startsWith("user.")) {
                String user = name.substring("user.".length());
                check(UserTable.USER_NAME.matcher(user).matches(), problems, "'" + user + "' is not a valid user name");
                users.put(user, value);
            } else if (name.startsWith("key.") && (name.endsWith(".user") || name.endsWith(".secret"))) {
                boolean isUser = name.endsWith(".user");
                String ak = name.substring("key.".length(), name.length() - (isUser ? ".user" : ".secret").length());
                check(UserTable.ACCESS_KEY.matcher(ak).matches(), problems, "'" + ak + "' is not a valid access key");
                keys.computeIfAbsent(ak, k -> new String[2])[isUser ? 0 : 1] = value;
            } else {
                problems.add("unknown entry '" + name + "' (expected user.NAME, key.ACCESS_KEY.user or key.ACCESS_KEY.secret)");
            }
        }
        UserTable table = new UserTable(new TreeMap<>(users), new TreeMap<>());
        for (Map.Entry<String, String[]> e : keys.entrySet()) {
            String user = e.getValue()[0];
            String secret = e.getValue()[1];
            if (user == null || user.isEmpty() || secret == null || secret.isEmpty()) {
                problems.add("access key " + e.getKey() + " needs both key." + e.getKey() + ".user and key." + e.getKey() + ".secret");
            } else if (!users.containsKey(user)) {
                problems.add("access key " + e.getKey() + " belongs to unknown user '" + user + "' (add user." + user + "=)");
            } else {
                table = table.withKey(new UserTable.AccessKey(e.getKey(), user, Secret.of(secret)));
            }
        }
        if (!problems.isEmpty()) {
            throw new UsersFileException(problems);
        }
        return table;
    }

    /** The file's text for a table (secrets in clear: the file is owner-only). */
    public static String format(UserTable table) {
        StringBuilder b = new StringBuilder("# ").append(HEADER).append('\n');
        table.users().forEach((user, created) -> {
            b.append('\n').append("user.").append(user).append('=').append(escape(created)).append('\n');
            for (String ak : table.keysOf(user)) {
                b.append("key.").append(ak).append(".user=").append(user).append('\n');
                b.append("key.").append(ak).append(".secret=").append(escape(table.keys().get(ak).secret().reveal()))
                        .append('\n');
            }
        });
        return b.toString();
    }

    /** Properties escaping for values: backslashes, and a leading space (which load() would drop). */
    private static String escape(String value) {
        String v = value.replace("\\", "\\\\").replace("\n", "\\n");
        return v.startsWith(" ") ? "\\" + v : v;
    }

    private static void check(boolean ok, List<String> problems, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
