package io.fs3.server.logging;

import io.fs3.config.LogLevel;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;
import org.slf4j.simple.SimpleLoggerFactory;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;

/**
 * Sets the level of fs3's own loggers ({@code io.fs3.*}) at start and on reload. slf4j-simple reads levels
 * from system properties when a logger is created and has no API to change one later, so this sets the
 * property for loggers created from now on and updates the level field of those that exist. A more specific
 * {@code -Dorg.slf4j.simpleLogger.log.io.fs3.x=...} the operator gave keeps precedence.
 */
public final class LogLevels {
    static final String ROOT = "io.fs3";
    private static final String PROPERTY_PREFIX = SimpleLogger.LOG_KEY_PREFIX;
    private static final Logger LOG = LoggerFactory.getLogger(LogLevels.class);

    /** Applies {@code level}; returns false if existing loggers could not be updated (they keep their level). */
    public boolean apply(LogLevel level) {
        String name = level.name().toLowerCase(Locale.ROOT);
        System.setProperty(PROPERTY_PREFIX + ROOT, name);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof SimpleLoggerFactory)) {
            return false; // another backend: its own configuration decides
        }
        try {
            Field map = SimpleLoggerFactory.class.getDeclaredField("loggerMap");
            Field current = SimpleLogger.class.getDeclaredField("currentLogLevel");
            map.setAccessible(true);
            current.setAccessible(true);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) map.get(factory)).entrySet()) {
                String logger = e.getKey().toString();
                if (isFs3(logger) && !hasOwnLevel(logger) && e.getValue() instanceof SimpleLogger simple) {
                    current.setInt(simple, levelInt(level));
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("fs3.log.level={} applies to loggers created from now on; restart to apply it everywhere ({})",
                    name, e.toString());
            return false;
        }
    }

    private static boolean isFs3(String logger) {
        return logger.equals(ROOT) || logger.startsWith(ROOT + ".");
    }

    /** True if a system property sets the level of this logger or of a package between it and io.fs3. */
    private static boolean hasOwnLevel(String logger) {
        for (String name = logger; name.length() > ROOT.length(); name = name.substring(0, Math.max(0, name.lastIndexOf('.')))) {
            if (System.getProperty(PROPERTY_PREFIX + name) != null) {
                return true;
            }
        }
        return false;
    }

    /** slf4j-simple's level numbers (those of org.slf4j.event.Level; OFF is one step above ERROR). */
    static int levelInt(LogLevel level) {
        return switch (level) {
            case TRACE -> org.slf4j.event.Level.TRACE.toInt();
            case DEBUG -> org.slf4j.event.Level.DEBUG.toInt();
            case INFO -> org.slf4j.event.Level.INFO.toInt();
            case WARN -> org.slf4j.event.Level.WARN.toInt();
            case ERROR -> org.slf4j.event.Level.ERROR.toInt();
            case OFF -> org.slf4j.event.Level.ERROR.toInt() + 10;
        };
    }
}
