package io.fs3.server.authz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner and the grants besides the owner's implicit FULL_CONTROL. Stored as a few text lines
 * ({@link #encode()}): for buckets in the bucket's configuration documents, for objects in the object's
 * stored metadata.
 */
public record Acl(String owner, List<Grant> grants) {
    private static final String VERSION = "fs3acl1";

    public Acl {
        Objects.requireNonNull(owner, "owner");
        // the owner's FULL_CONTROL is implicit; duplicates add nothing
        grants = List.copyOf(new LinkedHashSet<>(grants.stream()
                .filter(g -> !(g.grantee().equals(Grantee.user(owner)) && g.permission() == Permission.FULL_CONTROL))
                .toList()));
    }

    public static Acl privateTo(String owner) {
        return new Acl(owner, List.of());
    }

    /** The owner may do everything; others what a grant covering them allows. */
    public boolean allows(Principal p, Permission wanted) {
        if (owner.equals(p.user())) {
            return true;
        }
        return grants.stream().anyMatch(g -> g.grantee().covers(p) && g.permission().implies(wanted));
    }

    /** True if the principal owns this or any grant covers them. */
    public boolean grantsAnything(Principal p) {
        return owner.equals(p.user()) || grants.stream().anyMatch(g -> g.grantee().covers(p));
    }

    public Acl withGrants(List<Grant> newGrants) {
        return new Acl(owner, newGrants);
    }

    /** Lines: the version, {@code owner NAME}, then {@code PERMISSION user NAME} or {@code PERMISSION group KIND}. */
    public String encode() {
        StringBuilder b = new StringBuilder(VERSION).append('\n').append("owner ").append(owner).append('\n');
        for (Grant g : grants) {
            b.append(g.permission()).append(' ');
            b.append(g.grantee().kind() == Grantee.Kind.USER ? "user " + g.grantee().user() : "group " + g.grantee().kind());
            b.append('\n');
        }
        return b.toString();
    }

    /** Empty if the text is not an ACL this version wrote (it then counts as absent, i.e. private). */
    public static Optional<Acl> decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].equals(VERSION) || !lines[1].startsWith("owner ")) {
            return Optional.empty();
        }
        List<Grant> grants = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            Permission p = f.length == 3 ? Permission.parse(f[0]) : null;
            if (p == null) {
                return Optional.empty();
            }
            if (f[1].equals("user")) {
                grants.add(new Grant(Grantee.user(f[2]), p));
            } else if (f[1].equals("group") && (f[2].equals("ALL_USERS") || f[2].equals("AUTHENTICATED_USERS"))) {
                grants.add(new Grant(new Grantee(Grantee.Kind.valueOf(f[2]), null), p));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Acl(lines[1].substring("owner ".length()), grants));
    }
}
