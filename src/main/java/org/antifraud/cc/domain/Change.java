package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * A year-on-year change in percent, with its basis; {@code source} when the change is reported; {@code of} what
 * value it belongs to; {@code likeForLike} when two partial figures of the same unit-months were compared.
 */
public record Change(BigDecimal pct, Basis basis, Source source, ChangeOf of, boolean likeForLike) {

    public Change(BigDecimal pct, Basis basis, Source source) {
        this(pct, basis, source, ChangeOf.VALUE, false);
    }

    /** Whether the change may be read as the change of the value shown beside it. */
    public boolean belongsToValue() {
        return of == ChangeOf.VALUE;
    }
}
