package io.fs3.server.authz;

import com.github.benmanes.caffeine.cache.Cache;
import io.fs3.storage.BucketConfigStore;
import io.fs3.storage.BucketName;
import io.fs3.storage.cache.CacheBuilders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Bucket owners and ACLs, recorded with the bucket (its {@code acl} configuration document, so it moves with
 * the directory). A bucket without one (an existing directory, a configured bucket) is private to its
 * configured owner ({@code fs3.buckets.owners}) or else the admin. Cached for a second, so an edit by
 * another fs3 instance on the same tree counts within that.
 */
public final class BucketAcls {
    static final String DOCUMENT = "acl";
    private static final Logger LOG = LoggerFactory.getLogger(BucketAcls.class);
    private final BucketConfigStore store;
    private final String admin;
    private final Map<String, String> configuredOwners;
    private final Cache<BucketName, Acl> cache;

    public BucketAcls(BucketConfigStore store, String admin, Map<String, String> configuredOwners, Duration ttl) {
        this.store = store;
        this.admin = admin;
        this.configuredOwners = Map.copyOf(configuredOwners);
        this.cache = CacheBuilders.onCallingThread().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    /** The bucket's ACL; NoSuchBucket if it does not exist. */
    public Acl get(BucketName bucket) {
        return cache.get(bucket, this::load);
    }

    /** Records a new ACL (and owner) with the bucket. */
    public void put(BucketName bucket, Acl acl) {
        store.write(bucket, DOCUMENT, acl.encode().getBytes(StandardCharsets.UTF_8));
        cache.put(bucket, acl);
    }

    /** The owner a bucket has when nothing is recorded. */
    public String defaultOwner(BucketName bucket) {
        return configuredOwners.getOrDefault(bucket.value(), admin);
    }

    /** Forgets a deleted bucket (a new bucket of that name starts from its own record). */
    public void forget(BucketName bucket) {
        cache.invalidate(bucket);
    }

    private Acl load(BucketName bucket) {
        Optional<byte[]> doc = store.read(bucket, DOCUMENT);
        if (doc.isEmpty()) {
            return Acl.privateTo(defaultOwner(bucket));
        }
        Optional<Acl> acl = Acl.decode(new String(doc.get(), StandardCharsets.UTF_8));
        if (acl.isEmpty()) {
            LOG.warn("bucket={} has an unreadable ACL document; treating it as private to {}", bucket, defaultOwner(bucket));
        }
        return acl.orElseGet(() -> Acl.privateTo(defaultOwner(bucket)));
    }
}
