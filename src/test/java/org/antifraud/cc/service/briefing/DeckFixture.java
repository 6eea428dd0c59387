package org.antifraud.cc.service.briefing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.StatsService;

/** A private in-memory database with the report's dataset (and, unless removed, the demo breakdown). */
public final class DeckFixture implements AutoCloseable {
    public static final Instant AS_OF = Instant.parse("2023-03-04T05:06:07Z");
    public final Database database;
    public final Catalog catalog;
    public final DeckService decks;
    public final SlidePainter painter;
    public final DatasetService datasets;

    public DeckFixture(boolean withDemo) {
        database = Database.openUrl("jdbc:h2:mem:deck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        datasets = new DatasetService(database, Clock.fixed(AS_OF, ZoneOffset.UTC));
        datasets.initialiseIfNew();
        if (!withDemo) {
            datasets.removeDemo();
        }
        catalog = database.repositories().catalog().load();
        StatsService stats = new StatsService(database, catalog);
        decks = new DeckService(new DashboardService(database, catalog), new NarrativeService(stats, catalog));
        painter = new SlidePainter(catalog);
    }

    public Deck deck(Locale locale, List<SlideKind> slides) {
        return decks.deck(new StatsQuery(Period.parse("2022"), "CN", null), locale, slides, null);
    }

    @Override
    public void close() {
        database.close();
    }
}
