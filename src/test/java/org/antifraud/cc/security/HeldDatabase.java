package org.antifraud.cc.security;

import java.nio.file.Path;

import org.antifraud.cc.persistence.Database;

/** Main of a process that opens a data folder's database as the application does and holds it until stdin closes. */
final class HeldDatabase {
    static final String READY = "holding";

    private HeldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        String passphrase = System.getenv("CC_PASSPHRASE");
        try (Database db = Database.open(Path.of(args[0]), passphrase == null ? null : passphrase.toCharArray(), "")) {
            db.repositories().catalog().load();
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the database (and its server) until the test closes our standard input
            }
        }
    }
}
