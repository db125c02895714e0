package io.fs3.server.tls;

import io.fs3.config.Secret;
import io.fs3.config.TlsSettings;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HTTPS connector: HTTP/1.1 (persistent connections, like the plain one) over TLS with the configured
 * certificate. Clients reaching fs3 by IP address or another name than the certificate's are not turned
 * away by SNI checks: verifying the name is the client's business.
 */
public final class TlsConnector {
    private TlsConnector() {
    }

    /** Builds (not yet started) the connector on {@code host}:{@code tls.port()} with {@code http}'s settings. */
    public static ServerConnector create(Server jetty, HttpConfiguration http, TlsSettings tls, String host) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = keyStorePassword(tls);
        KeyStore keyStore = tls.keystore().isPresent()
                ? PemKeyStores.fromPkcs12(tls.keystore().get(), password)
                : PemKeyStores.fromPem(tls.certificate().orElseThrow(), tls.privateKey().orElseThrow(), password);
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(password));
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(tls.port());
        return connector;
    }

    /** The keystore file's password, or a random one for the in-memory store built from PEM files. */
    private static char[] keyStorePassword(TlsSettings tls) {
        if (tls.keystore().isPresent()) {
            return tls.keystorePassword().map(Secret::reveal).orElse("").toCharArray();
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).toCharArray();
    }
}
