package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit log} names the OS account with the declared name; {@code audit fingerprint} the last entry. */
@IntegrationTest
class CliAuditLogTest {
    @TempDir
    Path tmp;

    @Test
    void theLogShowsTheAccountAndTheDeclaredNameAndTheFingerprintMatchesTheLastEntry() {
        Path dir = tmp.resolve("cc");
        try (AppServices services = AppServices.open(dir)) {
            services.preferences().put(AppServices.PREF_OPERATOR, "王警官");
            services.records().save(new WarningBatch(UUID.randomUUID(), LocalDate.of(2022, 5, 3), "CN-GD",
                    WarningChannel.APP, 10, 2, BigDecimal.ONE), null, "form");
        }

        CliRun log = CliRun.in(dir, "audit", "log", "--limit", "1");
        CliRun last = CliRun.in(dir, "audit", "fingerprint");

        assertThat(log.exitCode()).isZero();
        assertThat(log.out().lines().toList()).singleElement().asString()
                .contains("\t" + System.getProperty("user.name") + " (declared: 王警官)\tinsert\twarning_batch ");
        assertThat(last.out().strip()).matches("#\\d+ [0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}");
        String seq = last.out().strip().substring(1, last.out().indexOf(' '));
        assertThat(log.out()).startsWith(seq + "\t");
        assertThat(CliRun.in(dir, "audit", "fingerprint", "--at", seq).out()).isEqualTo(last.out());
        assertThat(CliRun.in(dir, "audit", "fingerprint", "--at", "999999").exitCode()).isEqualTo(AuditCommand.NOT_INTACT);
    }
}
