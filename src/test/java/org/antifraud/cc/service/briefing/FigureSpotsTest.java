package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.ProvinceGrid;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.Trend;
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
            List<FigureSpot> totals = dens.spots.stream().filter(spot -> spot.period() == null).toList();
            assertThat(totals).extracting(FigureSpot::indicator).containsExactly(DashboardService.DENS);
            assertThat(dens.textsIn(totals.getFirst())).anySatisfy(t -> assertThat(t).contains("1,800"));

            SpotSurface warnings = paint(f, deck, SlideKind.WARNINGS);
            List<FigureSpot> channels = warnings.spots.stream().filter(spot -> spot.period() == null).toList();
            assertThat(channels).extracting(FigureSpot::indicator)
                    .containsExactlyElementsOf(DashboardService.WARNING_CHANNELS);
            assertThat(channels).allSatisfy(spot -> {
                assertThat(spot.regionCode()).isEqualTo("CN");
                assertThat(warnings.textsIn(spot)).as("the channel's name and its figure").hasSizeGreaterThanOrEqualTo(2);
            });
        }
    }

    /** The known, non-zero pieces of {@code trend}'s bars whose series leads somewhere (not "other provinces"). */
    private static int pieces(Trend trend) {
        int n = 0;
        for (Trend.Series series : trend.series()) {
            if (Trend.OTHER.equals(series.key())) {
                continue;
            }
            for (var value : series.values()) {
                if (value.isKnown() && value.value().signum() > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void eachPieceOfABarIsASpotOfItsMonthAndItsZoneOrChannelNamedForAScreenReader() {
        try (DeckFixture f = new DeckFixture(true)) {
            Deck deck = f.deck(Lang.EN, SlideKind.all());
            Trend denTrend = deck.data().denTrend();
            assertThat(pieces(denTrend)).as("the demo's den bars").isPositive();
            List<FigureSpot> denBars = paint(f, deck, SlideKind.DENS).spots.stream()
                    .filter(spot -> spot.period() != null).toList();
            assertThat(denBars).hasSize(pieces(denTrend));
            Set<String> zones = denTrend.series().stream().map(Trend.Series::key).collect(Collectors.toSet());
            assertThat(denBars).allSatisfy(spot -> {
                assertThat(spot.indicator()).isEqualTo(DashboardService.DENS);
                assertThat(zones).contains(spot.regionCode());
                assertThat(spot.regionCode()).isNotEqualTo(Trend.OTHER);
                assertThat(denTrend.buckets()).contains(spot.period());
                assertThat(spot.campaign()).isNull();
                String zone = f.catalog.region(spot.regionCode()).orElseThrow().name(Lang.EN);
                assertThat(spot.label()).contains("dens", zone);
            });
            // a bar of each month: its pieces share the month's column
            assertThat(denBars.stream().map(FigureSpot::period).collect(Collectors.toSet()))
                    .hasSizeGreaterThan(1);

            Trend warningTrend = deck.data().warnings();
            List<FigureSpot> warningBars = paint(f, deck, SlideKind.WARNINGS).spots.stream()
                    .filter(spot -> spot.period() != null).toList();
            assertThat(warningBars).hasSize(pieces(warningTrend));
            assertThat(warningBars).allSatisfy(spot -> {
                assertThat(DashboardService.WARNING_CHANNELS).contains(spot.indicator());
                assertThat(spot.regionCode()).isEqualTo("CN");
                assertThat(warningTrend.buckets()).contains(spot.period());
            });
        }
    }

    @Test
    void eachCampaignRowIsASpotOfItsIndicatorInItsOwnPeriodAndCampaign() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.ZH, SlideKind.all());
            List<CampaignRow> rows = deck.data().campaigns().stream()
                    .filter(r -> r.achieved().isKnown() || r.target() != null).limit(9).toList();
            assertThat(rows).as("the report's campaigns").isNotEmpty();
            SpotSurface s = paint(f, deck, SlideKind.CAMPAIGNS);
            assertThat(s.spots).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                CampaignRow row = rows.get(i);
                FigureSpot spot = s.spots.get(i);
                assertThat(spot.indicator()).isEqualTo(row.indicator().code());
                assertThat(spot.campaign()).isEqualTo(row.campaign().code());
                assertThat(spot.period()).isEqualTo(row.period());
                assertThat(spot.regionCode()).isEqualTo("CN");
                // the campaign's name is drawn inside its row's spot
                assertThat(s.textsIn(spot)).anySatisfy(t -> assertThat(row.campaign().name(Lang.ZH)).startsWith(
                        t.replace("\u2026", "")));
                assertThat(spot.label()).contains(row.campaign().name(Lang.ZH));
            }
        }
    }
}
