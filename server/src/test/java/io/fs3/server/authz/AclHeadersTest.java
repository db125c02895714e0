package io.fs3.server.authz;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AclHeadersTest {
    private static final Set<String> USERS = Set.of("alice", "bob");

    private static Optional<List<Grant>> parse(Map<String, String> headers) {
        return AclHeaders.parse(headers::get, USERS::contains);
    }

    @Test
    void noAclHeadersMeansNoAcl() {
        assertThat(parse(Map.of("x-amz-meta-a", "1"))).isEmpty();
        assertThat(AclHeaders.present(Map.of("x-amz-grant-read", "id=bob")::get)).isTrue();
    }

    @Test
    void cannedAclsExpandToS3sGrants() {
        assertThat(parse(Map.of("x-amz-acl", "private"))).contains(List.of());
        assertThat(parse(Map.of("x-amz-acl", "public-read"))).contains(List.of(new Grant(Grantee.ALL_USERS, Permission.READ)));
        assertThat(parse(Map.of("x-amz-acl", "public-read-write"))).contains(List.of(
                new Grant(Grantee.ALL_USERS, Permission.READ), new Grant(Grantee.ALL_USERS, Permission.WRITE)));
        assertThat(parse(Map.of("x-amz-acl", "authenticated-read")))
                .contains(List.of(new Grant(Grantee.AUTHENTICATED_USERS, Permission.READ)));
        assertThat(parse(Map.of("x-amz-acl", "bucket-owner-full-control"))).contains(List.of());
        assertThatThrownBy(() -> parse(Map.of("x-amz-acl", "log-delivery-write")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ARGUMENT));
    }

    @Test
    void grantHeadersNameUsersAndGroups() {
        List<Grant> grants = parse(Map.of("x-amz-grant-read", "id=\"bob\", uri=\"" + Grantee.ALL_USERS_URI + "\"",
                "x-amz-grant-write-acp", "id=alice", "x-amz-grant-full-control", "id=\"bob\"")).orElseThrow();
        assertThat(grants).containsExactlyInAnyOrder(new Grant(Grantee.user("bob"), Permission.READ),
                new Grant(Grantee.ALL_USERS, Permission.READ), new Grant(Grantee.user("alice"), Permission.WRITE_ACP),
                new Grant(Grantee.user("bob"), Permission.FULL_CONTROL));
    }

    @Test
    void unknownUsersGroupsEmailsAndMixingAreRefused() {
        assertThatThrownBy(() -> parse(Map.of("x-amz-grant-read", "id=mallory")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.getMessage()).isEqualTo("Invalid id"));
        assertThatThrownBy(() -> parse(Map.of("x-amz-grant-read", "uri=http://acs.amazonaws.com/groups/s3/LogDelivery")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ARGUMENT));
        assertThatThrownBy(() -> parse(Map.of("x-amz-grant-read", "emailAddress=a@b.c")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.UNRESOLVABLE_GRANT_BY_EMAIL));
        assertThatThrownBy(() -> parse(Map.of("x-amz-acl", "private", "x-amz-grant-read", "id=bob")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_REQUEST));
        assertThatThrownBy(() -> parse(Map.of("x-amz-grant-read", "bob")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ARGUMENT));
    }
}
