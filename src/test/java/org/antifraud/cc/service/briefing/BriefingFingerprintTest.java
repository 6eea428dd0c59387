package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.junit.jupiter.api.Test;

/** Every slide's footer prints the audit trail's fingerprint beside the page number, inside the slide (ADR 0027). */
@IntegrationTest
class BriefingFingerprintTest {
    @Test
    void everyFooterCarriesTheAuditFingerprintAndItFits() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck plain = f.deck(Lang.EN, SlideKind.all());
            Deck deck = new Deck(plain.query(), plain.locale(), plain.slides(), plain.classification(), plain.dataAsOf(),
                    plain.data(), plain.narrative(), "#1234 ab12-cd34-ef56-7890");
            for (int i = 0; i < deck.size(); i++) {
                RecordingSurface s = new RecordingSurface();
                f.painter.paint(deck.withSlides(deck.slides()), i, s, SlidePalette.LIGHT);

                assertThat(s.strings()).as("slide %d", i + 1).contains("audit #1234 ab12-cd34-ef56-7890");
                RecordingSurface.Drawn fp = s.texts.stream().filter(t -> t.text().startsWith("audit #")).findFirst()
                        .orElseThrow();
                RecordingSurface.Drawn page = s.texts.stream().filter(t -> t.text().endsWith(" / " + deck.size()))
                        .findFirst().orElseThrow();
                assertThat(fp.x() + s.width(fp.text(), fp.size(), fp.bold())).as("left of the page number")
                        .isLessThan(page.x());
                assertThat(fp.size()).isGreaterThanOrEqualTo(SlidePainter.MIN_TEXT);
            }
        }
    }
}
