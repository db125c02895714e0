package io.fs3.server;

import io.fs3.config.ConfigException;
import io.fs3.config.ConfigLoader;
import io.fs3.config.Fs3Settings;
import io.fs3.server.admin.AdminCommand;
import io.fs3.server.admin.ConfigLocation;
import io.fs3.server.ops.ConfigSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar fs3-server.jar [--root DIR] [--port N] [--config FILE]}: runs in the foreground until
 * Ctrl-C or SIGTERM. The config file is --config, else $FS3_CONFIG, else ./fs3.properties if it exists.
 * {@code java -jar fs3-server.jar user|key ...} administers users and keys instead ({@link AdminCommand}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (AdminCommand.handles(args)) { // user/key administration: edits the users file, server running or not
            System.exit(new AdminCommand(System.out, System.err, System.getenv()).run(args));
            return;
        }
        Fs3Settings settings;
        ConfigSource source;
        try {
            CommandLine cl = CommandLine.parse(args);
            if (cl.help()) {
                System.out.println(CommandLine.USAGE);
                return;
            }
            source = new ConfigSource(configFile(cl), cl.overrides());
            settings = ConfigLoader.load(source.file(), source.overrides());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("starting with {}", settings); // secrets print as ******
        Fs3Server server;
        try {
            server = Fs3Server.start(settings, source); // watches the file for live changes
        } catch (ConfigException | IllegalArgumentException e) { // e.g. an open users file, an unreadable certificate
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        printBanner(settings, server);
        server.join();
    }

    private static Optional<Path> configFile(CommandLine cl) {
        return ConfigLocation.resolve(cl.config(), System.getenv());
    }

    /** Tells the user how to connect. The secret is shown only when fs3 generated it (it is theirs to copy). */
    private static void printBanner(Fs3Settings settings, Fs3Server server) {
        ServerState.Credential c = server.credential();
        String secret = c.generated() ? c.secretKey().reveal() : "(as set in fs3.auth.secret-key)";
        String endpoint = server.endpoint().toString();
        System.out.printf("%nfs3 is serving %s at %s%n", settings.storage().root().toAbsolutePath().normalize(), endpoint);
        server.httpsEndpoint().filter(u -> !u.toString().equals(endpoint))
                .ifPresent(u -> System.out.printf("  and over HTTPS at %s%n", u));
        System.out.printf("  access key: %s%n  secret key: %s%n  region:     %s%n", c.accessKey(), secret,
                settings.auth().region());
        if (c.generated()) {
            System.out.printf("  (generated once, kept in %s)%n",
                    settings.storage().root().resolve(settings.storage().reservedDir()).resolve("credentials.properties"));
        }
        System.out.printf("%nTry it:%n  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_DEFAULT_REGION=%s%n",
                c.accessKey(), c.generated() ? c.secretKey().reveal() : "<your secret>", settings.auth().region());
        System.out.printf("  aws --endpoint-url %s s3 mb s3://my-bucket%n", endpoint);
        System.out.printf("  aws --endpoint-url %s s3 cp README.md s3://my-bucket/%n", endpoint);
        System.out.printf("  aws --endpoint-url %s s3 ls s3://my-bucket/%n%n", endpoint);
    }

    /** The few settings people change on the command line; they override the file. */
    record CommandLine(Optional<Path> config, Map<String, String> overrides, boolean help) {
        static final String USAGE = "usage: java -jar fs3-server.jar [--root DIR] [--port N] [--config FILE]\n"
                + "       java -jar fs3-server.jar user add|list|remove [NAME] | key add|rotate|revoke NAME|KEY [--config FILE]";

        static CommandLine parse(String[] args) {
            Map<String, String> overrides = new HashMap<>();
            Optional<Path> config = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    return new CommandLine(config, overrides, true);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a + "\n" + USAGE);
                }
                String v = args[++i];
                switch (a) {
                    case "--root" -> overrides.put("fs3.storage.root", v);
                    case "--port" -> overrides.put("fs3.http.port", v);
                    case "--config" -> config = Optional.of(Path.of(v));
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            }
            return new CommandLine(config, overrides, false);
        }
    }
}
