package io.fs3.server.ops;

import io.fs3.s3.S3Exception;
import io.fs3.server.http.S3Request;
import io.fs3.server.op.OperationResolver.Scope;
import io.fs3.server.op.S3Operation;
import org.glassfish.jersey.server.ContainerRequest;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The S3 action name of a request (e.g. {@code GetObject}), as AWS's API reference spells it. */
public final class OperationNames {
    /** Recognised, but fs3 answers NotImplemented. */
    public static final String UNSUPPORTED = "Unsupported";
    /** Not an S3 request fs3 could classify (e.g. an unknown method). */
    public static final String UNKNOWN = "Unknown";

    private static final Map<S3Operation, String> NAMES = names();

    private OperationNames() {
    }

    public static String of(S3Operation op) {
        return NAMES.get(op);
    }

    private static String name(S3Operation op) {
        StringBuilder b = new StringBuilder();
        for (String part : op.name().split("_")) {
            if (!part.isEmpty()) {
                b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString(); // LIST_OBJECTS_V2 -> ListObjectsV2
    }

    /**
     * The operation the resource resolved or, for a request that failed before routing (authentication,
     * readiness), the one it would have been: labels then still say which S3 action was refused.
     */
    public static String of(ContainerRequest request) {
        Object resolved = request.getProperty(S3Request.OPERATION_PROPERTY);
        if (resolved instanceof S3Operation op) {
            return op == S3Operation.UNSUPPORTED ? UNSUPPORTED : of(op);
        }
        try {
            return of(S3Request.of(request, null).resolve(scope(request)));
        } catch (S3Exception e) {
            return UNSUPPORTED;
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static Map<S3Operation, String> names() {
        Map<S3Operation, String> names = new EnumMap<>(S3Operation.class);
        for (S3Operation op : S3Operation.values()) {
            names.put(op, name(op));
        }
        return names;
    }

    private static Scope scope(ContainerRequest request) {
        String path = request.getRequestUri().getRawPath();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (rest.isEmpty()) {
            return Scope.SERVICE;
        }
        int slash = rest.indexOf('/');
        return slash < 0 || slash == rest.length() - 1 ? Scope.BUCKET : Scope.OBJECT;
    }
}
