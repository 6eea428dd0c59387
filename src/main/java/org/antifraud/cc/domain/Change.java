package org.antifraud.cc.domain;

import java.math.BigDecimal;

/** A year-on-year change in percent, with its basis; {@code source} when the change is reported. */
public record Change(BigDecimal pct, Basis basis, Source source) {
}
