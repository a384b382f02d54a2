package org.hostingreview.web;

import java.util.function.UnaryOperator;

import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;

/**
 * Escapes every value a template of one content type writes, as Qute escapes HTML: register one per text format
 * (iCalendar, Markdown) with {@code builder.addResultMapper(...)} from an {@code @Observes EngineBuilder} method.
 * {@code .raw} (a {@link RawString}) writes a value as it is.
 */
public final class FormatEscaper implements ResultMapper {

    private final String contentType;
    private final UnaryOperator<String> escape;

    public FormatEscaper(String contentType, UnaryOperator<String> escape) {
        this.contentType = contentType;
        this.escape = escape;
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(Origin origin, Object result) {
        return !(result instanceof RawString)
                && origin.getVariant().map(variant -> contentType.equals(variant.getContentType())).orElse(false);
    }

    @Override
    public String map(Object result, Expression expression) {
        return escape.apply(result.toString());
    }
}
