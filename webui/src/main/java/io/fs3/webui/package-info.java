/**
 * The bucket browser ({@code ?browser=true}): server-rendered HTML pages written to a {@link java.io.Writer}
 * from fs-mapper's types ({@link io.fs3.storage.ListPage}, {@link io.fs3.storage.ObjectMetadata},
 * {@link io.fs3.storage.BucketSummary}), the signed session cookie and CSRF tokens
 * ({@link io.fs3.webui.session}), and the static CSS/JS under {@code /_fs3/webui/static/}.
 *
 * <p>Every key, name and metadata value is HTML-escaped on output ({@link io.fs3.webui.HtmlOut}); every link
 * is built by {@link io.fs3.webui.BrowserUrls} with the server's SigV4 URI encoder. This module knows nothing
 * of JAX-RS, authentication or authorisation: the server decides who may do what and hands in the result.
 */
package io.fs3.webui;
