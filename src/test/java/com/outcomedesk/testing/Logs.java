package com.outcomedesk.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What a class's logger said while something ran. */
public final class Logs {
    private Logs() {
    }

    /** Work to watch; it may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** The formatted messages the logger of {@code source} logged while {@code action} ran. */
    public static List<String> during(Class<?> source, Action action) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        logger.addAppender(log);
        try {
            action.run();
        } finally {
            logger.detachAppender(log);
        }
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
