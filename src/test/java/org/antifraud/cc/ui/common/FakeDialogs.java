package org.antifraud.cc.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Dialogs for ViewModel tests: a confirmation answers {@link #answer}; every message shown or asked is kept. */
public final class FakeDialogs implements DialogService {
    /** What the next confirmations answer. */
    public boolean answer = true;
    /** The messages of the confirmations asked, in order. */
    public final List<String> asked = new ArrayList<>();
    /** The messages shown as information, in order. */
    public final List<String> infos = new ArrayList<>();
    /** The messages shown as errors, in order. */
    public final List<String> errors = new ArrayList<>();
    /** The last message asked or shown, or null. */
    public String lastMessage;

    @Override
    public boolean confirm(String title, String message) {
        asked.add(message);
        lastMessage = message;
        return answer;
    }

    @Override
    public void info(String title, String message) {
        infos.add(message);
        lastMessage = message;
    }

    @Override
    public void error(String title, String message) {
        errors.add(message);
        lastMessage = message;
    }
}
