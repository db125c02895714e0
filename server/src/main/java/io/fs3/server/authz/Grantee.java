package io.fs3.server.authz;

import java.util.Objects;

/**
 * Who a grant is for: one user (by name, which is also the canonical ID fs3 shows), everybody including
 * anonymous requests (AllUsers), or every signed-in user (AuthenticatedUsers).
 */
public record Grantee(Kind kind, String user) {
    public static final String ALL_USERS_URI = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS_URI = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final Grantee ALL_USERS = new Grantee(Kind.ALL_USERS, null);
    public static final Grantee AUTHENTICATED_USERS = new Grantee(Kind.AUTHENTICATED_USERS, null);

    public enum Kind { USER, ALL_USERS, AUTHENTICATED_USERS }

    public Grantee {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.USER) != (user != null)) {
            throw new IllegalArgumentException("a user grantee needs a name, a group none");
        }
    }

    public static Grantee user(String name) {
        return new Grantee(Kind.USER, name);
    }

    /** The group for an S3 group URI; null if fs3 has no such group. */
    static Grantee group(String uri) {
        return switch (uri) {
            case ALL_USERS_URI -> ALL_USERS;
            case AUTHENTICATED_USERS_URI -> AUTHENTICATED_USERS;
            default -> null;
        };
    }

    public String uri() {
        return kind == Kind.ALL_USERS ? ALL_USERS_URI : kind == Kind.AUTHENTICATED_USERS ? AUTHENTICATED_USERS_URI : null;
    }

    /** True if this grantee covers the principal (anonymous: user null). */
    public boolean covers(Principal p) {
        return switch (kind) {
            case ALL_USERS -> true;
            case AUTHENTICATED_USERS -> p.user() != null;
            case USER -> user.equals(p.user());
        };
    }
}
