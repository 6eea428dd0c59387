package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.antifraud.cc.domain.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code --db} address of a shared PostgreSQL: what is read from it, and what is refused with the text named. */
class SharedDatabaseTest {
    @Test
    void readsHostPortDatabaseAndUser() {
        SharedDatabase db = SharedDatabase.parse("postgresql://db.hq.local:6543/command_center?user=ops_li");

        assertThat(db).isEqualTo(new SharedDatabase("db.hq.local", 6543, "command_center", "ops_li"));
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.hq.local:6543/command_center?reWriteBatchedInserts=true");
        assertThat(db).hasToString("postgresql://db.hq.local:6543/command_center?user=ops_li");
    }

    @Test
    void thePortIsPostgreSqlsOwnWhenLeftOut() {
        assertThat(SharedDatabase.parse("postgresql://10.0.0.5/cc?user=viewer1").port()).isEqualTo(5432);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://host/cc", // no user
        "postgresql://li:secret@host/cc?user=li", // a password in the address
        "postgresql://host/cc?user=li&password=secret", // a password as a parameter
        "postgresql:///cc?user=li", // no host
        "postgresql://host/?user=li", // no database
        "postgresql://host/c;drop?user=li",
        "mysql://host/cc?user=li",
        "jdbc:postgresql://host/cc?user=li",
        "not an address"})
    void anythingElseIsRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> SharedDatabase.parse(text)).isInstanceOf(Problem.class)
                .hasMessageContaining(text).hasMessageContaining("postgresql://HOST[:PORT]/DB?user=NAME");
    }
}
