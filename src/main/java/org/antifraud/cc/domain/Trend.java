package org.antifraud.cc.domain;

import java.util.List;

/**
 * A time series panel: the buckets (months, or days of a short period; partial months at the edges of
 * a range are clipped to it) and one series per zone, region or channel. An unknown bucket is a gap.
 */
public record Trend(List<Period> buckets, List<Series> series) {

    public Trend {
        buckets = List.copyOf(buckets);
        series = List.copyOf(series);
    }

    /** {@code key} is a region code, an indicator code, or {@link #OTHER} (provinces in no battle zone). */
    public record Series(String key, List<Figure> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    public static final String OTHER = "other";

    public boolean hasData() {
        return series.stream().anyMatch(s -> s.values().stream().anyMatch(Figure::isKnown));
    }
}
