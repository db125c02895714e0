package io.fs3.server.authz;

/** Who is asking: a user (null for anonymous requests), and whether it is the admin, who may do everything. */
public record Principal(String user, boolean admin) {
    public static final Principal ANONYMOUS = new Principal(null, false);

    public boolean anonymous() {
        return user == null;
    }
}
