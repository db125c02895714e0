package io.fs3.server.authz;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The ACL request headers: a canned ACL ({@code x-amz-acl}) or explicit grants
 * ({@code x-amz-grant-read|write|read-acp|write-acp|full-control: id="user", uri="group-uri", ...}), never
 * both (AWS refuses the mix). Grantee ids are fs3 user names and must exist.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html
 */
public final class AclHeaders {
    public static final String CANNED = "x-amz-acl";
    private static final List<String> GRANT_HEADERS = List.of("x-amz-grant-read", "x-amz-grant-write",
            "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control");

    private AclHeaders() {
    }

    /** The grants the headers ask for; empty if the request has no ACL headers at all. */
    public static Optional<List<Grant>> parse(Function<String, String> header, Predicate<String> userExists) {
        String canned = header.apply(CANNED);
        List<Grant> explicit = new ArrayList<>();
        boolean anyGrant = false;
        for (String name : GRANT_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                anyGrant = true;
                Permission p = Permission.parse(name.substring("x-amz-grant-".length()));
                for (Grantee g : grantees(value, userExists)) {
                    explicit.add(new Grant(g, p));
                }
            }
        }
        if (canned != null && anyGrant) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned != null) {
            return Optional.of(canned(canned.trim()));
        }
        return anyGrant ? Optional.of(explicit) : Optional.empty();
    }

    /** True if the request carries any ACL header. */
    public static boolean present(Function<String, String> header) {
        return header.apply(CANNED) != null || GRANT_HEADERS.stream().anyMatch(h -> header.apply(h) != null);
    }

    /**
     * The grants of a canned ACL besides the owner's. bucket-owner-read and bucket-owner-full-control add
     * nothing in fs3: a bucket's owner always has full control of the objects in it.
     */
    static List<Grant> canned(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "private", "bucket-owner-read", "bucket-owner-full-control" -> List.of();
            case "public-read" -> List.of(new Grant(Grantee.ALL_USERS, Permission.READ));
            case "public-read-write" -> List.of(new Grant(Grantee.ALL_USERS, Permission.READ),
                    new Grant(Grantee.ALL_USERS, Permission.WRITE));
            case "authenticated-read" -> List.of(new Grant(Grantee.AUTHENTICATED_USERS, Permission.READ));
            default -> throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Unsupported canned ACL: " + name)
                    .withDetail("ArgumentName", CANNED).withDetail("ArgumentValue", name);
        };
    }

    /** {@code id="alice", uri="http://acs.amazonaws.com/groups/global/AllUsers"}: quotes optional. */
    static List<Grantee> grantees(String value, Predicate<String> userExists) {
        List<Grantee> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (item.isEmpty()) {
                continue;
            }
            if (eq <= 0) {
                throw invalidGrant(value);
            }
            String type = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = unquote(item.substring(eq + 1).trim());
            out.add(switch (type) {
                case "id" -> user(v, userExists);
                case "uri" -> group(v);
                case "emailaddress" -> throw S3Exception.of(S3Error.UNRESOLVABLE_GRANT_BY_EMAIL);
                default -> throw invalidGrant(value);
            });
        }
        if (out.isEmpty()) {
            throw invalidGrant(value);
        }
        return out;
    }

    /** A user grantee; InvalidArgument unless the user exists (a null id too). */
    public static Grantee user(String id, Predicate<String> userExists) {
        if (id == null || !userExists.test(id)) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid id").withDetail("ArgumentName", "CanonicalUser/ID")
                    .withDetail("ArgumentValue", String.valueOf(id));
        }
        return Grantee.user(id);
    }

    /** A group grantee; InvalidArgument for groups fs3 does not have. */
    public static Grantee group(String uri) {
        Grantee g = uri == null ? null : Grantee.group(uri);
        if (g == null) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid group uri").withDetail("ArgumentName", "Group/URI")
                    .withDetail("ArgumentValue", String.valueOf(uri));
        }
        return g;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static S3Exception invalidGrant(String value) {
        return S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid grant header: " + value);
    }
}
