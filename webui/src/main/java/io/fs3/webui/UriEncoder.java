package io.fs3.webui;

/** Percent-encodes a path or a query component; the server passes its SigV4 {@code UriEncode}. */
@FunctionalInterface
public interface UriEncoder {
    /** Every byte except {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX}; '/' is kept when {@code keepSlash}. */
    String encode(String s, boolean keepSlash);
}
