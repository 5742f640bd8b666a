package dev.ddbstreams.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the runtime's tests: every logger at every level, the events kept in memory (the last 10,000)
 * so tests can read what the client logged. Registered in {@code META-INF/services}.
 */
public final class RecordingLogs {

    /** One logged line. */
    public record Event(String logger, Level level, String message, Throwable throwable) {}

    private static final int MAX_EVENTS = 10_000;
    private static final List<Event> EVENTS = new ArrayList<>();

    private RecordingLogs() {}

    /** The events logged so far, oldest first. */
    public static synchronized List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets the events logged so far. */
    public static synchronized void clear() {
        EVENTS.clear();
    }

    private static synchronized void add(Event event) {
        if (EVENTS.size() == MAX_EVENTS) {
            EVENTS.remove(0);
        }
        EVENTS.add(event);
    }

    /** The service provider SLF4J finds. */
    public static final class Provider implements SLF4JServiceProvider {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
        private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, RecordingLogger::new);
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new BasicMDCAdapter();

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {}
    }

    private static final class RecordingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        RecordingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                                   Throwable throwable) {
            add(new Event(name, level, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
