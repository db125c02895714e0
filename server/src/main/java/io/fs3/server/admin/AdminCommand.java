package io.fs3.server.admin;

import io.fs3.config.ConfigException;
import io.fs3.config.ConfigLoader;
import io.fs3.config.Fs3Settings;
import io.fs3.config.Secret;
import io.fs3.server.identity.KeyGenerator;
import io.fs3.server.identity.UserTable;
import io.fs3.server.identity.UsersFile;
import io.fs3.server.identity.UsersFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code user add|list|remove} and {@code key add|rotate|revoke}: edit the users file of the configuration
 * the server uses, whether or not it runs (a running server picks the change up within its reload interval
 * and before the next authentication). New key pairs are printed once, as {@code accessKey=…} and
 * {@code secretKey=…} lines, for scripts to read.
 */
public final class AdminCommand {
    public static final String USAGE = String.join("\n",
            "usage: java -jar fs3-server.jar COMMAND [--config FILE] [--root DIR]",
            "  user add NAME          create a user and print its first key pair",
            "  user list              list users and their access keys (never secrets)",
            "  user remove NAME       remove a user and all of its keys",
            "  key add NAME           print an additional key pair for a user",
            "  key rotate NAME        print a new key pair for a user and revoke its previous keys",
            "  key revoke ACCESS_KEY  revoke one access key");
    private static final Set<String> COMMANDS = Set.of("user", "key");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final KeyGenerator keys = new KeyGenerator(new SecureRandom());

    public AdminCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** True if {@code args} name an admin command rather than server options. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; returns the process exit code (0 done, 1 refused, 2 usage or configuration error). */
    public int run(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> overrides = new HashMap<>();
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config", "--root" -> {
                    if (i + 1 >= args.length) {
                        return usage("missing value for " + args[i]);
                    }
                    if (args[i].equals("--config")) {
                        config = Optional.of(Path.of(args[++i]));
                    } else {
                        overrides.put("fs3.storage.root", args[++i]);
                    }
                }
                default -> words.add(args[i]);
            }
        }
        try {
            Optional<Path> file = ConfigLocation.resolve(config, env);
            Fs3Settings settings = ConfigLoader.load(file, overrides);
            UsersFileEditor editor = new UsersFileEditor(UsersFile.locate(settings, file), Duration.ofSeconds(30));
            return dispatch(words, editor, settings.users().admin());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (UsersFileException e) {
            err.println("users file: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot update the users file: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int dispatch(List<String> w, UsersFileEditor editor, String admin) throws IOException, InterruptedException {
        String command = String.join(" ", w.subList(0, Math.min(2, w.size())));
        int args = w.size() - 2;
        return switch (command) {
            case "user add" -> args == 1 ? addUser(editor, w.get(2)) : usage("user add needs NAME");
            case "user list" -> args == 0 ? listUsers(editor, admin) : usage("user list takes no arguments");
            case "user remove" -> args == 1 ? removeUser(editor, w.get(2)) : usage("user remove needs NAME");
            case "key add" -> args == 1 ? newKey(editor, w.get(2), false) : usage("key add needs NAME");
            case "key rotate" -> args == 1 ? newKey(editor, w.get(2), true) : usage("key rotate needs NAME");
            case "key revoke" -> args == 1 ? revoke(editor, w.get(2)) : usage("key revoke needs ACCESS_KEY");
            default -> usage("unknown command: " + String.join(" ", w));
        };
    }

    private int addUser(UsersFileEditor editor, String name) throws IOException, InterruptedException {
        if (!UserTable.USER_NAME.matcher(name).matches()) {
            return refuse("'" + name + "' is not a valid user name (letters, digits and . _ @ -, at most 64)");
        }
        UserTable.AccessKey key = newKeyFor(name);
        boolean[] existed = {false};
        editor.edit(t -> {
            existed[0] = t.hasUser(name);
            return existed[0] ? t : t.withUser(name, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).withKey(key);
        });
        if (existed[0]) {
            return refuse("user " + name + " already exists (use 'key add " + name + "' for another key)");
        }
        printKey(key);
        return 0;
    }

    private int listUsers(UsersFileEditor editor, String admin) {
        UserTable t = editor.read();
        if (!t.hasUser(admin)) {
            out.println(admin + "\tadmin\t(key from fs3.auth.access-key or ROOT/.fs3/credentials.properties)");
        }
        t.users().forEach((user, created) -> out.println(user + "\t" + (user.equals(admin) ? "admin" : "user")
                + "\tcreated=" + created + "\tkeys=" + String.join(",", t.keysOf(user))));
        return 0;
    }

    private int removeUser(UsersFileEditor editor, String name) throws IOException, InterruptedException {
        boolean[] found = {false};
        editor.edit(t -> {
            found[0] = t.hasUser(name);
            return t.withoutUser(name);
        });
        if (!found[0]) {
            return refuse("no user " + name);
        }
        out.println("removed user " + name + " and its keys (buckets it owns keep it as owner; the admin can manage them)");
        return 0;
    }

    private int newKey(UsersFileEditor editor, String name, boolean revokeOthers) throws IOException, InterruptedException {
        UserTable.AccessKey key = newKeyFor(name);
        List<String> revoked = new ArrayList<>();
        boolean[] found = {false};
        editor.edit(t -> {
            found[0] = t.hasUser(name);
            if (!found[0]) {
                return t;
            }
            UserTable next = t;
            if (revokeOthers) {
                revoked.addAll(t.keysOf(name));
                for (String old : t.keysOf(name)) {
                    next = next.withoutKey(old);
                }
            }
            return next.withKey(key);
        });
        if (!found[0]) {
            return refuse("no user " + name + " (create it with 'user add " + name + "')");
        }
        printKey(key);
        if (revokeOthers) {
            out.println("revoked=" + String.join(",", revoked));
        }
        return 0;
    }

    private int revoke(UsersFileEditor editor, String accessKey) throws IOException, InterruptedException {
        boolean[] found = {false};
        editor.edit(t -> {
            found[0] = t.key(accessKey).isPresent();
            return t.withoutKey(accessKey);
        });
        if (!found[0]) {
            return refuse("no access key " + accessKey + " in the users file");
        }
        out.println("revoked " + accessKey);
        return 0;
    }

    private UserTable.AccessKey newKeyFor(String user) {
        return new UserTable.AccessKey(keys.accessKey(), user, Secret.of(keys.secret()));
    }

    private void printKey(UserTable.AccessKey key) {
        out.println("accessKey=" + key.accessKey());
        out.println("secretKey=" + key.secret().reveal());
    }

    private int refuse(String message) {
        err.println(message);
        return 1;
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
