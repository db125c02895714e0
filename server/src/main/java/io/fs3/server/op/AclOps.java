package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.authz.Acl;
import io.fs3.server.authz.AclAuthorizer;
import io.fs3.server.authz.AclHeaders;
import io.fs3.server.authz.Grant;
import io.fs3.server.authz.Grantee;
import io.fs3.server.authz.Permission;
import io.fs3.server.authz.Principal;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.AccessControlPolicyXml;
import io.fs3.server.xml.Owner;
import io.fs3.server.xml.XmlRequestBodies;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectAclStore;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectStore;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * GetBucketAcl, PutBucketAcl, GetObjectAcl, PutObjectAcl, and the ACL headers of CreateBucket, PutObject
 * and CopyObject. The AclAuthorizer has already allowed the request; here ACLs are read and recorded.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAcl.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectAcl.html
 */
public final class AclOps {
    private final AclAuthorizer authorizer;
    private final ObjectAclStore objectAcls;
    private final ObjectStore objects;

    public AclOps(AclAuthorizer authorizer, ObjectAclStore objectAcls, ObjectStore objects) {
        this.authorizer = authorizer;
        this.objectAcls = objectAcls;
        this.objects = objects;
    }

    public Response getBucket(S3Request req) {
        return xml(authorizer.bucketAcls().get(req.bucket()));
    }

    public Response putBucket(S3Request req) {
        BucketName bucket = req.bucket();
        Acl current = authorizer.bucketAcls().get(bucket);
        authorizer.bucketAcls().put(bucket, current.withGrants(requestedGrants(req)));
        return Response.ok().build();
    }

    public Response getObject(S3Request req) {
        objects.head(req.bucket(), req.key()); // NoSuchKey for a missing object
        return xml(objectAclOrDefault(req.bucket(), req.key()));
    }

    public Response putObject(S3Request req) {
        List<Grant> grants = requestedGrants(req);
        objects.head(req.bucket(), req.key());
        Acl current = objectAclOrDefault(req.bucket(), req.key());
        objectAcls.write(req.bucket(), req.key(), current.withGrants(grants).encode());
        return Response.ok().build();
    }

    /**
     * Runs a write (PutObject, CopyObject) and records the object's ACL: the one its headers ask for (checked
     * before anything is written), owned by the writer. An object a bucket's owner writes without ACL headers
     * needs no record: it follows the bucket.
     */
    public Response withObjectAcl(S3Request req, Supplier<Response> write) {
        Optional<List<Grant>> grants = AclHeaders.parse(req::header, authorizer.identities()::exists);
        Response response = write.get();
        Acl acl = newObjectAcl(req, grants);
        if (acl != null) {
            objectAcls.write(req.bucket(), req.key(), acl.encode());
        }
        return response;
    }

    /**
     * CreateMultipartUpload: the ACL the completed object will record (encoded), as {@link #withObjectAcl}
     * records for a PutObject, owned by the upload's initiator; null if it needs none. The headers are
     * checked here, so a bad one refuses the upload before it exists.
     */
    public String uploadAcl(S3Request req) {
        Acl acl = newObjectAcl(req, AclHeaders.parse(req::header, authorizer.identities()::exists));
        return acl == null ? null : acl.encode();
    }

    /** The new object's ACL: the writer owns it (anonymous writes belong to the bucket's owner); null = follow the bucket. */
    private Acl newObjectAcl(S3Request req, Optional<List<Grant>> grants) {
        String bucketOwner = authorizer.bucketAcls().get(req.bucket()).owner();
        String owner = authorizer.newObjectOwner(req.accessKey(), req.bucket());
        return grants.isPresent() || !owner.equals(bucketOwner) ? new Acl(owner, grants.orElse(List.of())) : null;
    }

    /** CreateBucket's ACL headers, checked before the bucket is created; empty without headers. */
    public Optional<List<Grant>> createGrants(S3Request req) {
        return AclHeaders.parse(req::header, authorizer.identities()::exists);
    }

    /** Records the creator as the new bucket's owner (nothing to record for the default owner and no grants). */
    public void created(S3Request req, BucketName bucket, Optional<List<Grant>> grants) {
        String owner = authorizer.principal(req.accessKey()).user();
        if (grants.isPresent() || !owner.equals(authorizer.bucketAcls().defaultOwner(bucket))) {
            authorizer.bucketAcls().put(bucket, new Acl(owner, grants.orElse(List.of())));
        }
    }

    /** CreateBucket on an existing bucket: BucketAlreadyExists unless the requester owns it (or is the admin). */
    public void requireOwnBucket(S3Request req, BucketName bucket) {
        Principal p = authorizer.principal(req.accessKey());
        if (!p.admin() && !authorizer.bucketAcls().get(bucket).owner().equals(p.user())) {
            throw S3Exception.of(S3Error.BUCKET_ALREADY_EXISTS).withResource(bucket.value());
        }
    }

    public void deleted(BucketName bucket) {
        authorizer.bucketAcls().forget(bucket);
    }

    /** ListBuckets shows the buckets a user owns or has any grant on (the admin sees all). */
    public boolean visible(S3Request req, BucketName bucket) {
        return authorizer.canSeeBucket(req.accessKey(), bucket);
    }

    /** The requester as ListBuckets' Owner. */
    public Owner requester(S3Request req) {
        String user = authorizer.principal(req.accessKey()).user();
        return new Owner(user, user);
    }

    private Acl objectAclOrDefault(BucketName bucket, ObjectKey key) {
        return authorizer.objectAcl(bucket, key)
                .orElseGet(() -> Acl.privateTo(authorizer.bucketAcls().get(bucket).owner()));
    }

    /** From x-amz-acl / x-amz-grant-* headers, or else an AccessControlPolicy body; never both. */
    private List<Grant> requestedGrants(S3Request req) {
        Optional<List<Grant>> fromHeaders = AclHeaders.parse(req::header, authorizer.identities()::exists);
        byte[] body = req.body() == null ? new byte[0] : XmlRequestBodies.read(req.body(), req.header("Content-MD5"));
        if (fromHeaders.isPresent()) {
            if (body.length > 0) {
                throw S3Exception.of(S3Error.INVALID_REQUEST, "Specify an ACL either in headers or in the body, not both");
            }
            return fromHeaders.get();
        }
        if (body.length == 0) {
            throw S3Exception.of(S3Error.MALFORMED_ACL);
        }
        return fromXml(AccessControlPolicyXml.parse(body));
    }

    private List<Grant> fromXml(AccessControlPolicyXml.Document doc) {
        List<Grant> grants = new ArrayList<>();
        for (AccessControlPolicyXml.GrantXml g : doc.grants()) {
            Permission p;
            try {
                p = Permission.valueOf(g.permission());
            } catch (IllegalArgumentException e) {
                throw S3Exception.of(S3Error.MALFORMED_ACL);
            }
            Grantee grantee = switch (g.type()) {
                case "CanonicalUser" -> AclHeaders.user(g.id(), authorizer.identities()::exists);
                case "Group" -> AclHeaders.group(g.uri());
                case "AmazonCustomerByEmail" -> throw S3Exception.of(S3Error.UNRESOLVABLE_GRANT_BY_EMAIL);
                default -> throw S3Exception.of(S3Error.MALFORMED_ACL);
            };
            grants.add(new Grant(grantee, p));
        }
        return grants;
    }

    private static Response xml(Acl acl) {
        List<AccessControlPolicyXml.GrantXml> grants = new ArrayList<>();
        grants.add(new AccessControlPolicyXml.GrantXml("CanonicalUser", acl.owner(), null, null, "FULL_CONTROL"));
        for (Grant g : acl.grants()) {
            Grantee who = g.grantee();
            grants.add(who.kind() == Grantee.Kind.USER
                    ? new AccessControlPolicyXml.GrantXml("CanonicalUser", who.user(), null, null, g.permission().name())
                    : new AccessControlPolicyXml.GrantXml("Group", null, who.uri(), null, g.permission().name()));
        }
        return Response.ok(AccessControlPolicyXml.write(new Owner(acl.owner(), acl.owner()), grants), "application/xml")
                .build();
    }
}
