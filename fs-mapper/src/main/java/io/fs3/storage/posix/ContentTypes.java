package io.fs3.storage.posix;

import io.fs3.storage.ContentHeaders;

import java.net.FileNameMap;
import java.net.URLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Guesses a Content-Type from a file name for objects written by other programs. */
public final class ContentTypes {
    public static final String DEFAULT = "application/octet-stream";
    private static final FileNameMap MAP = URLConnection.getFileNameMap();
    /** One instance per guessed type (a few hundred at most: the JDK's table plus ours), shared by every object. */
    private static final Map<String, ContentHeaders> HEADERS = new ConcurrentHashMap<>();

    private ContentTypes() {
    }

    public static String guess(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".css")) {
            return "text/css";
        }
        if (lower.endsWith(".js")) {
            return "text/javascript";
        }
        String t = MAP.getContentTypeFor(name);
        return t == null ? DEFAULT : t;
    }

    /** The content headers of a file with no stored ones: only the type guessed from its name. */
    public static ContentHeaders guessedHeaders(String name) {
        return HEADERS.computeIfAbsent(guess(name), ContentHeaders.NONE::withContentType);
    }
}
