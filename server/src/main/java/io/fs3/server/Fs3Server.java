package io.fs3.server;

import io.fs3.config.Fs3Settings;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.auth.SigV4AuthFilter;
import io.fs3.server.auth.SigV4Verifier;
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
import io.fs3.server.xml.Owner;
import io.fs3.server.xml.XmlBodyWriter;
import io.fs3.storage.list.ContinuationTokens;
import io.fs3.storage.posix.PosixBackend;
import io.fs3.multipart.posix.PosixMultipartUploads;
import io.fs3.multipart.posix.StagingJanitor;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

/** Wires every part of fs3 together, in this one place, and runs it on Jetty. */
public final class Fs3Server implements AutoCloseable {
    private static final Owner OWNER = new Owner("fs3", "fs3");
    private final Server jetty;
    private final ServerConnector connector;
    private final ServerState.Credential credential;
    private final PosixBackend backend;
    private final OpsRuntime ops;
    private final MultipartOps multipart;
    private final StagingJanitor janitor;

    private Fs3Server(Server jetty, ServerConnector connector, ServerState.Credential credential, PosixBackend backend,
                      OpsRuntime ops, MultipartOps multipart, StagingJanitor janitor) {
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
        PosixBackend backend = PosixBackend.open(settings.storage(), settings.cache());
        PosixMultipartUploads uploads = new PosixMultipartUploads(backend, settings.multipart(), new MultipartChecksummer(),
                Clock.systemUTC());
        MultipartOps multipart = MultipartOps.of(uploads, backend.objects(), OWNER, settings.multipart().keepAliveInterval());
        ResourceConfig app = application(settings, backend, new SingleUserCredentials(credential.accessKey(),
                credential.secretKey()), state, multipart);
        OpsRuntime ops = OpsRuntime.create(settings, backend, source);
        ops.register(app);
        // Multipart leftovers of a crash (claimed uploads of dead processes) go before the first request.
        StagingJanitor janitor = uploads.janitor(settings.multipart(), ops.metrics().registry());
        janitor.start();

        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize((int) settings.server().maxRequestHeaderSize());
        // Keys may contain %2F, '//', '..'-looking segments, etc.: the S3 layer validates keys, not Jetty.
        http.setUriCompliance(UriCompliance.UNSAFE);
        // Jetty's header cache would hand us a canonical value (e.g. "charset=utf-8" for "charset=UTF-8"):
        // SigV4 signs header values byte for byte, so they must reach the verifier exactly as sent.
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.server().host());
        connector.setPort(settings.server().port());
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
        // SIGTERM: stop accepting, let in-flight requests finish (up to the shutdown timeout), then close.
        jetty.setHandler(new GracefulHandler(context));
        jetty.setStopAtShutdown(true);
        jetty.setStopTimeout(settings.limits().shutdownTimeout().toMillis());
        ops.attach(jetty, connector);
        jetty.start();
        return new Fs3Server(jetty, connector, credential, backend, ops, multipart, janitor);
    }

    static ResourceConfig application(Fs3Settings settings, PosixBackend backend, CredentialStore credentials,
                                      ServerState state, MultipartOps multipart) throws IOException {
        String region = settings.auth().region();
        Operations ops = operations(settings, backend, credentials, state, multipart);
        S3ExceptionMapper s3Errors = new S3ExceptionMapper();

        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        rc.register(new RequestIds());
        rc.register(new SigV4AuthFilter(new SigV4Verifier(credentials, region, settings.auth().maxClockSkew(),
                Clock.systemUTC())));
        rc.register(s3Errors);
        rc.register(new WebApplicationExceptionMapper(s3Errors));
        rc.register(new UncaughtExceptionMapper(s3Errors));
        rc.register(new XmlBodyWriter());
        rc.register(new CorsFilter(new CorsPolicies(backend.bucketConfig(), settings.cors())));
        rc.register(new ServiceResource(ops));
        rc.register(new BucketResource(ops));
        rc.register(new ObjectResource(ops));
        return rc;
    }

    private static Operations operations(Fs3Settings settings, PosixBackend backend, CredentialStore credentials,
                                         ServerState state, MultipartOps multipart) throws IOException {
        String region = settings.auth().region();
        Owner owner = OWNER;
        var objects = backend.objects();
        return new Operations(new BucketOps(backend.buckets(), region, owner),
                new ListObjectsOp(backend.lister(), new ContinuationTokens(state.tokenKey()), owner),
                new ObjectReadOp(objects), new ObjectWriteOp(objects), new CopyObjectOp(objects),
                new DeleteObjectsOp(objects, backend.buckets()), new TaggingOps(objects, backend.bucketConfig()),
                new CorsOps(backend.bucketConfig()),
                new PostObjectOp(objects, backend.buckets(), credentials, region, Clock.systemUTC()), multipart);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI endpoint() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
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
        }
    }
}
