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
        // Written out: the generated record methods go through method handles, which showed in GET profiles.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && date.equals(k.date) && secret.equals(k.secret) && region.equals(k.region)
                    && service.equals(k.service);
        }

        @Override
        public int hashCode() {
            return ((secret.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode()) * 31 + service.hashCode();
        }
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
