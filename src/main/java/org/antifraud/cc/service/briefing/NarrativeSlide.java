package org.antifraud.cc.service.briefing;

import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_BOTTOM;
import static org.antifraud.cc.service.briefing.SlidePainter.CONTENT_TOP;
import static org.antifraud.cc.service.briefing.SlidePainter.MARGIN;
import static org.antifraud.cc.service.briefing.SlidePainter.MIN_TEXT;

import java.util.ArrayList;
import java.util.List;

/** The summary slide: the narrative's paragraphs at the largest size that fits, its figures in the accent colour. */
final class NarrativeSlide {
    private NarrativeSlide() {
    }

    static void paint(SlideCanvas c) {
        SlideSurface s = c.surface;
        List<Narrative.Paragraph> paragraphs = c.deck.narrative().paragraphs();
        if (paragraphs.isEmpty()) {
            c.noData(MARGIN, CONTENT_TOP, SlideSurface.WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP);
            return;
        }
        double width = SlideSurface.WIDTH - 2 * MARGIN;
        double size = 34;
        List<List<List<SlideText.Run>>> laid;
        while (true) {
            laid = new ArrayList<>();
            double height = 0;
            for (Narrative.Paragraph para : paragraphs) {
                List<List<SlideText.Run>> lines = SlideText.wrap(s, runs(c, para), width, size);
                laid.add(lines);
                height += lines.size() * size * 1.5 + size * 0.6;
            }
            if (height <= CONTENT_BOTTOM - CONTENT_TOP + 20 || size <= MIN_TEXT) {
                break;
            }
            size -= 1;
        }
        double y = CONTENT_TOP + size;
        for (List<List<SlideText.Run>> lines : laid) {
            for (List<SlideText.Run> line : lines) {
                double x = MARGIN;
                for (SlideText.Run r : line) {
                    s.text(r.text(), x, y, size, r.bold(), r.rgb());
                    double w = s.width(r.text(), size, r.bold());
                    if (r.figure() != null) {
                        c.spot(x, y - size, w, size * 1.3, r.figure());
                    }
                    x += w;
                }
                y += size * 1.5;
            }
            y += size * 0.6;
        }
    }

    /** A paragraph as styled runs: its claims bold in the accent colour (demo ones in the demo colour). */
    private static List<SlideText.Run> runs(SlideCanvas c, Narrative.Paragraph para) {
        SlidePalette p = c.palette;
        List<SlideText.Run> runs = new ArrayList<>();
        for (Narrative.Part part : para.parts()) {
            if (part instanceof Narrative.Claim claim) {
                boolean demo = SlideFigures.isDemo(claim.stat());
                c.demo |= demo;
                runs.add(new SlideText.Run(claim.text(), true, demo ? p.demo() : p.accent(),
                        claim.stat().indicator().code()));
            } else {
                runs.add(new SlideText.Run(part.text(), false, p.text()));
            }
        }
        return runs;
    }
}
