package com.outcomedesk.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The server's access log, sent for the run to a file in the throwaway directory instead of the terminal: every
 * request is still formatted and written, as a deployment writes it to a file or the journal, but tens of thousands
 * of lines a second do not flood the console the benchmark prints to.
 */
final class AccessLogFile {
    /** The server's access logger (see the server's Api and logback.xml). */
    static final String ACCESS_LOGGER = "com.outcomedesk.server.access";

    private final Path file;
    private final Logger logger;
    private final FileAppender<ILoggingEvent> appender;

    private AccessLogFile(Path file, Logger logger, FileAppender<ILoggingEvent> appender) {
        this.file = file;
        this.logger = logger;
        this.appender = appender;
    }

    static AccessLogFile redirect(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return new AccessLogFile(file, null, null);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss} %-5level %logger{20} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger logger = context.getLogger(ACCESS_LOGGER);
        logger.addAppender(appender);
        logger.setAdditive(false);
        return new AccessLogFile(file, logger, appender);
    }

    /** Puts the access log back where it was and says where it went during the run. */
    String restore() {
        if (logger == null) return "left as configured (the logging backend is not logback)";
        logger.detachAppender(appender);
        logger.setAdditive(true);
        appender.stop();
        long lines;
        try (Stream<String> s = Files.lines(file)) {
            lines = s.count();
        } catch (IOException e) {
            lines = -1;
        }
        return "written (level " + logger.getEffectiveLevel() + ") to a file in the throwaway directory instead of stderr: "
                + lines + " lines";
    }
}
