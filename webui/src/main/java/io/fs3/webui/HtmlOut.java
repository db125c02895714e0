package io.fs3.webui;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes HTML. {@link #text} and {@link #attr} escape {@code & < > " '} (Guava's HTML escaper), so a key such
 * as {@code <script>} or {@code "><img onerror=…>} is shown as text and can never open a tag or leave an
 * attribute value; {@link #raw} is only ever called with markup written in this module.
 */
public final class HtmlOut {
    private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();
    private final Writer out;

    public HtmlOut(Writer out) {
        this.out = out;
    }

    public static String escape(String s) {
        return s == null ? "" : ESCAPER.escape(s);
    }

    /** Markup from this module's own code (never user data). */
    public HtmlOut raw(String markup) {
        try {
            out.write(markup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Text content, escaped. */
    public HtmlOut text(String s) {
        return raw(escape(s));
    }

    /** {@code  name="value"} with the value escaped (always double-quoted). */
    public HtmlOut attr(String name, String value) {
        return raw(" ").raw(name).raw("=\"").raw(escape(value)).raw("\"");
    }

    /** {@code <tag class="cls">text</tag>}; no class attribute when {@code cls} is null. */
    public HtmlOut element(String tag, String cls, String text) {
        raw("<").raw(tag);
        if (cls != null) {
            attr("class", cls);
        }
        return raw(">").text(text).raw("</").raw(tag).raw(">");
    }

    /** {@code <a href="url" class="cls">text</a>}. */
    public HtmlOut link(String url, String cls, String text) {
        raw("<a").attr("href", url);
        if (cls != null) {
            attr("class", cls);
        }
        return raw(">").text(text).raw("</a>");
    }

    /** {@code <input type="hidden" name="…" value="…">}. */
    public HtmlOut hidden(String name, String value) {
        return raw("<input type=\"hidden\"").attr("name", name).attr("value", value).raw(">");
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
