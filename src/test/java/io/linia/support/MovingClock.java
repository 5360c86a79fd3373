package io.linia.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Linia's clock in tests that move time themselves (SLA passes, idle rules). Starts Monday 2026-11-23 10:00 Moscow. */
public class MovingClock extends Clock {

    private volatile Instant now = Instant.parse("2026-11-23T07:00:00Z");

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant at) {
        now = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
