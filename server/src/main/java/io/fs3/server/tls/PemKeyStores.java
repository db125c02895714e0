package io.fs3.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads HTTPS key material with the JDK alone: a PEM certificate chain plus a PEM private key (PKCS#8
 * "PRIVATE KEY", or PKCS#1 "RSA PRIVATE KEY" as older openssl writes), turned into an in-memory KeyStore;
 * or a PKCS12 keystore file. Problems are reported as {@link IllegalArgumentException} naming the file.
 */
public final class PemKeyStores {
    static final String ALIAS = "fs3";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeyStores() {
    }

    /** A PKCS12 KeyStore holding the key under {@link #ALIAS}, protected by {@code password}. */
    public static KeyStore fromPem(Path certificate, Path privateKey, char[] password) {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificate)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("fs3.tls.certificate: cannot read a PEM certificate from " + certificate + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("fs3.tls.certificate: no certificate in " + certificate);
        }
        PrivateKey key = privateKey(privateKey);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("fs3.tls: the private key in " + privateKey
                    + " does not fit the certificate in " + certificate + ": " + e.getMessage(), e);
        }
    }

    /** A PKCS12 keystore file. */
    public static KeyStore fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("fs3.tls.keystore: cannot open " + file
                    + " (wrong fs3.tls.keystore-password?): " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("fs3.tls.private-key: cannot read " + file + ": " + e.getMessage(), e);
        }
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der, file);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(Pkcs1.toPkcs8(der), file);
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("fs3.tls.private-key: " + file
                        + " is encrypted; fs3 needs an unencrypted key (openssl pkcs8 -topk8 -nocrypt)");
                default -> {
                    // e.g. EC PARAMETERS before the key: keep looking
                }
            }
        }
        throw new IllegalArgumentException("fs3.tls.private-key: no PKCS#8 'PRIVATE KEY' or 'RSA PRIVATE KEY' in " + file
                + " (convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "EdDSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("fs3.tls.private-key: unsupported key type in " + file);
    }
}
