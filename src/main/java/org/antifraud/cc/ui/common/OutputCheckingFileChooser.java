package org.antifraud.cc.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.backup.OutputPaths;

/**
 * Every save dialog of the window, checked by the one output rule (issue 13): a file chosen in the data folder
 * (the database among them) is refused with its localized reason, as if the user had backed out.
 */
public final class OutputCheckingFileChooser implements FileChooserService {
    private final FileChooserService chooser;
    private final OutputPaths outputs;
    private final DialogService dialogs;
    private final Supplier<I18n> i18n;

    public OutputCheckingFileChooser(FileChooserService chooser, OutputPaths outputs, DialogService dialogs,
                                     Supplier<I18n> i18n) {
        this.chooser = chooser;
        this.outputs = outputs;
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    @Override
    public Optional<Path> open(String title, String filter, String... patterns) {
        return chooser.open(title, filter, patterns);
    }

    @Override
    public Optional<Path> save(String title, String initialName, String filter, String... patterns) {
        return chooser.save(title, initialName, filter, patterns).filter(this::allowed);
    }

    private boolean allowed(Path chosen) {
        try {
            outputs.check(chosen);
            return true;
        } catch (Problem p) {
            I18n words = i18n.get();
            dialogs.error(words.get("output.refused.title"), words.problem(p));
            return false;
        }
    }
}
