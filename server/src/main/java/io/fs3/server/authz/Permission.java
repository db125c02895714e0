package io.fs3.server.authz;

/** S3's ACL permissions. FULL_CONTROL implies the other four. */
public enum Permission {
    READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL;

    /** True if a grant of this permission allows {@code wanted}. */
    public boolean implies(Permission wanted) {
        return this == wanted || this == FULL_CONTROL;
    }

    /** READ_ACP from "READ_ACP" or the x-amz-grant-read-acp suffix "read-acp"; null if unknown. */
    static Permission parse(String name) {
        for (Permission p : values()) {
            if (p.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return p;
            }
        }
        return null;
    }
}
