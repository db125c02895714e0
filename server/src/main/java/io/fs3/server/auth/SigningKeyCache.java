package io.fs3.server.auth;

import io.fs3.config.Secret;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys per (secret, date, region, service): the four chained HMACs are the same for every
 * request of a key on a day. Bounded by clearing when full (keys change daily, so a simple bound is
 * enough). Keyed by the {@link Secret} itself so a rotated secret never reuses a stale key.
 */
final class SigningKeyCache {
    private static final int MAX_ENTRIES = 1024;

    private record Key(Secret secret, String date, String region, String service) {
    }

    private final ConcurrentHashMap<Key, byte[]> keys = new ConcurrentHashMap<>();

    byte[] signingKey(Secret secret, String date, String region, String service) {
        Key key = new Key(secret, date, region, service);
        byte[] cached = keys.get(key);
        if (cached != null) {
            return cached;
        }
        if (keys.size() >= MAX_ENTRIES) {
            keys.clear();
        }
        byte[] derived = SigV4Signing.signingKey(secret.reveal(), date, region, service);
        keys.put(key, derived);
        return derived;
    }
}
