package org.antifraud.cc.app;

import javafx.application.Platform;

/** Starting the JavaFX toolkit for work that shows no window (the snapshot command). */
final class FxPlatform {
    static final String GLASS_PLATFORM = "glass.platform";
    static final String PRISM_ORDER = "prism.order";

    private FxPlatform() {
    }

    /**
     * JavaFX's own Headless glass platform with the software renderer: no display, no Xvfb. A platform the
     * user chose with {@code -Dglass.platform=…} is kept. Must run before the toolkit starts.
     */
    static void preferHeadless() {
        if (System.getProperty(GLASS_PLATFORM) == null) {
            System.setProperty(GLASS_PLATFORM, "Headless");
            if (System.getProperty(PRISM_ORDER) == null) {
                System.setProperty(PRISM_ORDER, "sw");
            }
        }
    }

    /** Whether the toolkit runs on JavaFX's Headless glass platform (tests, snapshots): no real screen. */
    static boolean isHeadless() {
        return "Headless".equalsIgnoreCase(System.getProperty(GLASS_PLATFORM));
    }

    /**
     * Starts the toolkit. False when it was already running in this JVM (a test's): then it is not ours to
     * exit. Closing the last window does not exit a toolkit started here; the caller calls {@link Platform#exit()}.
     */
    static boolean start() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        Platform.setImplicitExit(false);
        return true;
    }
}
