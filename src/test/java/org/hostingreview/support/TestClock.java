package org.hostingreview.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Singleton;

/**
 * The application clock in tests (it replaces the default bean): real time plus an offset that a test can move, so that
 * a quarter passes in a line. Tests that jump must {@link #reset()} afterwards; every test class shares the app.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the app to {@code days} after today (real time), whatever jumps came before. */
    public void jumpTo(long days) {
        offset.set(Duration.ofDays(days));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    /** The app's today (UTC, after any jump), for fixtures and tests that hold no injected clock. */
    public static LocalDate appToday() {
        return CDI.current().select(TestClock.class).get().today();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
