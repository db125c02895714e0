package io.fs3.multipart;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * S3's multipart ETag: the MD5 of the concatenated binary MD5s of the parts, then "-" and the number of
 * parts. Clients (rclone, s3cmd, the AWS CLI) recognise the suffix and never compare it with a content MD5.
 */
public final class MultipartEtag {
    private MultipartEtag() {
    }

    /** @param partMd5s the parts' MD5s as hex, in the order the object holds them */
    public static String of(List<String> partMd5s) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String hex : partMd5s) {
            md5.update(HexFormat.of().parseHex(hex));
        }
        return HexFormat.of().formatHex(md5.digest()) + "-" + partMd5s.size();
    }
}
