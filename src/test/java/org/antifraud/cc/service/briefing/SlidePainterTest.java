package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.junit.jupiter.api.Test;

/** What each slide says, on the report's dataset: filters, footer, the report's figures, and demo data marked. */
@IntegrationTest
class SlidePainterTest {

    private static RecordingSurface paint(DeckFixture f, Deck deck, int index) {
        RecordingSurface s = new RecordingSurface();
        f.painter.paint(deck, index, s, SlidePalette.LIGHT);
        return s;
    }

    @Test
    void everySlideStatesItsFiltersAndCarriesTheFooter() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.ZH, SlideKind.all());
            for (int i = 0; i < deck.size(); i++) {
                RecordingSurface s = paint(f, deck, i);
                assertThat(s.strings()).as("slide %d", i + 1).contains("内部资料 注意保密", (i + 1) + " / 10",
                        "2022年 · 全国 · 数据截至 2022-12-31");
                if (deck.slides().get(i) != SlideKind.TITLE) {
                    assertThat(s.strings()).contains("期间：2022年    地区：全国    专项行动：全部");
                }
                // readable from the back of the room
                assertThat(s.texts).allSatisfy(t -> assertThat(t.size()).isGreaterThanOrEqualTo(SlidePainter.MIN_TEXT));
                assertThat(s.texts).allSatisfy(t -> assertThat(t.x() + s.width(t.text(), t.size(), t.bold()))
                        .as(t.text()).isLessThanOrEqualTo(SlideSurface.WIDTH));
            }
        }
    }

    @Test
    void englishNamesAreLongerAndStillFitTheSlide() {
        try (DeckFixture f = new DeckFixture(true)) {
            Deck deck = f.deck(Lang.EN, SlideKind.all());
            for (int i = 0; i < deck.size(); i++) {
                int slide = i + 1;
                RecordingSurface s = paint(f, deck, i);
                assertThat(s.strings()).as("slide %d", slide).contains(slide + " / 10");
                assertThat(s.texts).allSatisfy(t -> assertThat(t.size()).isGreaterThanOrEqualTo(SlidePainter.MIN_TEXT));
                assertThat(s.texts).allSatisfy(t -> assertThat(t.x() + s.width(t.text(), t.size(), t.bold()))
                        .as("slide %d: %s", slide, t.text()).isLessThanOrEqualTo(SlideSurface.WIDTH));
            }
        }
    }

    /** Where a text's ink goes: from its left to its measured width, from the cap height to the descender. */
    private static double[] ink(RecordingSurface s, RecordingSurface.Drawn t) {
        return new double[]{t.x(), t.baseline() - 0.72 * t.size(), t.x() + s.width(t.text(), t.size(), t.bold()),
                t.baseline() + 0.2 * t.size()};
    }

    @Test
    void noTwoTextsOfASlideCoverEachOtherInEitherLanguage() {
        List<String> overlaps = new ArrayList<>();
        for (Locale lang : List.of(Lang.ZH, Lang.EN)) {
            try (DeckFixture f = new DeckFixture(true)) {
                Deck deck = f.deck(lang, SlideKind.all());
                for (int i = 0; i < deck.size(); i++) {
                    RecordingSurface s = paint(f, deck, i);
                    List<RecordingSurface.Drawn> texts = s.texts.stream().filter(t -> !t.text().isBlank()).toList();
                    for (int a = 0; a < texts.size(); a++) {
                        double[] p = ink(s, texts.get(a));
                        for (int b = a + 1; b < texts.size(); b++) {
                            double[] q = ink(s, texts.get(b));
                            if (Math.min(p[2], q[2]) - Math.max(p[0], q[0]) > 1
                                    && Math.min(p[3], q[3]) - Math.max(p[1], q[1]) > 1) {
                                overlaps.add(lang + " slide " + (i + 1) + ": \"" + texts.get(a).text() + "\" and \""
                                        + texts.get(b).text() + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(overlaps).isEmpty();
    }

    @Test
    void theFiguresOfAKpiSlideShareOneSizeAndALongOneWrapsRatherThanShrinks() {
        try (DeckFixture f = new DeckFixture(true)) {
            Deck deck = f.deck(Lang.EN, List.of(SlideKind.HEADLINE, SlideKind.INTERCEPTION));
            for (int i = 0; i < deck.size(); i++) {
                RecordingSurface s = paint(f, deck, i);
                // the figures: bold, large, below the slide's title
                List<Double> figureSizes = s.texts.stream().filter(t -> t.bold() && t.baseline() > SlidePainter.CONTENT_TOP)
                        .map(RecordingSurface.Drawn::size).filter(size -> size >= 44).distinct().toList();
                assertThat(figureSizes).as("slide %d: the figures' sizes", i + 1).hasSize(1);
            }
        }
    }

    @Test
    void theHeadlineSlideShowsTheReportedChangesAsChangesAndTheDensAsMoreThan() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.ZH, List.of(SlideKind.HEADLINE));
            RecordingSurface s = paint(f, deck, 0);
            assertThat(s.strings()).contains("▲64.4%", "▼17.3%", "▼1.3%", "1800余", "240", "依据：报告原文")
                    .doesNotContain("含演示数据");
            assertThat(f.painter.showsDemo(deck, 0)).isFalse();

            Deck en = f.deck(Lang.EN, List.of(SlideKind.HEADLINE, SlideKind.INTERCEPTION));
            // a long figure wraps rather than shrinks: its words, on one line or two
            assertThat(paint(f, en, 0).strings()).contains("▲64.4%");
            assertThat(String.join(" ", paint(f, en, 0).strings())).contains("more than 1,800");
            assertThat(paint(f, en, 1).strings()).contains("110 million", "1.82 billion", "2.15 billion");
        }
    }

    @Test
    void demoFiguresAreMarkedOnTheSlideAndTheSlideCarriesTheBadge() {
        try (DeckFixture f = new DeckFixture(true)) {
            Deck deck = f.deck(Lang.EN, List.of(SlideKind.HEADLINE, SlideKind.REGIONS, SlideKind.TITLE));
            RecordingSurface headline = paint(f, deck, 0);
            assertThat(headline.strings()).contains("Contains demo data", "DEMO DATA");
            assertThat(f.painter.showsDemo(deck, 0)).isTrue();
            assertThat(f.painter.showsDemo(deck, 1)).isTrue();
            assertThat(paint(f, deck, 2).strings()).doesNotContain("Contains demo data");
        }
    }

    @Test
    void theNarrativeSlideTellsTheNarrative() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.ZH, List.of(SlideKind.NARRATIVE));
            String painted = String.join("", paint(f, deck, 0).strings());
            assertThat(painted).contains("抓获犯罪嫌疑人同比上升64.4%", "拦截诈骗电话18.2亿次", "捣毁诈骗窝点1800余个");
        }
    }

    @Test
    void slidesAreNamedByCodeInTheOrderGivenAndUnknownOnesAreRefused() {
        assertThat(SlideKind.parse("title, narrative,headline")).containsExactly(SlideKind.TITLE, SlideKind.NARRATIVE,
                SlideKind.HEADLINE);
        assertThat(SlideKind.parse("all")).hasSize(10);
        assertThatThrownBy(() -> SlideKind.parse("title,charts")).isInstanceOf(Problem.class)
                .hasMessageContaining("charts");
    }
}
