package io.fs3.server.authz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AclTest {
    private static final Principal ALICE = new Principal("alice", false);
    private static final Principal BOB = new Principal("bob", false);
    private static final Principal CAROL = new Principal("carol", false);

    @Test
    void ownerMayEverythingGranteesWhatIsGrantedFullControlImpliesAll() {
        Acl acl = new Acl("alice", List.of(new Grant(Grantee.user("bob"), Permission.READ),
                new Grant(Grantee.user("carol"), Permission.FULL_CONTROL)));
        for (Permission p : Permission.values()) {
            assertThat(acl.allows(ALICE, p)).isTrue();
            assertThat(acl.allows(CAROL, p)).isTrue();
            assertThat(acl.allows(BOB, p)).isEqualTo(p == Permission.READ);
            assertThat(acl.allows(Principal.ANONYMOUS, p)).isFalse();
        }
    }

    @Test
    void groupsCoverEveryoneOrEverySignedInUser() {
        Acl pub = new Acl("alice", List.of(new Grant(Grantee.ALL_USERS, Permission.READ)));
        assertThat(pub.allows(Principal.ANONYMOUS, Permission.READ)).isTrue();
        assertThat(pub.allows(Principal.ANONYMOUS, Permission.WRITE)).isFalse();
        Acl signedIn = new Acl("alice", List.of(new Grant(Grantee.AUTHENTICATED_USERS, Permission.READ)));
        assertThat(signedIn.allows(BOB, Permission.READ)).isTrue();
        assertThat(signedIn.allows(Principal.ANONYMOUS, Permission.READ)).isFalse();
        assertThat(signedIn.grantsAnything(BOB)).isTrue();
        assertThat(Acl.privateTo("alice").grantsAnything(BOB)).isFalse();
    }

    @Test
    void encodesAndDecodesAndDropsTheOwnersImplicitFullControl() {
        Acl acl = new Acl("alice", List.of(new Grant(Grantee.user("alice"), Permission.FULL_CONTROL),
                new Grant(Grantee.user("bob"), Permission.WRITE_ACP), new Grant(Grantee.ALL_USERS, Permission.READ),
                new Grant(Grantee.AUTHENTICATED_USERS, Permission.WRITE)));
        assertThat(acl.grants()).hasSize(3);
        assertThat(Acl.decode(acl.encode())).contains(acl);
        assertThat(Acl.decode("something else")).isEmpty();
        assertThat(Acl.decode("fs3acl1\nowner alice\nREAD group NOBODY\n")).isEmpty();
    }
}
