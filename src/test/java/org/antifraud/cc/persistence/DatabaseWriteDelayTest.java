package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 stores every commit at once (WRITE_DELAY=0: a save is on disk when it returns, and no background writer can
 * store half of a change); a bulk write raises the delay for its duration only, nested or not (ADR 0025).
 */
@IntegrationTest
class DatabaseWriteDelayTest {
    @TempDir
    Path dir;

    private long writeDelay() throws Exception {
        try (Connection c = Database.connect(dir, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    void commitsAreStoredAtOnceExceptDuringABulkWrite() throws Exception {
        try (Database db = Database.open(dir)) {
            assertThat(writeDelay()).isZero();
            try (Database.BulkWrites outer = db.bulkWrites()) {
                assertThat(writeDelay()).isEqualTo(Integer.MAX_VALUE);
                try (Database.BulkWrites inner = db.bulkWrites()) {
                    assertThat(writeDelay()).isEqualTo(Integer.MAX_VALUE);
                }
                assertThat(writeDelay()).as("the outer bulk write still runs").isEqualTo(Integer.MAX_VALUE);
            }
            assertThat(writeDelay()).isZero();
        }
    }
}
