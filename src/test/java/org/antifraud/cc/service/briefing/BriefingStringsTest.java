package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.antifraud.cc.domain.Lang;
import org.junit.jupiter.api.Test;

/**
 * The briefing's words live in the resource bundles, not in its code: a Chinese string in a slide, the narrative or
 * the Markdown is a key of {@code messages_zh.properties} with its English twin (I18nKeysTest checks that both exist).
 */
class BriefingStringsTest {
    private static final Path SOURCES = Path.of("src/main/java/org/antifraud/cc/service/briefing");
    /** A string or char literal, escapes included. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)+'");
    private static final Pattern KEY = Pattern.compile("\"((?:slide|narrative|markdown|deck)\\.[a-z0-9_.]+)\"");
    /**
     * Not words: the Chinese way of writing numbers (万, 亿, 余, as the reports write figures) and the closing
     * punctuation a line may not start with (a rule of typesetting).
     */
    private static final Set<String> NOT_WORDS = Set.of("NarrativeNumbers.java", "SlideText.java");

    private static boolean isChinese(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noChineseWordIsWrittenInTheBriefingsCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            if (NOT_WORDS.contains(file.getFileName().toString())) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceFirst("^\\s*(\\*|/\\*\\*|/\\*|//).*", "").replaceFirst("//.*$", "");
                Matcher m = LITERAL.matcher(code);
                while (m.find()) {
                    if (isChinese(m.group())) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(sources()).hasSizeGreaterThan(10); // the folder was found: the check saw the code
        assertThat(found).as("Chinese literals outside the bundles").isEmpty();
    }

    @Test
    void theCheckWouldSeeAChineseLiteral() {
        Matcher m = LITERAL.matcher("String s = zh ? \"含演示数据\" : \"demo\"; char c = '，';");
        List<String> literals = new ArrayList<>();
        while (m.find()) {
            literals.add(m.group());
        }
        assertThat(literals.stream().filter(BriefingStringsTest::isChinese)).containsExactly("\"含演示数据\"", "'，'");
    }

    @Test
    void everyBriefingKeyInTheBundlesIsUsedAndIsAValidPattern() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : sources()) {
            Matcher m = KEY.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        SlideKind.all().forEach(k -> used.add("slide.title." + k.code()));
        for (Locale lang : List.of(Lang.ZH, Lang.EN)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", lang,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Set<String> ours = new TreeSet<>(Collections.list(bundle.getKeys()).stream()
                    .filter(k -> KEY.matcher("\"" + k + "\"").matches()).toList());
            assertThat(ours).as("%s briefing keys", lang).hasSizeGreaterThan(100);
            assertThat(used).as("%s: keys no code reads", lang).containsAll(ours);
            for (String key : ours) {
                String pattern = bundle.getString(key);
                // an apostrophe would quote the rest of a MessageFormat pattern away
                assertThat(pattern).as("%s %s", lang, key).doesNotContain("'");
                new MessageFormat(pattern, lang); // throws on a malformed pattern
            }
        }
    }
}
