package org.antifraud.cc.ui.common;

/** How ViewModels talk to the user: confirmations and short messages. Faked in tests. */
public interface DialogService {
    boolean confirm(String title, String message);

    void info(String title, String message);

    void error(String title, String message);
}
