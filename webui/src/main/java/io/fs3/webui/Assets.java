package io.fs3.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The browser's static files (one stylesheet, one script), loaded once from the classpath. Each has a
 * content hash that serves as its version in URLs and as its ETag, so clients may cache it for good.
 */
public final class Assets {
    /** One static file. */
    public record Asset(String name, String contentType, byte[] bytes, String version) {
        public Asset {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    public static final String STYLESHEET = "fs3.css";
    public static final String SCRIPT = "fs3.js";
    private static final Map<String, String> TYPES = Map.of(STYLESHEET, "text/css; charset=utf-8",
            SCRIPT, "text/javascript; charset=utf-8");
    private final Map<String, Asset> byName;

    private Assets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    public static Assets load() {
        return new Assets(Map.of(STYLESHEET, read(STYLESHEET), SCRIPT, read(SCRIPT)));
    }

    public Optional<Asset> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    String version(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return a.version();
    }

    private static Asset read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing web UI asset " + name);
            }
            byte[] bytes = in.readAllBytes(); // a few KB of our own CSS/JS, never object data
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            return new Asset(name, TYPES.get(name), bytes, hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
