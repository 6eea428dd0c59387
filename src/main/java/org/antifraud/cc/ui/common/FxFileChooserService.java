package org.antifraud.cc.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's file dialogs over the main window; the folder last used is offered next time. */
public final class FxFileChooserService implements FileChooserService {
    private final Supplier<Window> owner;
    private File lastFolder;

    public FxFileChooserService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> open(String title, String filter, String... patterns) {
        return remember(chooser(title, filter, patterns).showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> save(String title, String initialName, String filter, String... patterns) {
        FileChooser chooser = chooser(title, filter, patterns);
        chooser.setInitialFileName(initialName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    private FileChooser chooser(String title, String filter, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, List.of(patterns)));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
