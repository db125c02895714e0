package io.fs3.webui;

import java.io.Writer;

/** A rendered page, written on demand (the server streams it into the response). */
@FunctionalInterface
public interface Page {
    void writeTo(Writer out);
}
