package org.antifraud.cc.ui.entry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.exchange.PackageService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Field-station packages from the Data entry page (what {@code export-package} and {@code import-package} do):
 * a zip chosen, written or merged off the FX thread, and the outcome told in a dialog — for an import the new,
 * updated and unchanged records, and every conflict, left as it is here for a person to decide.
 */
public final class PackageViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PackageViewModel.class);
    /** Conflicts listed in the dialog before the rest are only counted. */
    static final int CONFLICTS_LISTED = 50;

    private final PackageService packages;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final FileChooserService files;
    private final DialogService dialogs;
    private final Supplier<String> operator;
    private final Clock clock;
    private final Runnable onImported;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param operator   who the package names as its maker (the audit trail's operator)
     * @param onImported called on the FX thread after a package changed records here
     */
    public PackageViewModel(PackageService packages, UiExecutor executor, Appearance appearance,
                            FileChooserService files, DialogService dialogs, Supplier<String> operator, Clock clock,
                            Runnable onImported) {
        this.packages = packages;
        this.executor = executor;
        this.appearance = appearance;
        this.files = files;
        this.dialogs = dialogs;
        this.operator = operator;
        this.clock = clock;
        this.onImported = onImported;
    }

    /** Asks where to write this workstation's package and writes it; false when the user backed out or it is busy. */
    public boolean exportPackage() {
        if (busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> out = files.save(i18n.get("package.export.title"), "station-" + LocalDate.now(clock) + ".zip",
                i18n.get("package.filter"), "*.zip");
        if (out.isEmpty()) {
            return false;
        }
        Path target = out.get();
        busy.set(true);
        executor.runLong(() -> packages.export(target, operator.get()), records -> {
            busy.set(false);
            dialogs.info(i18n.get("package.export.title"), i18n.get("package.exported", records, target.getFileName()));
        }, error -> {
            busy.set(false);
            failed(i18n.get("package.export.title"), target, error);
        });
        return true;
    }

    /** Asks for a package and merges it into this workstation's records; false when the user backed out or busy. */
    public boolean importPackage() {
        if (busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> in = files.open(i18n.get("package.import.title"), i18n.get("package.filter"), "*.zip");
        if (in.isEmpty()) {
            return false;
        }
        Path file = in.get();
        busy.set(true);
        executor.runLong(() -> packages.importPackage(file), result -> {
            busy.set(false);
            report(file, result);
        }, error -> {
            busy.set(false);
            failed(i18n.get("package.import.title"), file, error);
        });
        return true;
    }

    private void report(Path file, PackageService.Result r) {
        I18n i18n = appearance.i18n();
        String title = i18n.get("package.import.title");
        if (!r.problems().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add(i18n.get("package.rejected", file.getFileName(), r.problems().size()));
            lines.addAll(r.problems());
            dialogs.error(title, String.join("\n", lines));
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(i18n.get("package.imported", file.getFileName(), r.added(), r.updated(), r.unchanged(),
                r.auditEntries()));
        var declared = r.submissions();
        if (declared.added() + declared.updated() + declared.unchanged() > 0) {
            lines.add(i18n.get("package.submissions", declared.added(), declared.updated(), declared.unchanged()));
        }
        if (!r.conflicts().isEmpty()) {
            lines.add("");
            lines.add(i18n.get("package.conflicts", r.conflicts().size()));
            r.conflicts().stream().limit(CONFLICTS_LISTED).forEach(c -> lines.add(i18n.get("package.conflict",
                    i18n.get("entry.kind." + c.kind().code()), c.key(), String.join(", ", c.fields()))));
            if (r.conflicts().size() > CONFLICTS_LISTED) {
                lines.add(i18n.get("package.conflicts_more", r.conflicts().size() - CONFLICTS_LISTED));
            }
            dialogs.error(title, String.join("\n", lines));
        } else {
            dialogs.info(title, String.join("\n", lines));
        }
        if (r.added() + r.updated() > 0) {
            onImported.run();
        }
    }

    private void failed(String title, Path file, Throwable error) {
        I18n i18n = appearance.i18n();
        if (error instanceof Problem p) {
            dialogs.error(title, i18n.problem(p));
        } else {
            LOG.error("field-station package {} failed", file, error);
            dialogs.error(title, i18n.get("package.failed", file.getFileName()));
        }
    }

    /** Writing or merging a package. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
