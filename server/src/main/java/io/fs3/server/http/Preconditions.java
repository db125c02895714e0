package io.fs3.server.http;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The four conditional headers with S3's precedence: If-Match beats If-Unmodified-Since (412),
 * If-None-Match beats If-Modified-Since (304 for GET/HEAD), and 412 is decided before 304.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-requests.html
 */
public record Preconditions(String ifMatch, String ifNoneMatch, Optional<Instant> ifModifiedSince,
                            Optional<Instant> ifUnmodifiedSince) {

    public static Preconditions of(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {
        return new Preconditions(ifMatch, ifNoneMatch, HttpDates.parse(ifModifiedSince), HttpDates.parse(ifUnmodifiedSince));
    }

    /** Throws PreconditionFailed or NotModified (with the object's ETag and Last-Modified) when a condition fails. */
    public void check(String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS); // HTTP dates have whole seconds
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                throw S3Exception.of(S3Error.PRECONDITION_FAILED).withResource(null).withDetail("Condition", "If-Match");
            }
        } else if (ifUnmodifiedSince.isPresent() && modified.isAfter(ifUnmodifiedSince.get())) {
            throw S3Exception.of(S3Error.PRECONDITION_FAILED).withDetail("Condition", "If-Unmodified-Since");
        }
        boolean notModified = ifNoneMatch != null ? matches(ifNoneMatch, etag)
                : ifModifiedSince.isPresent() && !modified.isAfter(ifModifiedSince.get());
        if (notModified) {
            throw S3Exception.of(S3Error.NOT_MODIFIED)
                    .withHeader("ETag", Etag.quote(etag))
                    .withHeader("Last-Modified", HttpDates.format(lastModified));
        }
    }

    /** True if the header (a list of quoted or bare ETags, or *) names this ETag. */
    static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || Etag.unquote(c).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
