package org.antifraud.cc.service.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Submission;

/**
 * The {@link AggregationRule} over one indicator (dens destroyed), a nation of three provinces and a zone of two,
 * without a database: a test fills the stored figures, rollup cells and submissions, then asks {@link #rule()}.
 */
abstract class DensRuleFixture {
    static final String DENS = "dens_destroyed";
    static final Map<String, List<String>> CHILDREN = Map.of("CN", List.of("CN-GD", "CN-GX", "CN-HI"),
            "ZONE-SOUTH", List.of("CN-GD", "CN-GX"));
    static final Indicator INDICATOR = new Indicator(DENS, IndicatorCategory.CRACKDOWN, Indicator.Unit.COUNT,
            "捣毁窝点", "Fraud dens destroyed", true);
    static final Source REPORT = new Source("report", "destroyed more than 1,800 fraud dens");

    final List<Measurement> stored = new ArrayList<>();
    final List<FactCell> cells = new ArrayList<>();
    final List<Submission> submissions = new ArrayList<>();

    AggregationRule rule() {
        return new AggregationRule(CHILDREN, stored, cells, Reporting.of(CHILDREN, DENS, submissions));
    }
}
