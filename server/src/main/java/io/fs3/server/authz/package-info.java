/**
 * Who may do what: {@link io.fs3.server.authz.Authorizer} (asked for every S3 request by
 * {@link io.fs3.server.authz.AuthorizationFilter}, and by the web UI), implemented with S3's ACL model by
 * {@link io.fs3.server.authz.AclAuthorizer}: bucket owners, canned ACLs and grants, object ACLs, anonymous
 * access through AllUsers grants, read-only buckets. {@link io.fs3.server.authz.Access} is the table of
 * what each operation needs.
 *
 * <p>Bucket ACLs are configuration documents of the bucket ({@code <bucket>/.fs3/config/acl}); object ACLs
 * live in the object's stored metadata. Knows nothing of the filesystem beyond those storage roles.
 */
package io.fs3.server.authz;
