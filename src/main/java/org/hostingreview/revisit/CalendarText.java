package org.hostingreview.revisit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;

import org.hostingreview.web.FormatEscaper;

/** Every value a {@code *.ics} template writes is an RFC 5545 TEXT value: a comma, semicolon or line break cannot add a property. */
@Singleton
public class CalendarText {

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new FormatEscaper("text/calendar", ReviewCalendar::text));
    }
}
