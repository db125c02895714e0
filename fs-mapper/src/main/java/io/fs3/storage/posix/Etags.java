package io.fs3.storage.posix;

import com.google.common.hash.Hashing;
import io.fs3.storage.FileStamp;

import java.nio.charset.StandardCharsets;

/** ETag helpers (without the surrounding quotes). */
public final class Etags {
    /** MD5 of zero bytes: the ETag of every folder object. */
    public static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private Etags() {
    }

    /**
     * A stable ETag for a file fs3 did not write (no stored MD5), derived from its stamp so it changes
     * whenever the file does. The "-1" suffix marks it as not an MD5 of the content, as multipart ETags
     * are marked, so clients that verify downloads (rclone, s3cmd) don't report false corruption.
     */
    public static String synthetic(FileStamp stamp) {
        String basis = stamp.fileKey() + '|' + stamp.size() + '|' + stamp.mtimeNanos();
        return Hashing.md5().hashString(basis, StandardCharsets.UTF_8) + "-1";
    }
}
