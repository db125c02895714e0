package io.fs3.storage;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.regex.Pattern;

/**
 * A bucket name that is safe to use as one directory name under the root. Existing directories whose
 * names break AWS's rules for new buckets (capitals, underscores) are still served, so {@link #of}
 * only enforces safety; {@link #requireValidForCreate()} enforces AWS's naming rules.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
public record BucketName(String value) implements Comparable<BucketName> {
    private static final Pattern STRICT = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public BucketName {
        if (!isServable(value)) {
            throw S3Exception.of(S3Error.INVALID_BUCKET_NAME).withResource(value == null ? "" : value);
        }
    }

    public static BucketName of(String value) {
        return new BucketName(value);
    }

    /**
     * True for names a directory can be served under: one path segment, not hidden (dot names hold
     * fs3's own state), not starting with '_' (reserved HTTP paths start with /_fs3/), no NUL.
     */
    public static boolean isServable(String name) {
        return name != null && !name.isEmpty() && name.length() <= 255
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0
                && !name.startsWith(".") && !name.startsWith("_");
    }

    public BucketName requireValidForCreate() {
        boolean ok = STRICT.matcher(value).matches()
                && !value.contains("..") && !value.contains(".-") && !value.contains("-.")
                && !IP_ADDRESS.matcher(value).matches()
                && !value.startsWith("xn--") && !value.startsWith("sthree-")
                && !value.endsWith("-s3alias") && !value.endsWith("--ol-s3");
        if (!ok) {
            throw S3Exception.of(S3Error.INVALID_BUCKET_NAME).withResource(value);
        }
        return this;
    }

    @Override
    public int compareTo(BucketName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
