package io.fs3.server.xml;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessControlPolicyXmlTest {
    @Test
    void writesGranteesWithTheXsiTypeClientsLookFor() {
        byte[] xml = AccessControlPolicyXml.write(new Owner("alice", "alice"), List.of(
                new AccessControlPolicyXml.GrantXml("CanonicalUser", "alice", null, null, "FULL_CONTROL"),
                new AccessControlPolicyXml.GrantXml("Group", null, "http://acs.amazonaws.com/groups/global/AllUsers", null, "READ")));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .contains("<Owner><ID>alice</ID><DisplayName>alice</DisplayName></Owner>")
                .contains("xsi:type=\"CanonicalUser\"").contains("xsi:type=\"Group\"")
                .contains("<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission>");
        AccessControlPolicyXml.Document back = AccessControlPolicyXml.parse(xml);
        assertThat(back.ownerId()).isEqualTo("alice");
        assertThat(back.grants()).containsExactly(
                new AccessControlPolicyXml.GrantXml("CanonicalUser", "alice", null, null, "FULL_CONTROL"),
                new AccessControlPolicyXml.GrantXml("Group", null, "http://acs.amazonaws.com/groups/global/AllUsers", null, "READ"));
    }

    @Test
    void readsWhatS3cmdSends() {
        String body = "<?xml version=\"1.0\" ?><AccessControlPolicy><Owner><ID>admin</ID><DisplayName>admin</DisplayName></Owner>"
                + "<AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
                + "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>"
                + "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + "<ID>admin</ID><DisplayName>admin</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
        AccessControlPolicyXml.Document doc = AccessControlPolicyXml.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.grants()).extracting(AccessControlPolicyXml.GrantXml::type).containsExactly("Group", "CanonicalUser");
    }

    @Test
    void anythingElseIsMalformedAcl() {
        for (String bad : List.of("", "<Tagging/>", "<AccessControlPolicy><AccessControlList><Grant><Permission>READ"
                + "</Permission></Grant></AccessControlList></AccessControlPolicy>", "<!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><AccessControlPolicy>&e;</AccessControlPolicy>")) {
            assertThatThrownBy(() -> AccessControlPolicyXml.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.MALFORMED_ACL));
        }
    }
}
