package org.hostingreview.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON counts are whole numbers: by default Jackson turns {@code 1.5} requests into 1 without a word, while the
 * pages refuse it. With this, a fraction where a count belongs is a 400 naming the field, as on the forms.
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
