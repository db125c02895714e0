package io.fs3.multipart;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CompleteMultipartUpload's rules, in this order: at least one and at most 10,000 parts, numbers 1..10,000
 * in ascending order (InvalidPartOrder), every listed part uploaded with the ETag (and any checksum) the
 * request names (InvalidPart), every part but the last at least the minimum size (EntityTooSmall), and
 * the total equal to x-amz-mp-object-size if sent (InvalidRequest). Only the listed parts, in request
 * order, make the object.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
 */
public final class CompletionPlan {
    public static final int MAX_PARTS = 10_000;

    private CompletionPlan() {
    }

    /** The checks that need no stored state (made before the upload is claimed). */
    public static void checkShape(List<CompletedPart> parts) {
        if (parts.isEmpty()) {
            throw S3Exception.of(S3Error.MALFORMED_XML,
                    "The XML you provided was not well-formed or did not validate against our published schema: "
                            + "at least one Part is required.");
        }
        if (parts.size() > MAX_PARTS) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "A multipart upload has at most 10000 parts.")
                    .withDetail("ArgumentName", "Part").withDetail("ArgumentValue", Integer.toString(parts.size()));
        }
        int previous = 0;
        for (CompletedPart p : parts) {
            checkPartNumber(p.number());
            if (p.number() <= previous) {
                throw S3Exception.of(S3Error.INVALID_PART_ORDER).withDetail("PartNumber", Integer.toString(p.number()));
            }
            previous = p.number();
        }
    }

    /** The stored parts that make the object, in order; throws the first rule the request breaks. */
    public static List<PartInfo> validate(List<CompletedPart> requested, Map<Integer, PartInfo> stored,
                                          long minPartSize, Long expectedSize) {
        checkShape(requested);
        List<PartInfo> parts = new ArrayList<>(requested.size());
        for (CompletedPart want : requested) {
            PartInfo have = stored.get(want.number());
            if (have == null || !sameEtag(want.etag(), have.etag()) || !checksumsAgree(want, have)) {
                throw invalidPart(want);
            }
            parts.add(have);
        }
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            PartInfo have = parts.get(i);
            if (i < parts.size() - 1 && have.size() < minPartSize) {
                throw S3Exception.of(S3Error.ENTITY_TOO_SMALL)
                        .withDetail("ProposedSize", Long.toString(have.size()))
                        .withDetail("MinSizeAllowed", Long.toString(minPartSize))
                        .withDetail("PartNumber", Integer.toString(have.number()))
                        .withDetail("ETag", have.etag());
            }
            total += have.size();
        }
        if (expectedSize != null && expectedSize != total) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "The provided 'x-amz-mp-object-size' header value "
                    + expectedSize + " does not match the object size of the parts, " + total + ".");
        }
        return parts;
    }

    public static void checkPartNumber(int number) {
        if (number < 1 || number > MAX_PARTS) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive")
                    .withDetail("ArgumentName", "partNumber").withDetail("ArgumentValue", Integer.toString(number));
        }
    }

    private static boolean sameEtag(String requested, String stored) {
        if (requested == null) {
            return false;
        }
        String r = requested.trim();
        if (r.length() >= 2 && r.startsWith("\"") && r.endsWith("\"")) {
            r = r.substring(1, r.length() - 1);
        }
        return r.toLowerCase(Locale.ROOT).equals(stored);
    }

    /** A checksum the request names for a part must be the one stored with it. */
    private static boolean checksumsAgree(CompletedPart want, PartInfo have) {
        for (Map.Entry<String, String> c : want.checksums().entrySet()) {
            String stored = have.checksums().get(c.getKey());
            if (stored != null && !stored.equals(c.getValue().trim())) {
                return false;
            }
        }
        return true;
    }

    private static S3Exception invalidPart(CompletedPart p) {
        return S3Exception.of(S3Error.INVALID_PART)
                .withDetail("PartNumber", Integer.toString(p.number()))
                .withDetail("ETag", p.etag() == null ? "" : p.etag());
    }
}
