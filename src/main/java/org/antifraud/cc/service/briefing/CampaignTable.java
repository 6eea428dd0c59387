package org.antifraud.cc.service.briefing;

import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_BOTTOM;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_TOP;
import static org.antifraud.cc.service.briefing.SlidePainter.MARGIN;

import java.util.List;

import org.antifraud.cc.domain.Campaign;
import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.Figure;

/** The campaigns slide: a table of what each campaign achieved against its target, then the campaigns without figures. */
final class CampaignTable {
    private static final double[] COLUMNS = {MARGIN, 560, 1000, 1260, 1500};
    private static final int MAX_ROWS = 9;
    private static final double ROW_HEIGHT = 68;

    private CampaignTable() {
    }

    static void paint(SlideCanvas c) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        List<CampaignRow> rows = c.deck.data().campaigns().stream().filter(r -> r.achieved().isKnown() || r.target() != null)
                .toList();
        if (rows.isEmpty()) {
            c.noData(MARGIN, CONTENT_TOP, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP);
            return;
        }
        String[] heads = {c.words.get("slide.campaigns.campaign"), c.words.get("slide.campaigns.indicator"),
                c.words.get("slide.campaigns.achieved"), c.words.get("slide.campaigns.target"),
                c.words.get("slide.campaigns.of_target")};
        double y = CONTENT_TOP + 36;
        for (int i = 0; i < heads.length; i++) {
            s.text(heads[i], COLUMNS[i], y, 26, true, p.muted());
        }
        s.line(MARGIN, y + 18, SlideSurface.WIDTH - MARGIN, y + 18, 2, p.border());
        for (int i = 0; i < Math.min(MAX_ROWS, rows.size()); i++) {
            double base = y + 18 + ROW_HEIGHT * (i + 1) - 22;
            if (i % 2 == 1) {
                s.fill(MARGIN, base - 46, SlideSurface.WIDTH - 2 * MARGIN, ROW_HEIGHT, p.panel());
            }
            row(c, rows.get(i), base);
        }
        silent(c, rows, y);
        if (rows.size() > MAX_ROWS) {
            int more = rows.size() - MAX_ROWS;
            s.text(c.words.get("slide.campaigns.more", String.valueOf(more)), MARGIN, CONTENT_BOTTOM, 24, false, p.muted());
        }
    }

    private static void row(SlideCanvas c, CampaignRow r, double base) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        double[] cols = COLUMNS;
        String name = r.campaign().name(c.locale());
        s.text(SlideText.fit(s, name, cols[1] - cols[0] - 20, 30, true), cols[0], base, 30, true, p.text());
        String ind = r.indicator().name(c.locale());
        s.text(SlideText.fit(s, ind, cols[2] - cols[1] - 20, 28, false), cols[1], base, 28, false, p.text());
        String achieved = r.achieved().isKnown() ? SlideFigures.valueText(r.achieved(), r.indicator(), c) : "—";
        s.text(SlideText.fit(s, achieved, cols[3] - cols[2] - 20, 30, true), cols[2], base, 30, true, p.text());
        // the row leads to what the campaign achieved: its indicator in its own period, for the deck's region
        c.spot(cols[0], base - 46, cols[3] - cols[0] - 20, ROW_HEIGHT - 4, r.indicator().code(),
                c.deck.query().regionCode(), r.period(), r.campaign().code());
        if (SlideFigures.isDemo(r.achieved())) {
            c.demo = true;
            s.fill(cols[2] - 16, base - 30, 6, 36, p.demo());
        }
        String target = r.target() == null ? "—"
                : SlideFigures.valueText(new Figure(r.target(), null, null, null), r.indicator(), c);
        s.text(SlideText.fit(s, target, cols[4] - cols[3] - 20, 28, false), cols[3], base, 28, false, p.muted());
        if (r.pctOfTarget() != null) {
            double pct = r.pctOfTarget().doubleValue();
            double barW = 220;
            s.fill(cols[4], base - 24, barW, 24, p.noData());
            s.fill(cols[4], base - 24, barW * Math.min(1, pct / 100), 24, pct >= 100 ? p.good() : p.accent());
            s.text(NarrativeNumbers.percent(r.pctOfTarget()) + "%", cols[4] + barW + 16, base, 28, true, p.text());
        } else {
            s.text("—", cols[4], base, 28, false, p.muted());
        }
    }

    /** The campaigns of the catalog without a figure in this period are named too: known, not zero. */
    private static void silent(SlideCanvas c, List<CampaignRow> rows, double y) {
        SlideSurface s = c.surface;
        SlidePalette p = c.palette;
        List<String> shown = rows.stream().map(r -> r.campaign().code()).toList();
        List<Campaign> silent = c.catalog.campaigns().stream().filter(k -> !shown.contains(k.code())).toList();
        int room = MAX_ROWS - Math.min(MAX_ROWS, rows.size());
        if (room <= 0 || silent.isEmpty()) {
            return;
        }
        double base = y + 18 + ROW_HEIGHT * (Math.min(MAX_ROWS, rows.size()) + 1) - 22;
        StringBuilder names = new StringBuilder();
        for (Campaign k : silent) {
            names.append(names.isEmpty() ? "" : c.words.get("slide.list_separator")).append(k.name(c.locale()));
        }
        String label = c.words.get("slide.campaigns.silent");
        s.text(label, MARGIN, base, 26, true, p.muted());
        double lw = s.width(label, 26, true);
        List<List<SlideText.Run>> lines = SlideText.wrap(s, List.of(new SlideText.Run(names.toString(), false, p.muted())),
                SlideSurface.WIDTH - 2 * MARGIN - lw, 26);
        for (int i = 0; i < lines.size() && i < room * 2; i++) {
            s.text(lines.get(i).getFirst().text(), MARGIN + lw, base + i * 40, 26, false, p.muted());
        }
    }
}
