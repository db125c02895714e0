package io.fs3.storage.posix;

import java.net.FileNameMap;
import java.net.URLConnection;

/** Guesses a Content-Type from a file name for objects written by other programs. */
public final class ContentTypes {
    public static final String DEFAULT = "application/octet-stream";
    private static final FileNameMap MAP = URLConnection.getFileNameMap();

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
}
