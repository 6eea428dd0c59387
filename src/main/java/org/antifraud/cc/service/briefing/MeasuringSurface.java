package org.antifraud.cc.service.briefing;

/** A surface that draws nothing and measures roughly: for questions about a slide, not for pictures. */
final class MeasuringSurface implements SlideSurface {
    @Override
    public void fill(double x, double y, double w, double h, int rgb) {
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, double width, int rgb) {
    }

    @Override
    public void text(String text, double x, double baseline, double size, boolean bold, int rgb) {
    }

    @Override
    public double width(String text, double size, boolean bold) {
        return text.length() * size * 0.6;
    }
}
