package io.fs3.server;

import io.fs3.config.ConfigException;
import io.fs3.config.Fs3Settings;
import io.fs3.server.auth.SigV4Verifier;
import io.fs3.server.authz.AclAuthorizer;
import io.fs3.server.authz.AuthorizationFilter;
import io.fs3.server.authz.BucketAcls;
import io.fs3.server.identity.Identities;
import io.fs3.server.identity.UsersFile;
import io.fs3.server.identity.UsersFileException;
import io.fs3.server.op.AclOps;
import io.fs3.server.op.OperationResolver.Scope;
import io.fs3.server.ops.ConfigSource;
import io.fs3.server.resource.BucketResource;
import io.fs3.server.resource.ObjectResource;
import io.fs3.server.resource.ServiceResource;
import io.fs3.server.vhost.VirtualHostFilter;
import io.fs3.server.vhost.VirtualHosts;
import io.fs3.storage.posix.PosixBackend;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The users-and-permissions part of the wiring (kept beside {@link Fs3Server}, which calls it): identities
 * from the users file plus the admin's key, bucket and object ACLs, the authorizer every S3 request and the
 * web UI go through, and virtual-host addressing.
 */
final class AccessControl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private final Fs3Settings settings;
    private final Identities identities;
    private final AclAuthorizer authorizer;
    private final AclOps acls;
    private final VirtualHosts virtualHosts;

    private AccessControl(Fs3Settings settings, Identities identities, AclAuthorizer authorizer, AclOps acls) {
        this.settings = settings;
        this.identities = identities;
        this.authorizer = authorizer;
        this.acls = acls;
        this.virtualHosts = new VirtualHosts(settings.endpoint().virtualHostDomains());
    }

    /** Loads the users file; an unusable one (e.g. readable by others) is a configuration error. */
    static AccessControl open(Fs3Settings settings, ConfigSource source, PosixBackend backend, ServerState.Credential admin) {
        Path usersFile = UsersFile.locate(settings, source.file());
        Identities identities;
        try {
            identities = Identities.open(settings.users().admin(), Map.of(admin.accessKey(), admin.secretKey()),
                    Optional.of(usersFile));
        } catch (UsersFileException e) {
            throw new ConfigException(e.problems().stream().map(p -> "fs3.users.file: " + p).toList());
        }
        BucketAcls bucketAcls = new BucketAcls(backend.bucketConfig(), settings.users().admin(),
                settings.buckets().owners(), Duration.ofSeconds(1));
        AclAuthorizer authorizer = new AclAuthorizer(identities, bucketAcls, backend.objectAcls(), backend.buckets(),
                settings.buckets().readOnly(), settings.buckets().paths().keySet());
        settings.buckets().paths().forEach((name, dir) -> {
            if (!Files.isDirectory(dir)) {
                LOG.warn("bucket={} maps to {}, which is not a directory (yet): NoSuchBucket until it is", name, dir);
            }
        });
        LOG.info("users: admin={} usersFile={} ({} users)", settings.users().admin(), usersFile,
                identities.table().users().size());
        return new AccessControl(settings, identities, authorizer, new AclOps(authorizer, backend.objectAcls(),
                backend.objects()));
    }

    /** Starts watching the users file. */
    void start() {
        identities.start(settings.users().reloadInterval());
    }

    Identities identities() {
        return identities;
    }

    AclAuthorizer authorizer() {
        return authorizer;
    }

    AclOps acls() {
        return acls;
    }

    /** The signature verifier (V4 and V2) over these identities. */
    SigV4Verifier verifier() {
        return new SigV4Verifier(identities, settings.auth().region(), settings.auth().maxClockSkew(), Clock.systemUTC(),
                virtualHosts::bucketOf);
    }

    /** True if a Host header value names a bucket (virtual-host style). */
    boolean isVirtualHost(String host) {
        return virtualHosts.enabled() && virtualHosts.bucketOf(host).isPresent();
    }

    /** Virtual-host rewriting (when domains are configured) and the authorisation of the S3 resources. */
    void register(ResourceConfig rc) {
        if (virtualHosts.enabled()) {
            rc.register(new VirtualHostFilter(virtualHosts));
        }
        rc.register(new AuthorizationFilter.Binding(authorizer, Map.of(ServiceResource.class, Scope.SERVICE,
                BucketResource.class, Scope.BUCKET, ObjectResource.class, Scope.OBJECT)));
    }

    @Override
    public void close() {
        identities.close();
    }
}
