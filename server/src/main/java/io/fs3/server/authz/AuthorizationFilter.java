package io.fs3.server.authz;

import io.fs3.server.auth.SigV4AuthFilter;
import io.fs3.server.http.CopySource;
import io.fs3.server.http.S3Request;
import io.fs3.server.op.OperationResolver;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

import java.util.Map;
import java.util.Objects;

/**
 * Asks the {@link Authorizer} about every S3 request once it is routed (the operation is known then), before
 * the operation runs; anonymous requests arrive here too. CopyObject and UploadPartCopy also need READ on
 * their source. Browser-form uploads (PostObject without a signature) are authorised by PostObjectOp once
 * the signed policy names the user, and bucket-browser pages by BrowseOp for its session's user.
 */
@Priority(Priorities.AUTHORIZATION)
public final class AuthorizationFilter implements ContainerRequestFilter {
    private final Authorizer authorizer;
    private final OperationResolver.Scope scope;

    AuthorizationFilter(Authorizer authorizer, OperationResolver.Scope scope) {
        this.authorizer = authorizer;
        this.scope = scope;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        S3Request req = S3Request.of(ctx, null);
        S3Operation op = req.resolve(scope);
        String accessKey = (String) ctx.getProperty(SigV4AuthFilter.ACCESS_KEY_PROPERTY);
        if (op == S3Operation.POST_OBJECT && accessKey == null || op == S3Operation.BROWSE) {
            return; // the signed policy / the browser session names the user; those operations ask the Authorizer
        }
        if (op == S3Operation.BROWSE) {
            return; // bucket-browser pages: BrowseOp asks the Authorizer for the session cookie's user, per action
        }
        BucketName bucket = scope == OperationResolver.Scope.SERVICE ? null : req.bucket();
        ObjectKey key = scope == OperationResolver.Scope.OBJECT ? req.key() : null;
        authorizer.check(accessKey, op, bucket, key);
        if (op == S3Operation.COPY_OBJECT || op == S3Operation.UPLOAD_PART_COPY) {
            CopySource source = CopySource.parse(req.header("x-amz-copy-source"));
            authorizer.check(accessKey, S3Operation.GET_OBJECT, source.bucket(), source.key());
        }
    }

    /** Binds the filter to the S3 resources only ({@code /_fs3/} endpoints decide their own access). */
    public static final class Binding implements DynamicFeature {
        private final Authorizer authorizer;
        private final Map<Class<?>, OperationResolver.Scope> scopes;

        public Binding(Authorizer authorizer, Map<Class<?>, OperationResolver.Scope> scopes) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            this.scopes = Map.copyOf(scopes);
        }

        @Override
        public void configure(ResourceInfo resource, FeatureContext context) {
            OperationResolver.Scope scope = scopes.get(resource.getResourceClass());
            if (scope != null) {
                context.register(new AuthorizationFilter(authorizer, scope));
            }
        }
    }
}
