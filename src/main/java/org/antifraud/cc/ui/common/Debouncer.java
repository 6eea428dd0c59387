package org.antifraud.cc.ui.common;

/** Runs an action once things have been quiet for a while: each {@link #poke} restarts the wait. Faked in tests. */
public interface Debouncer {
    void poke(Runnable action);

    /** A debouncer that runs the action at once (tests, and where no wait is wanted). */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
