package org.antifraud.cc.app.cli;

/** 0 success, 2 bad input (the user can put it right), 1 an unexpected failure. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
