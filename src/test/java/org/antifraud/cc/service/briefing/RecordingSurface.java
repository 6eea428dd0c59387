package org.antifraud.cc.service.briefing;

import java.util.ArrayList;
import java.util.List;

/** Remembers what was painted: the texts with where they went, and the filled rectangles. */
final class RecordingSurface implements SlideSurface {
    record Drawn(String text, double x, double baseline, double size, boolean bold, int rgb) {
    }

    record Filled(double x, double y, double w, double h, int rgb) {
    }

    final List<Drawn> texts = new ArrayList<>();
    final List<Filled> fills = new ArrayList<>();

    @Override
    public void fill(double x, double y, double w, double h, int rgb) {
        fills.add(new Filled(x, y, w, h, rgb));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, double width, int rgb) {
    }

    @Override
    public void text(String text, double x, double baseline, double size, boolean bold, int rgb) {
        texts.add(new Drawn(text, x, baseline, size, bold, rgb));
    }

    @Override
    public double width(String text, double size, boolean bold) {
        return text.codePoints().mapToDouble(cp -> cp > 0x2E80 ? size : size * 0.55).sum();
    }

    List<String> strings() {
        return texts.stream().map(Drawn::text).toList();
    }

    String all() {
        return String.join("\n", strings());
    }
}
