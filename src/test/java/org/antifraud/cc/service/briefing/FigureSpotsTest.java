package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.ProvinceGrid;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.service.figures.DashboardService;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a painted slide tells its surface where each figure is and which one it is, so that the screen can drill
 * from it; the spot covers what was drawn for that figure.
 */
@IntegrationTest
class FigureSpotsTest {

    /** Paints as {@link RecordingSurface} and keeps the spots told. */
    private static final class SpotSurface implements SlideSurface {
        final RecordingSurface drawn = new RecordingSurface();
        final List<FigureSpot> spots = new ArrayList<>();

        @Override
        public void fill(double x, double y, double w, double h, int rgb) {
            drawn.fill(x, y, w, h, rgb);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, int rgb) {
        }

        @Override
        public void text(String text, double x, double baseline, double size, boolean bold, int rgb) {
            drawn.text(text, x, baseline, size, bold, rgb);
        }

        @Override
        public double width(String text, double size, boolean bold) {
            return drawn.width(text, size, bold);
        }

        @Override
        public void figure(FigureSpot spot) {
            spots.add(spot);
        }

        /** The texts drawn with their baseline's start inside {@code spot}. */
        List<String> textsIn(FigureSpot spot) {
            return drawn.texts.stream().filter(t -> spot.contains(t.x(), t.baseline() - 1)
                            && t.x() < spot.x() + spot.w() - 0.5)
                    .map(RecordingSurface.Drawn::text).toList();
        }
    }

    private static SpotSurface paint(DeckFixture f, Deck deck, SlideKind kind) {
        SpotSurface s = new SpotSurface();
        f.painter.paint(deck, deck.slides().indexOf(kind), s, SlidePalette.DARK);
        return s;
    }

    @Test
    void eachKpiTileIsASpotOfItsIndicatorInTheDecksRegion() {
        try (DeckFixture f = new DeckFixture(true)) {
            Deck deck = f.deck(Lang.EN, SlideKind.all());
            SpotSurface s = paint(f, deck, SlideKind.HEADLINE);
            List<String> tiles = KpiTiles.stats(deck, List.of("suspects_arrested", "cases_registered", "property_loss",
                    "dens_destroyed", "ringleaders_arrested", "cases_solved", "persons_dissuaded", "funds_intercepted"))
                    .stream().map(st -> st.indicator().code()).toList();
            assertThat(s.spots).extracting(FigureSpot::indicator).containsExactlyElementsOf(tiles);
            assertThat(s.spots).allSatisfy(spot -> {
                assertThat(spot.regionCode()).isEqualTo("CN");
                // the indicator's name is drawn inside its spot
                assertThat(s.textsIn(spot)).anySatisfy(t -> assertThat(t).isNotBlank());
            });
        }
    }

    @Test
    void theRegionsSlideMakesEveryProvinceTileAndEachZonesFiguresSpots() {
        try (DeckFixture f = new DeckFixture(true)) {
            Deck deck = f.deck(Lang.ZH, SlideKind.all());
            SpotSurface s = paint(f, deck, SlideKind.REGIONS);
            Set<String> provinces = s.spots.stream().filter(spot -> spot.regionCode().startsWith("CN-"))
                    .map(FigureSpot::regionCode).collect(Collectors.toSet());
            assertThat(provinces).isEqualTo(ProvinceGrid.CELLS.keySet());
            assertThat(s.spots).filteredOn(spot -> spot.regionCode().startsWith("CN-"))
                    .allSatisfy(spot -> assertThat(spot.indicator()).isEqualTo(DashboardService.DENS));
            for (RegionStats zone : deck.data().zones()) {
                assertThat(s.spots).filteredOn(spot -> spot.regionCode().equals(zone.regionCode()))
                        .extracting(FigureSpot::indicator).containsExactly(DashboardService.DENS, "suspects_arrested");
            }
        }
    }

    @Test
    void everyFigureOfTheNarrativeSlideIsASpotOverItsOwnWords() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.ZH, SlideKind.all());
            SpotSurface s = paint(f, deck, SlideKind.NARRATIVE);
            Set<String> claimed = deck.narrative().paragraphs().stream().flatMap(p -> p.parts().stream())
                    .filter(Narrative.Claim.class::isInstance).map(c -> ((Narrative.Claim) c).stat())
                    .map(IndicatorStat::indicator).map(i -> i.code()).collect(Collectors.toSet());
            assertThat(claimed).isNotEmpty();
            assertThat(s.spots.stream().map(FigureSpot::indicator).collect(Collectors.toSet())).isEqualTo(claimed);
            String claims = deck.narrative().paragraphs().stream().flatMap(p -> p.parts().stream())
                    .filter(Narrative.Claim.class::isInstance).map(Narrative.Part::text).collect(Collectors.joining("\n"));
            assertThat(s.spots).allSatisfy(spot -> {
                assertThat(spot.regionCode()).isEqualTo("CN");
                List<String> inside = s.textsIn(spot);
                assertThat(inside).as("the words of a figure under its spot").hasSize(1);
                assertThat(claims).contains(inside.getFirst().strip());
            });
        }
    }

    @Test
    void theDensTotalAndEachWarningChannelsFigureAreSpotsOverTheirNumbers() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.EN, SlideKind.all());
            SpotSurface dens = paint(f, deck, SlideKind.DENS);
            assertThat(dens.spots).extracting(FigureSpot::indicator).containsExactly(DashboardService.DENS);
            assertThat(dens.textsIn(dens.spots.getFirst())).anySatisfy(t -> assertThat(t).contains("1,800"));

            SpotSurface warnings = paint(f, deck, SlideKind.WARNINGS);
            assertThat(warnings.spots).extracting(FigureSpot::indicator)
                    .containsExactlyElementsOf(DashboardService.WARNING_CHANNELS);
            assertThat(warnings.spots).allSatisfy(spot -> {
                assertThat(spot.regionCode()).isEqualTo("CN");
                assertThat(warnings.textsIn(spot)).as("the channel's name and its figure").hasSizeGreaterThanOrEqualTo(2);
            });
        }
    }
}
