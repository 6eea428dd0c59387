package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0010 in code (issue 16): the file, its lines and levels as logback.xml had them. */
class LogConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void linesGoToTheRollingFileOfTheFolderAtInfoWithFlywayAndJooqAtWarn() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as SLF4J's binding gives the application's context
        LogConfiguration.toFile(context, dir);
        context.getLogger("org.antifraud.cc.Some").info("opened {}", "the database");
        context.getLogger("org.antifraud.cc.Some").debug("not written");
        context.getLogger("org.flywaydb.core.Flyway").info("not written either");
        context.getLogger("org.jooq.Constants").warn("a jOOQ warning");
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        context.stop();

        String log = Files.readString(dir.resolve("command-center.log"), StandardCharsets.UTF_8);
        assertThat(log.lines()).hasSize(2);
        assertThat(log.lines().findFirst().orElseThrow())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^]]+\\] org\\.antifraud\\.cc\\.Some - opened the database");
        assertThat(log).contains("WARN  [").contains("a jOOQ warning").doesNotContain("not written");
    }

    @Test
    void theTestsOwnConfigurationOrAnExplicitFileIsLeftToLogback() {
        // logback-test.xml is on the test class path: the product's configuration steps aside
        assertThat(new LogConfiguration().configure(new LoggerContext()))
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
