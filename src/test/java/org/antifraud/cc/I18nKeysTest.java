package org.antifraud.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Role;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.csv.CsvProblem;
import org.antifraud.cc.ui.common.I18n;
import org.junit.jupiter.api.Test;

/** Every key used in FXML and code exists in Chinese and in English, and the two bundles have the same keys. */
class I18nKeysTest {
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:i18n\\(\\)\\.get|i18n\\.get|\\.getString|getOrDefault)\\(\\s*\"([a-z0-9_.\\-]+)\"");
    private static final Pattern PROBLEM_KEY = Pattern.compile("new Problem\\(\\s*\"([a-z0-9_]+)\"");
    /** The briefing's words (service/briefing/BriefingWords): every literal naming one of their keys. */
    private static final Pattern BRIEFING_KEY = Pattern.compile("\"((?:slide|narrative|markdown|deck)\\.[a-z0-9_.]+)\"");

    private static Set<String> keys(Set<String> into, Path root, String suffix, Pattern pattern, String prefix)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).endsWith(".")) {
                        continue; // a dynamic key ("basis." + code): its values are enumerated below
                    }
                    into.add(prefix + m.group(1));
                }
            }
        }
        return into;
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        keys(used, Path.of("fxml"), ".fxml", FXML_KEY, "");
        keys(used, Path.of("src/main/java"), ".java", CODE_KEY, "");
        keys(used, Path.of("src/main/java"), ".java", PROBLEM_KEY, "problem.");
        keys(used, Path.of("src/main/java"), ".java", BRIEFING_KEY, "");
        for (SlideKind k : SlideKind.values()) {
            used.add("slide.title." + k.code());
        }
        for (Basis b : Basis.values()) {
            used.add("basis." + b.code());
            used.add("basis.short." + b.code());
        }
        for (IndicatorCategory c : IndicatorCategory.values()) {
            used.add("category." + c.name().toLowerCase(Locale.ROOT));
        }
        for (AlertGrain g : AlertGrain.values()) {
            used.add("alerts.grain." + g.code());
        }
        for (AlertKind k : AlertKind.values()) {
            used.add("alerts.kind." + k.code());
        }
        for (Role r : Role.values()) {
            used.add("role." + r.code()); // WriteAccess.roleName
        }
        for (CsvProblem.Kind k : CsvProblem.Kind.values()) {
            used.add(k.key());
        }
        return used;
    }

    @Test
    void theScanFindsKeysAtAll() throws IOException {
        assertThat(usedKeys()).contains("nav.dashboard", "dashboard.period.invalid", "problem.unknown_region",
                "basis.reported", "category.crackdown", "slide.title.headline", "slide.filters",
                "narrative.suspects_arrested.change", "narrative.change_after.up", "markdown.key_figures",
                "deck.period.quarter");
    }

    /**
     * The keys a bundle's own file holds. {@code I18n.bundle(ZH).keySet()} would include every English key through
     * the parent bundle, so a key missing from the Chinese file would pass unseen (and show English on screen).
     */
    private static Set<String> ownKeys(Locale lang) throws IOException {
        String file = "/" + I18n.BUNDLE.replace('.', '/') + (lang.equals(Lang.EN) ? "" : "_" + lang.getLanguage())
                + ".properties";
        try (InputStream in = I18nKeysTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return new TreeSet<>(new PropertyResourceBundle(in).keySet());
        }
    }

    @Test
    void everyUsedKeyExistsInChineseAndEnglish() throws IOException {
        Set<String> zh = ownKeys(Lang.ZH);
        Set<String> en = ownKeys(Lang.EN);
        assertThat(zh).as("Chinese bundle").containsAll(usedKeys());
        assertThat(en).as("English bundle").containsAll(usedKeys());
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(ownKeys(Lang.ZH)).isEqualTo(ownKeys(Lang.EN));
    }

    @Test
    void chineseReallyIsChinese() {
        assertThat(new I18n(Lang.ZH).get("nav.dashboard")).isEqualTo("态势总览");
        assertThat(new I18n(Lang.EN).get("nav.dashboard")).isEqualTo("Dashboard");
    }
}
