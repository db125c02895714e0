/** The access log (key=value lines, stdout or size-rotated file) and the live log level of fs3's loggers. */
package io.fs3.server.logging;
