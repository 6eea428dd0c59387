package org.antifraud.cc.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleBooleanProperty;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;

/** The setting "late after N days" (issue 12): 1 – 60, 10 by default, kept when valid, a localized message when not. */
class LateAfterDaysSettingTest {
    private final List<String> saved = new ArrayList<>();

    private SettingsViewModel viewModel(Locale lang, String stored) {
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.answer = false;
        SettingsViewModel vm = new SettingsViewModel(null, "/data", QueuedUiExecutor.immediate(),
                new Appearance(lang, Theme.DARK), dialogs, new SimpleBooleanProperty(false), () -> { });
        vm.useLateAfterDays(stored, saved::add);
        return vm;
    }

    @Test
    void tenDaysByDefaultAndWhenTheStoredValueIsUnreadable() {
        assertThat(viewModel(Lang.EN, "").lateAfterDaysProperty().get()).isEqualTo(10);
        assertThat(viewModel(Lang.EN, "99").lateAfterDaysProperty().get()).isEqualTo(10);
        assertThat(viewModel(Lang.EN, "ten").lateAfterDaysTextProperty().get()).isEqualTo("10");
        assertThat(viewModel(Lang.EN, " 25 ").lateAfterDaysProperty().get()).isEqualTo(25);
    }

    @Test
    void aValidNumberIsKeptAndRemembered() {
        SettingsViewModel vm = viewModel(Lang.EN, "");
        vm.lateAfterDaysTextProperty().set("15");
        assertThat(vm.saveLateAfterDays()).isTrue();
        assertThat(vm.lateAfterDaysProperty().get()).isEqualTo(15);
        assertThat(saved).containsExactly("15");
        assertThat(vm.lateAfterDaysErrorProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("15");
    }

    @Test
    void outOfRangeOrNotANumberIsRefusedWithALocalizedMessage() {
        SettingsViewModel vm = viewModel(Lang.EN, "12");
        for (String bad : List.of("0", "61", "1.5", "", "x")) {
            vm.lateAfterDaysTextProperty().set(bad);
            assertThat(vm.saveLateAfterDays()).as(bad).isFalse();
            assertThat(vm.lateAfterDaysErrorProperty().get()).isEqualTo("Enter a whole number of days from 1 to 60");
        }
        assertThat(vm.lateAfterDaysProperty().get()).as("the last good value stays").isEqualTo(12);
        assertThat(saved).isEmpty();
        vm.lateAfterDaysTextProperty().set("60");
        assertThat(vm.lateAfterDaysErrorProperty().get()).as("typing clears the message").isNull();

        SettingsViewModel zh = viewModel(Lang.ZH, "");
        zh.lateAfterDaysTextProperty().set("0");
        zh.saveLateAfterDays();
        assertThat(zh.lateAfterDaysErrorProperty().get()).isEqualTo("请输入 1 至 60 之间的整数天数");
    }
}
