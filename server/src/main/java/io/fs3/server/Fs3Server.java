package io.fs3.server;

import io.fs3.config.Fs3Settings;
import io.fs3.multipart.posix.PosixMultipartUploads;
import io.fs3.multipart.posix.StagingJanitor;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.authz.Authorizer;
import io.fs3.server.browse.BrowseOp;
import io.fs3.server.auth.SigV4AuthFilter;
import io.fs3.server.auth.SigV4Verifier;
import io.fs3.server.fastpath.DirectPathServices;
import io.fs3.server.fastpath.ObjectPutFastPath;
import io.fs3.server.fastpath.ObjectReadFastPath;
import io.fs3.server.fastpath.StallingFilesystems;
import io.fs3.server.error.S3ExceptionMapper;
import io.fs3.server.error.UncaughtExceptionMapper;
import io.fs3.server.error.WebApplicationExceptionMapper;
import io.fs3.server.http.RequestIds;
import io.fs3.server.ops.ConfigSource;
import io.fs3.server.ops.OpsRuntime;
import io.fs3.server.cors.CorsFilter;
import io.fs3.server.cors.CorsPolicies;
import io.fs3.server.op.BucketOps;
import io.fs3.server.op.CopyObjectOp;
import io.fs3.server.op.CorsOps;
import io.fs3.server.op.DeleteObjectsOp;
import io.fs3.server.op.Operations;
import io.fs3.server.op.TaggingOps;
import io.fs3.server.post.PostObjectOp;
import io.fs3.server.op.ListObjectsOp;
import io.fs3.server.op.MultipartChecksummer;
import io.fs3.server.op.MultipartOps;
import io.fs3.server.op.ObjectReadOp;
import io.fs3.server.op.ObjectWriteOp;
import io.fs3.server.resource.BucketResource;
import io.fs3.server.resource.ObjectResource;
import io.fs3.server.resource.ServiceResource;
import io.fs3.server.tls.TlsConnector;
import io.fs3.server.xml.Owner;
import io.fs3.server.xml.XmlBodyWriter;
import io.fs3.storage.list.ContinuationTokens;
import io.fs3.storage.posix.PosixBackend;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Wires every part of fs3 together, in this one place, and runs it on Jetty. */
public final class Fs3Server implements AutoCloseable {
    /** Bytes read from a connection at a time: see httpConfiguration. Also the largest buffer Jetty pools. */
    private static final int INPUT_BUFFER = 256 * 1024;
    private static final Owner OWNER = new Owner("fs3", "fs3");
    /**
     * Jersey checks resources registered as instances as if they were providers and warns, at every start,
     * that each "will be ignored" (it is not: eclipse-ee4j/jersey#3700). Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDER_CHECK =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        JERSEY_PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
    }
    private final Server jetty;
    private final ServerConnector connector;
    private final ServerState.Credential credential;
    private final PosixBackend backend;
    private final OpsRuntime ops;
    private final MultipartOps multipart;
    private final StagingJanitor janitor;
    private final AccessControl access;
    private final ServerConnector https;

    private Fs3Server(Server jetty, ServerConnector connector, ServerState.Credential credential, PosixBackend backend,
                      OpsRuntime ops, MultipartOps multipart, StagingJanitor janitor, AccessControl access,
                      ServerConnector https) {
        this.access = access;
        this.https = https;
        this.jetty = jetty;
        this.connector = connector;
        this.credential = credential;
        this.backend = backend;
        this.ops = ops;
        this.multipart = multipart;
        this.janitor = janitor;
    }

    public static Fs3Server start(Fs3Settings settings) throws Exception {
        return start(settings, ConfigSource.none());
    }

    /** Starts fs3; {@code source} is the configuration file to watch for live changes (if any). */
    public static Fs3Server start(Fs3Settings settings, ConfigSource source) throws Exception {
        ServerState state = new ServerState(settings.storage().root(), settings.storage().reservedDir());
        ServerState.Credential credential = settings.auth().accessKey().isPresent()
                ? new ServerState.Credential(settings.auth().accessKey().get(), settings.auth().secretKey().orElseThrow(), false)
                : state.credential();
        PosixBackend backend = PosixBackend.open(settings.storage(), settings.cache(), settings.buckets().paths());
        AccessControl access = AccessControl.open(settings, source, backend, credential);
        PosixMultipartUploads uploads = new PosixMultipartUploads(backend, settings.multipart(), new MultipartChecksummer(),
                Clock.systemUTC());
        MultipartOps multipart = MultipartOps.of(uploads, backend.objects(), OWNER, settings.multipart().keepAliveInterval(),
                access.acls());
        SigV4Verifier verifier = access.verifier(); // one instance (and signing-key cache) for both paths
        ResourceConfig app = application(settings, backend, access, verifier, state, multipart);
        OpsRuntime ops = OpsRuntime.create(settings, backend, source);
        ops.register(app);
        // Multipart leftovers of a crash (claimed uploads of dead processes) go before the first request.
        StagingJanitor janitor = uploads.janitor(settings.multipart(), ops.metrics().registry());
        janitor.start();

        // Jetty's default pool keeps buffers up to 64 KiB and allocates larger ones afresh every time: this one
        // also pools the input buffers and the large GET's 256 KiB read buffer.
        Server jetty = new Server(null, null, new ArrayByteBufferPool(0, -1, INPUT_BUFFER));
        HttpConfiguration http = httpConfiguration(settings);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.server().host());
        connector.setPort(settings.server().port());
        ServerConnector https = settings.endpoint().tls().enabled()
                ? TlsConnector.create(jetty, http, settings.endpoint().tls(), settings.server().host()) : null;
        if (!settings.endpoint().httpEnabled()) {
            connector = https; // HTTPS only: it is the endpoint
        }
        jetty.addConnector(connector);
        if (https != null && https != connector) {
            https.setIdleTimeout(settings.limits().idleTimeout().toMillis());
            jetty.addConnector(https);
        }

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
        // SIGTERM: stop accepting, let in-flight requests finish (up to the shutdown timeout), then close.
        DirectPathServices direct = new DirectPathServices(verifier, access.authorizer(), backend.objects(), ops.probe(),
                ops.requestSinks(), access::isVirtualHost, ops.metrics().registry());
        boolean onIoThread = StallingFilesystems.ioThreadReads(settings.server().ioThreadReads(), servedDirs(settings));
        ObjectReadFastPath s3 = new ObjectReadFastPath(context, direct, onIoThread);
        ObjectPutFastPath puts = new ObjectPutFastPath(s3, direct, StallingFilesystems.ioThreadWrites(
                settings.server().ioThreadWrites(), onIoThread, settings.storage().fsync()));
        jetty.setHandler(new GracefulHandler(puts));
        jetty.setStopAtShutdown(true);
        jetty.setStopTimeout(settings.limits().shutdownTimeout().toMillis());
        ops.attach(jetty);
        jetty.start();
        access.start();
        return new Fs3Server(jetty, connector, credential, backend, ops, multipart, janitor, access, https);
    }

    /** Jetty's HTTP settings for every connector: no version headers, raw paths and header values for S3. */
    private static HttpConfiguration httpConfiguration(Fs3Settings settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize((int) settings.server().maxRequestHeaderSize());
        // Bodies are read from the socket in buffers of this size (Jetty's default 8 KiB meant 8,476 reads for a
        // 64 MiB PUT; 256 KiB instead of 64 took 2-4% off its CPU in A/B runs). A connection holds its buffer
        // only while it has unread bytes; idle ones hold none.
        http.setInputBufferSize(INPUT_BUFFER);
        // Keys may contain %2F, '//', '..'-looking segments, etc.: the S3 layer validates keys, not Jetty.
        http.setUriCompliance(UriCompliance.UNSAFE);
        // Jetty's header cache would hand us a canonical value (e.g. "charset=utf-8" for "charset=UTF-8"):
        // SigV4 signs header values byte for byte, so they must reach the verifier exactly as sent.
        http.setHeaderCacheCaseSensitive(true);
        return http;
    }

    /** The storage root and every directory configured as a bucket. */
    private static List<Path> servedDirs(Fs3Settings settings) {
        List<Path> dirs = new ArrayList<>(settings.buckets().paths().values());
        dirs.add(settings.storage().root());
        return dirs;
    }

    static ResourceConfig application(Fs3Settings settings, PosixBackend backend, AccessControl access,
                                      SigV4Verifier verifier, ServerState state, MultipartOps multipart)
            throws IOException {
        Operations ops = operations(settings, backend, access, state, multipart);
        S3ExceptionMapper s3Errors = new S3ExceptionMapper();

        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // fs3 writes no javax.activation DataSource: without this Jersey warns at every start that it is missing
        rc.property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
        rc.register(new RequestIds());
        rc.register(new SigV4AuthFilter(verifier));
        access.register(rc);
        rc.register(s3Errors);
        rc.register(new WebApplicationExceptionMapper(s3Errors));
        rc.register(new UncaughtExceptionMapper(s3Errors));
        rc.register(new XmlBodyWriter());
        rc.register(new CorsFilter(new CorsPolicies(backend.bucketConfig(), settings.cors())));
        rc.register(new ServiceResource(ops));
        rc.register(new BucketResource(ops));
        rc.register(new ObjectResource(ops));
        if (ops.browser().enabled()) {
            rc.register(ops.browser().resource());
        }
        return rc;
    }

    private static Operations operations(Fs3Settings settings, PosixBackend backend, AccessControl access,
                                         ServerState state, MultipartOps multipart) throws IOException {
        CredentialStore credentials = access.identities();
        String region = settings.auth().region();
        Owner owner = OWNER;
        var objects = backend.objects();
        return new Operations(new BucketOps(backend.buckets(), region, access.acls()),
                new ListObjectsOp(backend.lister(), new ContinuationTokens(state.tokenKey()), owner),
                new ObjectReadOp(objects), new ObjectWriteOp(objects), new CopyObjectOp(objects),
                new DeleteObjectsOp(objects, backend.buckets()), new TaggingOps(objects, backend.bucketConfig()),
                new CorsOps(backend.bucketConfig()),
                new PostObjectOp(objects, backend.buckets(), credentials, region, Clock.systemUTC(), access.authorizer()),
                multipart, access.acls(),
                browser(settings, backend, credentials, state, access.authorizer()));
    }

    /** The bucket browser; it must be given the same Authorizer that S3 requests are checked with. */
    private static BrowseOp browser(Fs3Settings settings, PosixBackend backend, CredentialStore credentials,
                                    ServerState state, Authorizer authorizer) throws IOException {
        byte[] sessionKey = Hashing.hmacSha256(state.tokenKey()).hashString("fs3 web UI sessions", StandardCharsets.UTF_8)
                .asBytes();
        return BrowseOp.create(settings.webUi(), backend.buckets(), backend.objects(), backend.lister(),
                new ContinuationTokens(state.tokenKey()), credentials, authorizer, settings.auth().region(), sessionKey,
                Clock.systemUTC());
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI endpoint() {
        return endpoint(connector);
    }

    /** The HTTPS endpoint, when a certificate is configured. */
    public Optional<URI> httpsEndpoint() {
        return Optional.ofNullable(https).map(Fs3Server::endpoint);
    }

    private static URI endpoint(ServerConnector c) {
        String host = c.getHost() == null || c.getHost().equals("0.0.0.0") ? "127.0.0.1" : c.getHost();
        String scheme = c.getConnectionFactory(SslConnectionFactory.class) != null ? "https" : "http";
        return URI.create(scheme + "://" + host + ":" + c.getLocalPort());
    }

    /** Who may do what: the admin user and the users file, and the ACL authorizer (the web UI asks it too). */
    public Authorizer authorizer() {
        return access.authorizer();
    }

    public CredentialStore credentials() {
        return access.identities();
    }

    public ServerState.Credential credential() {
        return credential;
    }

    public PosixBackend backend() {
        return backend;
    }

    /** Metrics registry, health probe and configuration watcher of this server. */
    public OpsRuntime ops() {
        return ops;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } catch (TimeoutException e) {
            // The shutdown timeout cut off requests still running; Jetty has stopped all the same.
        } finally {
            janitor.close();
            multipart.close();
            access.close();
        }
    }
}
