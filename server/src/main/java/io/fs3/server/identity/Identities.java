package io.fs3.server.identity;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.fs3.config.Secret;
import io.fs3.server.auth.CredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who is who: the admin user (with the key from fs3.auth.* or the generated one) plus the users and keys of
 * the users file. The file is re-checked (one stat) before each lookup of a user's key and polled in the
 * background, so a new user or a revoked key counts from the next request on; a broken edit is logged once
 * and the last good table stays in force.
 */
public final class Identities implements CredentialStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Identities.class);

    private final String admin;
    private final Map<String, Secret> adminKeys;
    private final Optional<Path> file;
    private final ScheduledExecutorService poller;
    private volatile UserTable table = UserTable.EMPTY;
    private volatile Object seenStamp;
    private byte[] seenBytes;

    private Identities(String admin, Map<String, Secret> adminKeys, Optional<Path> file) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.adminKeys = Map.copyOf(adminKeys);
        this.file = file;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("fs3-users-watcher").setDaemon(true).build());
    }

    /**
     * Loads the users file (if any) now; throws {@link UsersFileException} if it is unusable, so fs3
     * refuses to start and says why.
     */
    public static Identities open(String admin, Map<String, Secret> adminKeys, Optional<Path> usersFile) {
        Identities ids = new Identities(admin, adminKeys, usersFile);
        usersFile.ifPresent(f -> {
            ids.seenStamp = stamp(f);
            byte[] bytes = UsersFile.read(f).orElse(new byte[0]);
            ids.table = bytes.length == 0 ? UserTable.EMPTY : UsersFileFormat.parse(bytes);
            ids.seenBytes = bytes;
        });
        return ids;
    }

    /** Polls the file every {@code interval} (besides the check before each lookup). */
    public void start(Duration interval) {
        if (file.isPresent() && !interval.isZero()) {
            long ms = Math.max(10, interval.toMillis());
            poller.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Optional<Secret> secretFor(String accessKey) {
        Secret adminSecret = adminKeys.get(accessKey);
        if (adminSecret != null) {
            // The admin's keys come from the configuration, which the users file cannot revoke or override,
            // so they need no look at the file (a stat saved on every admin request).
            return Optional.of(adminSecret);
        }
        refresh();
        return table.key(accessKey).map(UserTable.AccessKey::secret);
    }

    /**
     * The user an access key belongs to; empty for unknown or revoked keys. No re-check of the file here: every
     * caller got the key from a signature (or session) that {@link #secretFor} checked moments before.
     */
    public Optional<String> userFor(String accessKey) {
        if (accessKey == null) {
            return Optional.empty();
        }
        if (adminKeys.containsKey(accessKey)) {
            return Optional.of(admin);
        }
        return table.key(accessKey).map(UserTable.AccessKey::user);
    }

    /** True for the admin and every user of the users file (possible ACL grantees). */
    public boolean exists(String user) {
        if (admin.equals(user)) {
            return true;
        }
        refresh(); // a grant may name a user added a moment ago, by a request signed with the admin's key
        return table.hasUser(user);
    }

    public String admin() {
        return admin;
    }

    public UserTable table() {
        return table;
    }

    /** Re-reads the file if its stat changed since the last look; cheap enough for every request. */
    public void refresh() {
        if (file.isPresent() && !Objects.equals(stamp(file.get()), seenStamp)) {
            reload();
        }
    }

    private void pollQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.error("users file: unexpected failure while reloading, keeping the last good users", e);
        }
    }

    /**
     * Reloads when the bytes changed; a file that is unusable is reported once and changes nothing. The stamp
     * is published last: a request whose {@link #refresh} sees it also sees the table read with it (and one
     * that arrives while the poller is here waits for it instead of using the table from before the edit).
     */
    private synchronized void reload() {
        Path f = file.orElseThrow();
        Object stamp = stamp(f);
        try {
            byte[] bytes;
            try {
                bytes = UsersFile.read(f).orElse(new byte[0]);
            } catch (UsersFileException e) {
                if (!Objects.equals(stamp, seenStamp)) {
                    LOG.error("users file: {}; keeping the last good users", e.getMessage());
                }
                return;
            }
            if (Arrays.equals(bytes, seenBytes)) {
                return;
            }
            seenBytes = bytes;
            try {
                UserTable next = bytes.length == 0 ? UserTable.EMPTY : UsersFileFormat.parse(bytes);
                LOG.info("users file: reloaded {} ({} users, {} access keys)", f, next.users().size(), next.keys().size());
                table = next;
            } catch (UsersFileException e) {
                LOG.error("users file: {} rejected, keeping the last good users:\n  - {}", f,
                        String.join("\n  - ", e.problems()));
            }
        } finally {
            seenStamp = stamp;
        }
    }

    /** (inode, size, mtime, ctime, mode) of the file, or a marker for "no file". */
    private static Object stamp(Path f) {
        if (!Files.exists(f)) {
            // The common case without a users file, checked on every request: Files.exists costs no exception,
            // where readAttributes would throw (and fill the stack trace of) a NoSuchFileException each time.
            return "absent";
        }
        try {
            Map<String, Object> a = Files.readAttributes(f, "unix:ino,size,lastModifiedTime,ctime,mode");
            return a.get("ino") + "/" + a.get("size") + "/" + a.get("lastModifiedTime") + "/" + a.get("ctime")
                    + "/" + a.get("mode");
        } catch (IOException | UnsupportedOperationException e) {
            try {
                BasicFileAttributes b = Files.readAttributes(f, BasicFileAttributes.class);
                return b.fileKey() + "/" + b.size() + "/" + b.lastModifiedTime();
            } catch (IOException missing) {
                return "absent";
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
