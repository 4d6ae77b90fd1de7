package io.cupboard.support;

import java.time.Instant;

/** Fixed instants that tests set the clock to, chosen for their place in the Israeli work week. */
public final class TestTimes {

    /** Tuesday 8 December 2026, 10:00 in Israel (winter time, UTC+2): a full working day. */
    public static final Instant TUESDAY_MORNING = Instant.parse("2026-12-08T08:00:00Z");

    private TestTimes() {
    }
}
