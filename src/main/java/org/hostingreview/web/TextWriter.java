package org.hostingreview.web;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes a String response (every page: Quarkus' Qute response filter renders each one to a String; also the CSV,
 * Markdown and iCalendar outputs, all declared UTF-8) as UTF-8 bytes encoded by the JDK. The built-in String writer
 * hands the text to Netty, whose encoder writes byte by byte as soon as the text holds one character outside ASCII.
 * On {@code /proposals} at demo size that was 24 % of the app's CPU per request (JFR), when every page held one;
 * {@link String#getBytes} encodes the same bytes in a fraction of it, and copies an ASCII text as it is, which every
 * page is now ({@link HtmlText}); the text outputs carry their characters as they are. The bytes are the same: the built-in
 * writer encodes UTF-8 too. It is declared for {@code Object} and accepts only a String: a resource method that returns
 * a {@code TemplateInstance} gets its writers chosen for {@code Object} when the app starts, and one declared for
 * {@code String} is never among them.
 */
@Provider
public class TextWriter implements ServerMessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public void writeResponse(Object text, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(((String) text).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public void writeTo(Object text, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        out.write(((String) text).getBytes(StandardCharsets.UTF_8));
    }
}
