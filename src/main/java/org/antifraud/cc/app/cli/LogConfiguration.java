package org.antifraud.cc.app.cli;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;

/**
 * The application's logging (ADR 0010), set up in code where Logback would read an XML file: its XML parser took a
 * quarter of a second of the start on two cores (issue 16). One rolling file {@code command-center.log} in the folder
 * {@link LogSetup} named ({@code cc.log.dir}, else {@code command-center-logs} in the temp folder), 5 MB, three old
 * files; INFO, Flyway and jOOQ at WARN; nothing on stdout, Logback's own status included. Found by Logback through
 * {@code META-INF/services}; a {@code logback.configurationFile} property or a {@code logback-test.xml} (the tests')
 * is left to Logback's own configuration.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    static final String FILE_NAME = "command-center.log";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        toFile(context, directory());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The rolling file in {@code dir} and the levels, in {@code context}. */
    static void toFile(LoggerContext context, Path dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve(FILE_NAME).toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("command-center.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        file.setRollingPolicy(rolling);

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        file.setTriggeringPolicy(trigger);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        file.setEncoder(encoder);

        encoder.start();
        rolling.start();
        trigger.start();
        file.start();

        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.jooq").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }

    /** Where the log goes: as {@link LogSetup} said, else the temp folder's {@code command-center-logs}. */
    static Path directory() {
        String set = System.getProperty(LogSetup.LOG_DIR_PROPERTY);
        return set != null ? Path.of(set) : Path.of(System.getProperty("java.io.tmpdir"), "command-center-logs");
    }
}
