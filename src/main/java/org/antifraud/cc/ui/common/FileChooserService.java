package org.antifraud.cc.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** How ViewModels ask the user for a file to read or write. Faked in tests (they hand over a file). */
public interface FileChooserService {
    /**
     * A file to read, or empty when the user backs out.
     *
     * @param filter   the filter's description ("CSV files")
     * @param patterns its patterns ("*.csv")
     */
    Optional<Path> open(String title, String filter, String... patterns);

    /** A file to write (the user confirmed replacing one that exists), or empty when the user backs out. */
    Optional<Path> save(String title, String initialName, String filter, String... patterns);
}
