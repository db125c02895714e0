package io.fs3.server.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemKeyStoresTest {
    @TempDir
    Path dir;

    private Path pem(String type, byte[] der) throws Exception {
        Path file = dir.resolve(type.replace(' ', '-') + ".pem");
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
        return file;
    }

    @Test
    void readsPkcs8AndPkcs1RsaKeys() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        PrivateKey fromPkcs8 = PemKeyStores.privateKey(pem("PRIVATE KEY", pkcs8));
        assertThat(fromPkcs8.getEncoded()).isEqualTo(pkcs8);
        PrivateKey fromPkcs1 = PemKeyStores.privateKey(pem("RSA PRIVATE KEY", innerOctetString(pkcs8)));
        assertThat(fromPkcs1.getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void readsEcKeys() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThat(PemKeyStores.privateKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded())).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void explainsWhatItCannotRead() throws Exception {
        assertThatThrownBy(() -> PemKeyStores.privateKey(pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3})))
                .hasMessageContaining("is encrypted");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key");
        assertThatThrownBy(() -> PemKeyStores.privateKey(garbage)).hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> PemKeyStores.fromPem(garbage, garbage, new char[0]))
                .hasMessageContaining("fs3.tls.certificate");
    }

    /** PKCS#8 = SEQUENCE { INTEGER, SEQUENCE algorithm, OCTET STRING pkcs1 }: returns the octet string's content. */
    private static byte[] innerOctetString(byte[] der) {
        int[] pos = {0};
        header(der, pos); // outer SEQUENCE: step into it
        int version = header(der, pos); // INTEGER version: skip
        pos[0] += version;
        int algorithm = header(der, pos); // AlgorithmIdentifier: skip
        pos[0] += algorithm;
        int len = header(der, pos); // OCTET STRING
        return Arrays.copyOfRange(der, pos[0], pos[0] + len);
    }

    private static int header(byte[] der, int[] pos) {
        pos[0]++; // tag
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der[pos[0]++] & 0xff);
        }
        return len;
    }
}
