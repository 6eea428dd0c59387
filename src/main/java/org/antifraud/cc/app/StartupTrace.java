package org.antifraud.cc.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;

/**
 * Milestones of the desktop start-up in milliseconds since the JVM started, logged as one line once the
 * dashboard's first figures are in ("start-up: 312 ms main, …"). How the phases in docs/performance.md
 * were measured; a few list appends otherwise.
 */
final class StartupTrace {
    private static final List<String> MARKS = new ArrayList<>();

    private StartupTrace() {
    }

    static void mark(String milestone) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        synchronized (MARKS) {
            MARKS.add(ms + " ms " + milestone + " [" + Thread.currentThread().getName() + "]");
        }
    }

    /** Logs the milestones so far as one line, and forgets them. */
    static void log(Logger log) {
        synchronized (MARKS) {
            log.info("start-up: {}", String.join(", ", MARKS));
            MARKS.clear();
        }
    }
}
