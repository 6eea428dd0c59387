package org.antifraud.cc.service.briefing;

import java.util.ArrayList;
import java.util.List;

/**
 * Text on a slide: placed centred or right-aligned, shrunk to fit a width (never under {@link SlidePainter#MIN_TEXT}),
 * cut with an ellipsis, and styled runs broken into lines. Measures through the surface, so each output wraps by its
 * own font.
 */
final class SlideText {
    private SlideText() {
    }

    static void centered(SlideSurface s, String text, double cx, double baseline, double size, boolean bold, int rgb) {
        s.text(text, cx - s.width(text, size, bold) / 2, baseline, size, bold, rgb);
    }

    static void right(SlideSurface s, String text, double right, double baseline, double size, boolean bold, int rgb) {
        s.text(text, right - s.width(text, size, bold), baseline, size, bold, rgb);
    }

    /** The largest size up to {@code size} (and at least {@link SlidePainter#MIN_TEXT}) at which {@code text} fits {@code width}. */
    static double fitSize(SlideSurface s, String text, double width, double size, boolean bold) {
        double w = s.width(text, size, bold);
        if (w <= width) {
            return size;
        }
        return Math.max(SlidePainter.MIN_TEXT, Math.floor(size * width / w));
    }

    /** {@code text}, cut with an ellipsis if it does not fit {@code width} even at the smallest size. */
    static String fit(SlideSurface s, String text, double width, double size, boolean bold) {
        double at = fitSize(s, text, width, size, bold);
        if (s.width(text, at, bold) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && s.width(t + "…", at, bold) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** {@code text} at the left of a box of {@code width}, at the largest size up to {@code size} that fits, cut if need be. */
    static void fitted(SlideSurface s, String text, double x, double baseline, double width, double size, boolean bold,
                       int rgb) {
        s.text(fit(s, text, width, size, bold), x, baseline, fitSize(s, text, width, size, bold), bold, rgb);
    }

    /** {@code text} broken into lines of at most {@code width} at {@code size} (one line when it fits). */
    static List<String> lines(SlideSurface s, String text, double width, double size, boolean bold) {
        List<String> out = new ArrayList<>();
        for (List<Run> line : wrap(s, List.of(new Run(text, bold, 0)), width, size)) {
            StringBuilder b = new StringBuilder();
            line.forEach(r -> b.append(r.text()));
            out.add(b.toString());
        }
        return out;
    }

    /** The distance between the baselines of a text's wrapped lines, as a share of its size. */
    static final double LEADING = 1.08;
    /** How far a line's capitals reach above its baseline, as a share of its size. */
    static final double CAP = 0.72;

    /**
     * One size for a set of texts that stand side by side (the figures of a row of tiles): the largest from
     * {@code max} down to {@code floor} at which each of them, wrapped to {@code width}, has its lines within
     * {@code width} and stacks no higher than {@code room} above its last baseline; so one long figure is wrapped
     * rather than shrunk while its neighbours stay large.
     */
    static double commonSize(SlideSurface s, List<String> texts, double width, double max, double floor, double room,
                             boolean bold) {
        for (double size = max; size > floor; size -= 2) {
            double at = size;
            if (texts.stream().allMatch(t -> {
                List<String> lines = lines(s, t, width, at, bold);
                return (lines.size() - 1) * LEADING * at + CAP * at <= room
                        && lines.stream().allMatch(l -> s.width(l, at, bold) <= width);
            })) {
                return size;
            }
        }
        return floor;
    }

    /** A piece of styled text on a line; {@code figure} the indicator code when it states a figure, else null. */
    record Run(String text, boolean bold, int rgb, String figure) {
        Run(String text, boolean bold, int rgb) {
            this(text, bold, rgb, null);
        }

        Run with(String other) {
            return new Run(other, bold, rgb, figure);
        }
    }

    /**
     * Runs broken into lines of at most {@code width}: between words in Latin text, between any two characters
     * in Chinese (a closing punctuation mark stays with the character before it).
     */
    static List<List<Run>> wrap(SlideSurface s, List<Run> runs, double width, double size) {
        List<Run> units = new ArrayList<>();
        for (Run r : runs) {
            for (String u : units(r.text())) {
                units.add(r.with(u));
            }
        }
        List<List<Run>> lines = new ArrayList<>();
        List<Run> line = new ArrayList<>();
        double x = 0;
        for (Run u : units) {
            double w = s.width(u.text(), size, u.bold());
            if (x + w > width && !line.isEmpty() && !u.text().isBlank() && !isClosing(u.text())) {
                lines.add(merge(line));
                line = new ArrayList<>();
                x = 0;
                if (u.text().startsWith(" ")) {
                    continue;
                }
            }
            line.add(u);
            x += w;
        }
        if (!line.isEmpty()) {
            lines.add(merge(line));
        }
        return lines;
    }

    /** Units that may not be split: a Latin word with the spaces after it, or one CJK character. */
    private static List<String> units(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (isWide(cp)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(ch);
            } else if (cp == ' ') {
                word.append(ch);
                out.add(word.toString());
                word.setLength(0);
            } else {
                word.append(ch);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /** Chinese closing punctuation, which a line never starts with: a rule of typesetting, not words to translate. */
    private static boolean isClosing(String unit) {
        return "，。、；：！？）》」』%".contains(unit) && unit.length() == 1;
    }

    private static List<Run> merge(List<Run> line) {
        List<Run> out = new ArrayList<>();
        for (Run r : line) {
            Run last = out.isEmpty() ? null : out.getLast();
            if (last != null && last.bold() == r.bold() && last.rgb() == r.rgb()
                    && java.util.Objects.equals(last.figure(), r.figure())) {
                out.set(out.size() - 1, last.with(last.text() + r.text()));
            } else {
                out.add(r);
            }
        }
        // no trailing spaces at a line's end
        Run end = out.getLast();
        out.set(out.size() - 1, end.with(end.text().stripTrailing()));
        return out;
    }
}
