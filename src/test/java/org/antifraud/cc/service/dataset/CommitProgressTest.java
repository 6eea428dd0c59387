package org.antifraud.cc.service.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The scale demo's bar during the commit: it moves on from where the rows left it and never claims the end. */
class CommitProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsWhereTheRowsLeftItAndIsNineTenthsOfTheWayAtTheExpectedTime() {
        assertThat(CommitProgress.fraction(0.55, 0, 10 * SECOND)).isEqualTo(0.55);
        assertThat(CommitProgress.fraction(0.55, 5 * SECOND, 10 * SECOND)).isCloseTo(0.775, within(1e-9));
        assertThat(CommitProgress.fraction(0.55, 9 * SECOND, 10 * SECOND)).isCloseTo(0.955, within(1e-9));
    }

    @Test
    void aCommitSlowerThanEstimatedCreepsTowardsTheCeilingWithoutReachingTheEnd() {
        double late = CommitProgress.fraction(0.55, 20 * SECOND, 10 * SECOND);
        assertThat(late).isGreaterThan(CommitProgress.fraction(0.55, 10 * SECOND, 10 * SECOND))
                .isLessThanOrEqualTo(CommitProgress.CEILING);
        assertThat(CommitProgress.fraction(0.55, 1000 * SECOND, 10 * SECOND)).isEqualTo(CommitProgress.CEILING);
    }

    @Property(tries = 300)
    void neverDecreasesAndStaysBelowTheEnd(@ForAll @DoubleRange(min = 0.1, max = 0.9) double from,
                                           @ForAll @LongRange(min = 0, max = 100_000) long millis,
                                           @ForAll @LongRange(min = 1, max = 10_000) long later,
                                           @ForAll @LongRange(min = 1, max = 100_000) long expectedMillis) {
        long expected = expectedMillis * 1_000_000;
        double now = CommitProgress.fraction(from, millis * 1_000_000, expected);
        double next = CommitProgress.fraction(from, (millis + later) * 1_000_000, expected);
        assertThat(now).isBetween(from, CommitProgress.CEILING);
        assertThat(next).isGreaterThanOrEqualTo(now).isLessThan(1.0);
    }
}
