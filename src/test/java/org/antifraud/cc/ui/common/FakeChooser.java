package org.antifraud.cc.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** A file chooser for tests: it hands over the file the test chose instead of asking, and keeps what it was asked. */
public final class FakeChooser implements FileChooserService {
    /** What the next open dialog hands over; null as if the user closed it. */
    public volatile Path open;
    /** What the next save dialog hands over; null as if the user closed it. */
    public volatile Path save;
    /** The file name the last save dialog suggested. */
    public volatile String suggested;
    /** How many dialogs were shown. */
    public volatile int asked;

    /** Both dialogs hand over {@code file} from now on (null: both are closed). */
    public void handOver(Path file) {
        open = file;
        save = file;
    }

    @Override
    public Optional<Path> open(String title, String filter, String... patterns) {
        asked++;
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> save(String title, String initialName, String filter, String... patterns) {
        asked++;
        suggested = initialName;
        return Optional.ofNullable(save);
    }
}
