/**
 * Browser sessions without server state: signed, expiring cookie values and the CSRF tokens bound to them.
 * The server sets the cookie attributes (HttpOnly, SameSite=Strict, Secure over HTTPS).
 */
package io.fs3.webui.session;
