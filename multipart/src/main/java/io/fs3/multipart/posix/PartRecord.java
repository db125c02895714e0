package io.fs3.multipart.posix;

import io.fs3.multipart.PartInfo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A part's record file ({@code part-00001}): which data file holds the part and its MD5, size, upload time
 * and checksums. Writing the record (by rename) is the moment a part upload takes effect, so a part
 * uploaded twice is replaced whole, and the record never describes bytes other than its data file's.
 */
record PartRecord(String dataFile, PartInfo info) {

    byte[] encode() {
        Properties p = new Properties();
        p.setProperty("data", dataFile);
        p.setProperty("etag", info.etag());
        p.setProperty("size", Long.toString(info.size()));
        p.setProperty("modified", Long.toString(info.lastModified().toEpochMilli()));
        info.checksums().forEach((k, v) -> p.setProperty("c." + k, v));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Part {@code number} of the upload in {@code dir}, if it was uploaded (and its record is readable). */
    static Optional<PartRecord> read(Path dir, int number) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(StagingLayout.recordName(number)), StandardCharsets.UTF_8)) {
            p.load(r);
            Map<String, String> checksums = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("c.")) {
                    checksums.put(name.substring(2), p.getProperty(name));
                }
            }
            PartInfo info = new PartInfo(number, p.getProperty("etag"), Long.parseLong(p.getProperty("size")),
                    Instant.ofEpochMilli(Long.parseLong(p.getProperty("modified"))), checksums);
            String data = p.getProperty("data");
            if (data == null || info.etag() == null || data.contains("/")) {
                return Optional.empty();
            }
            return Optional.of(new PartRecord(data, info));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
