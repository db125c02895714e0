package io.fs3.multipart;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An upload id: 12 hex digits of the initiation time in milliseconds, then 20 random hex digits. Sorting
 * ids therefore sorts uploads of one key by initiation time, as ListMultipartUploads orders them. Ids name
 * staging directories, so anything else a client sends is refused before it reaches a path.
 */
public record UploadId(String value) implements Comparable<UploadId> {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public UploadId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw S3Exception.of(S3Error.NO_SUCH_UPLOAD);
        }
    }

    /** The id a client sent; NoSuchUpload if it cannot be one of ours. */
    public static UploadId parse(String value) {
        return new UploadId(value);
    }

    public static UploadId generate(Instant now) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return new UploadId(String.format("%012x", now.toEpochMilli() & 0xffff_ffff_ffffL)
                + HexFormat.of().formatHex(random));
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(UploadId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
