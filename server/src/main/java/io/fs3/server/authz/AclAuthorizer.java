package io.fs3.server.authz;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.identity.Identities;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.BucketStore;
import io.fs3.storage.ObjectAclStore;
import io.fs3.storage.ObjectKey;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides with S3's ACL model (see {@link Access}): the admin may do everything, a bucket's owner
 * everything in it, others what the bucket's ACL (and for reads of one object, that object's ACL) grants
 * them; anonymous requests only what AllUsers grants allow. Read-only buckets refuse every write, even the
 * admin's, and configured buckets cannot be deleted.
 *
 * <p>Every refusal is the same {@code AccessDenied}, decided before the object is looked at beyond its ACL,
 * so a user who may not read a bucket cannot tell a missing key from a forbidden one.
 */
public final class AclAuthorizer implements Authorizer {
    private final Identities identities;
    private final BucketAcls bucketAcls;
    private final ObjectAclStore objectAcls;
    private final BucketStore buckets;
    private final Set<String> readOnly;
    private final Set<String> configured;

    public AclAuthorizer(Identities identities, BucketAcls bucketAcls, ObjectAclStore objectAcls, BucketStore buckets,
                         Set<String> readOnly, Set<String> configured) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.bucketAcls = Objects.requireNonNull(bucketAcls, "bucketAcls");
        this.objectAcls = Objects.requireNonNull(objectAcls, "objectAcls");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.readOnly = Set.copyOf(readOnly);
        this.configured = Set.copyOf(configured);
    }

    /** The principal behind an access key (null = anonymous); a key revoked meanwhile is AccessDenied. */
    public Principal principal(String accessKey) {
        if (accessKey == null) {
            return Principal.ANONYMOUS;
        }
        String user = identities.userFor(accessKey).orElseThrow(() -> S3Exception.of(S3Error.ACCESS_DENIED));
        return new Principal(user, user.equals(identities.admin()));
    }

    /**
     * Who owns an object that {@code accessKey} writes to {@code bucket}: the writer; an anonymous write
     * belongs to the bucket's owner. An object whose owner is the bucket's needs no ACL of its own.
     */
    public String newObjectOwner(String accessKey, BucketName bucket) {
        Principal writer = principal(accessKey);
        return writer.anonymous() ? bucketAcls.get(bucket).owner() : writer.user();
    }

    @Override
    public void check(String accessKey, S3Operation operation, BucketName bucket, ObjectKey key) {
        Principal p = principal(accessKey);
        Access.Rule rule = Access.of(operation);
        if (!allowed(p, rule, operation, bucket, key)) {
            throw S3Exception.of(S3Error.ACCESS_DENIED);
        }
        if (rule.write() && bucket != null && readOnly.contains(bucket.value())) {
            throw S3Exception.of(S3Error.READ_ONLY_BUCKET);
        }
        if (operation == S3Operation.DELETE_BUCKET && configured.contains(bucket.value())) {
            throw S3Exception.of(S3Error.ACCESS_DENIED, "Access Denied: the bucket is defined by fs3's configuration");
        }
    }

    @Override
    public boolean canSeeBucket(String accessKey, BucketName bucket) {
        Principal p;
        try {
            p = principal(accessKey);
        } catch (S3Exception revoked) {
            return false;
        }
        if (p.admin()) {
            return true;
        }
        try {
            return bucketAcls.get(bucket).grantsAnything(p);
        } catch (S3Exception gone) {
            return false; // deleted meanwhile
        }
    }

    private boolean allowed(Principal p, Access.Rule rule, S3Operation op, BucketName bucket, ObjectKey key) {
        if (rule.scope() == Access.Scope.AUTHENTICATED || bucket == null) {
            return !p.anonymous();
        }
        if (p.admin()) {
            return true;
        }
        if (!buckets.exists(bucket)) {
            return !p.anonymous(); // the operation answers NoSuchBucket, as S3 does for any signed request
        }
        Acl acl = bucketAcls.get(bucket);
        return switch (rule.scope()) {
            case BUCKET_OWNER -> acl.owner().equals(p.user());
            case BUCKET -> acl.allows(p, rule.permission());
            case OBJECT -> key == null ? acl.allows(p, rule.permission()) : objectAllows(p, acl, rule.permission(), bucket, key);
            case AUTHENTICATED -> !p.anonymous();
        };
    }

    /**
     * Object permissions: the bucket owner and FULL_CONTROL grantees of the bucket have them all; bucket
     * READ grants object READ (sharing a bucket shares what is in it); the object's own ACL adds to that.
     */
    private boolean objectAllows(Principal p, Acl bucketAcl, Permission wanted, BucketName bucket, ObjectKey key) {
        if (bucketAcl.allows(p, Permission.FULL_CONTROL)) {
            return true;
        }
        if (wanted == Permission.READ && bucketAcl.allows(p, Permission.READ)) {
            return true;
        }
        return objectAcl(bucket, key).map(a -> a.allows(p, wanted)).orElse(false);
    }

    /** The object's own ACL; empty for objects without one, and for keys that name no object. */
    public Optional<Acl> objectAcl(BucketName bucket, ObjectKey key) {
        try {
            return objectAcls.read(bucket, key).flatMap(Acl::decode);
        } catch (S3Exception e) {
            return Optional.empty(); // e.g. a reserved or unmappable key: decided by the bucket's ACL alone
        }
    }

    public BucketAcls bucketAcls() {
        return bucketAcls;
    }

    public Identities identities() {
        return identities;
    }
}
