package org.hostingreview.audit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;

import org.hostingreview.web.FormatEscaper;

/**
 * Every value a {@code *.csv} template writes is one quoted cell ({@link AuditResource#cell}): quotes doubled, formula-looking
 * text defused for spreadsheets. Values the template knows are plain (sequence numbers, times, action names, hashes) are
 * written {@code .raw}.
 */
@Singleton
public class AuditCsv {

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new FormatEscaper("text/csv", AuditResource::cell));
    }
}
