package io.fs3.storage.meta;

import io.fs3.storage.FileStamp;
import io.fs3.storage.StoredMetadata;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binary form of {@link StoredMetadata} small enough to live inside the inode: ext4 keeps up to 64 bytes of
 * xattr value in a 256-byte inode, and any more costs the object a 4 KiB block of its own (a 4 KiB object then
 * takes twice its size on disk, and ext4's xattr-block sharing cache makes every write slower the more objects
 * there are). The common fields are packed (the ETag as 16 raw bytes, the stamp as varints, checksums as raw
 * bytes, the default content types as one byte), so a typical PUT's metadata takes ~40 bytes where the text
 * form took ~170. Everything else (other content headers, user metadata, tags, part sizes, ACL) follows as the
 * text form's lines. Starts with {@link #MAGIC}, which no text form does.
 */
final class CompactMetadataCodec {
    static final byte MAGIC = (byte) 0xF3;
    private static final byte VERSION = 1;
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern MULTIPART_MD5 = Pattern.compile("([0-9a-f]{32})-([1-9][0-9]{0,8})");
    /** The content types most objects have, one byte each (index + 1; 0 = none). */
    private static final List<String> CONTENT_TYPES = List.of("binary/octet-stream", "application/octet-stream");
    /** The S3 checksum algorithms and their raw lengths, stored as index + 1 and the raw bytes. */
    private static final List<String> CHECKSUMS = List.of("crc32", "crc32c", "crc64nvme", "sha1", "sha256");
    private static final int[] CHECKSUM_LENGTHS = {4, 4, 8, 20, 32};
    private static final int STRING = 0xFF;
    private static final HexFormat HEX = HexFormat.of();

    private CompactMetadataCodec() {
    }

    static byte[] encode(StoredMetadata m) {
        Out out = new Out();
        out.write(MAGIC);
        out.write(VERSION);
        etag(out, m.etag());
        fileKey(out, m.stamp());
        out.signed(m.stamp().size());
        out.signed(m.stamp().mtimeNanos());
        contentType(out, m.content().contentType());
        Map<String, String> checksums = new TreeMap<>(m.checksums());
        out.varint(checksums.size());
        checksums.forEach((name, value) -> checksum(out, name, value));
        StringBuilder rest = new StringBuilder();
        MetadataCodec.otherLines(rest, m);
        out.writeBytes(rest.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Empty if {@code bytes} are not this form or are damaged. */
    static Optional<StoredMetadata> decode(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != MAGIC || bytes[1] != VERSION) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
            String etag = etag(in);
            FileStamp stamp = stamp(in);
            int type = in.get() & 0xFF;
            String contentType = type == 0 ? null : type == STRING ? string(in) : CONTENT_TYPES.get(type - 1);
            Map<String, String> checksums = new TreeMap<>();
            for (long i = varint(in); i > 0; i--) {
                int code = in.get() & 0xFF;
                if (code == STRING) {
                    checksums.put(string(in), string(in));
                } else {
                    byte[] raw = new byte[CHECKSUM_LENGTHS[code - 1]];
                    in.get(raw);
                    checksums.put(CHECKSUMS.get(code - 1), Base64.getEncoder().encodeToString(raw));
                }
            }
            Map<String, String> f = MetadataCodec.fields(new String(bytes, in.position(), in.remaining(), StandardCharsets.UTF_8));
            f.put("h.content-type", contentType);
            checksums.forEach((name, value) -> f.put("c." + name, value));
            return Optional.of(MetadataCodec.fromFields(etag, stamp, f));
        } catch (RuntimeException e) {
            return Optional.empty(); // BufferUnderflow, a bad index, a bad number: not ours, or damaged
        }
    }

    private static void contentType(Out out, String type) {
        int known = type == null ? -1 : CONTENT_TYPES.indexOf(type);
        if (type == null) {
            out.write(0);
        } else if (known >= 0) {
            out.write(known + 1);
        } else {
            out.write(STRING);
            out.string(type);
        }
    }

    private static void etag(Out out, String etag) {
        if (etag == null) {
            out.write(0);
            return;
        }
        Matcher multipart = MULTIPART_MD5.matcher(etag);
        if (MD5.matcher(etag).matches()) {
            out.write(1);
            out.writeBytes(HEX.parseHex(etag));
        } else if (multipart.matches()) {
            out.write(2);
            out.writeBytes(HEX.parseHex(multipart.group(1)));
            out.varint(Long.parseLong(multipart.group(2)));
        } else {
            out.write(STRING);
            out.string(etag);
        }
    }

    private static String etag(ByteBuffer in) {
        int kind = in.get() & 0xFF;
        return switch (kind) {
            case 0 -> null;
            case 1 -> HEX.formatHex(bytes(in, 16));
            case 2 -> HEX.formatHex(bytes(in, 16)) + "-" + varint(in);
            case STRING -> string(in);
            default -> throw new IllegalArgumentException("etag kind " + kind);
        };
    }

    /** Java's Unix file key, {@code (dev=<hex>,ino=<decimal>)}, as two varints when it reads back the same. */
    private static void fileKey(Out out, FileStamp stamp) {
        if (stamp.isUnix() && stamp.ino() >= 0) {
            out.write(1);
            out.varint(stamp.dev());
            out.varint(stamp.ino());
        } else {
            out.write(STRING);
            out.string(stamp.fileKey());
        }
    }

    /** The file key as {@link #fileKey(Out, FileStamp)} wrote it, then size and mtime. */
    private static FileStamp stamp(ByteBuffer in) {
        int kind = in.get() & 0xFF;
        return switch (kind) {
            case 1 -> FileStamp.unix(varint(in), varint(in), signed(in), signed(in));
            case STRING -> FileStamp.of(string(in), signed(in), signed(in));
            default -> throw new IllegalArgumentException("file key kind " + kind);
        };
    }

    /** A known algorithm with a value that is exactly base64 of its raw length is stored raw; anything else as text. */
    private static void checksum(Out out, String name, String value) {
        int i = CHECKSUMS.indexOf(name);
        if (i >= 0) {
            byte[] raw = base64OrNull(value);
            if (raw != null && raw.length == CHECKSUM_LENGTHS[i] && Base64.getEncoder().encodeToString(raw).equals(value)) {
                out.write(i + 1);
                out.writeBytes(raw);
                return;
            }
        }
        out.write(STRING);
        out.string(name);
        out.string(value);
    }

    private static byte[] base64OrNull(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static String string(ByteBuffer in) {
        long n = varint(in);
        if (n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        return new String(bytes(in, (int) n), StandardCharsets.UTF_8);
    }

    /** Unsigned LEB128, at most 10 bytes. */
    private static long varint(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static long signed(ByteBuffer in) {
        long z = varint(in);
        return (z >>> 1) ^ -(z & 1); // zigzag
    }

    /** The output side: varints, zigzag and length-prefixed strings over a growing byte array. */
    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(64);
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void signed(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            writeBytes(b);
        }
    }
}
