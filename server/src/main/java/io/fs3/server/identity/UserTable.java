package io.fs3.server.identity;

import io.fs3.config.Secret;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Users and their access keys, as the users file holds them: immutable; edits make a new table.
 *
 * @param users user name → when it was created (informational text)
 * @param keys  access key → its user and secret
 */
public record UserTable(SortedMap<String, String> users, SortedMap<String, AccessKey> keys) {
    /** User names are also ACL grantee ids: letters, digits and {@code . _ @ -}, up to 64 characters. */
    public static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Access keys appear in properties keys and Authorization headers: no spaces, '=', ':' or '/'. */
    public static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,127}");

    public static final UserTable EMPTY = new UserTable(new TreeMap<>(), new TreeMap<>());

    /** One access key of a user; the secret never prints. */
    public record AccessKey(String accessKey, String user, Secret secret) {
    }

    public UserTable {
        users = Collections.unmodifiableSortedMap(new TreeMap<>(users));
        keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
    }

    public boolean hasUser(String name) {
        return users.containsKey(name);
    }

    public Optional<AccessKey> key(String accessKey) {
        return Optional.ofNullable(keys.get(accessKey));
    }

    /** The access keys of one user, in key order. */
    public List<String> keysOf(String user) {
        return keys.values().stream().filter(k -> k.user().equals(user)).map(AccessKey::accessKey).toList();
    }

    public UserTable withUser(String name, String created) {
        SortedMap<String, String> u = new TreeMap<>(users);
        u.put(name, created);
        return new UserTable(u, keys);
    }

    /** Removes the user and every key of theirs. */
    public UserTable withoutUser(String name) {
        SortedMap<String, String> u = new TreeMap<>(users);
        u.remove(name);
        SortedMap<String, AccessKey> k = new TreeMap<>(keys);
        k.values().removeIf(key -> key.user().equals(name));
        return new UserTable(u, k);
    }

    public UserTable withKey(AccessKey key) {
        SortedMap<String, AccessKey> k = new TreeMap<>(keys);
        k.put(key.accessKey(), key);
        return new UserTable(users, k);
    }

    public UserTable withoutKey(String accessKey) {
        SortedMap<String, AccessKey> k = new TreeMap<>(keys);
        k.remove(accessKey);
        return new UserTable(users, k);
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "UserTable[users=" + users.keySet() + ", keys=" + keys.keySet() + "]";
    }
}
