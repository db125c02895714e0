package io.fs3.multipart;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The checksum of a completed multipart object, from its parts' checksums, as S3 forms it: COMPOSITE is
 * base64(H(raw part checksums concatenated)) + "-N"; FULL_OBJECT is the CRC of all bytes, combined from the
 * part CRCs. Without an algorithm, or if any part lacks its checksum, the object has none.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html#large-object-checksums
 */
public final class ObjectChecksums {
    private final Checksummer checksummer;

    public ObjectChecksums(Checksummer checksummer) {
        this.checksummer = checksummer;
    }

    public Map<String, String> of(String algorithm, ChecksumType type, List<PartInfo> parts) {
        if (algorithm == null || parts.stream().anyMatch(p -> !p.checksums().containsKey(algorithm))) {
            return Map.of();
        }
        String value = type == ChecksumType.FULL_OBJECT ? fullObject(algorithm, parts) : composite(algorithm, parts);
        return value == null ? Map.of() : Map.of(algorithm, value);
    }

    private String composite(String algorithm, List<PartInfo> parts) {
        Checksummer.Hasher h = checksummer.newHasher(algorithm);
        if (h == null) {
            return null;
        }
        for (PartInfo p : parts) {
            byte[] raw = Base64.getDecoder().decode(p.checksums().get(algorithm));
            h.update(raw, 0, raw.length);
        }
        return Base64.getEncoder().encodeToString(h.digest()) + "-" + parts.size();
    }

    private static String fullObject(String algorithm, List<PartInfo> parts) {
        CrcCombine crc = CrcCombine.of(algorithm);
        if (crc == null) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < parts.size(); i++) {
            long part = toLong(Base64.getDecoder().decode(parts.get(i).checksums().get(algorithm)));
            value = i == 0 ? part : crc.combine(value, part, parts.get(i).size());
        }
        byte[] out = new byte[crc.bytes()];
        for (int i = out.length - 1; i >= 0; i--, value >>>= 8) {
            out[i] = (byte) value;
        }
        return Base64.getEncoder().encodeToString(out);
    }

    private static long toLong(byte[] bigEndian) {
        long v = 0;
        for (byte b : bigEndian) {
            v = (v << 8) | (b & 0xff);
        }
        return v;
    }
}
