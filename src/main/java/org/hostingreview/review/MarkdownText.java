package org.hostingreview.review;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;

import org.hostingreview.web.FormatEscaper;

/** Every value a {@code *.md} template writes is user text on one line: it cannot open a heading, list, link or tag. */
@Singleton
public class MarkdownText {

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new FormatEscaper("text/markdown", DecisionRecord::inline));
    }
}
