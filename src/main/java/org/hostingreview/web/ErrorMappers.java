package org.hostingreview.web;

import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;

/** Maps every exception a resource lets escape to an error page (400, 403, 404, 409, 500) or JSON under /api. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPages.page(404, "Not found", e.getMessage(), null, uri, headers);
    }

    @ServerExceptionMapper
    public Response jaxrsNotFound(jakarta.ws.rs.NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPages.page(404, "Page not found", "There is nothing at this address.", null, uri, headers);
    }

    /** Ahead of Quarkus' own mapper, which answers a bare 403. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPages.page(403, "Not allowed", "Your account is not allowed to do this.", null, uri, headers);
    }

    @ServerExceptionMapper
    public Response conflict(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPages.page(409, "Changed by someone else",
                "This record changed since you opened it. Go back, reload the page and try again.", null, uri, headers);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPages.page(409, "Not possible now", e.getMessage(), null, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        if (ErrorPages.isApi(uri, headers)) {
            FormErrors errors = FormErrors.none();
            e.getConstraintViolations().stream()
                    .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> errors.add(apiPath(v.getPropertyPath()), v.getMessage()));
            return ErrorPages.fieldErrors(errors);
        }
        return ErrorPages.page(400, "Bad request", "The request was not valid.", null, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri, HttpHeaders headers) {
        if (ErrorPages.isApi(uri, headers)) {
            return ErrorPages.fieldErrors(e.errors());
        }
        String first = e.errors().getFirst();
        return ErrorPages.page(400, "Bad request", first == null ? "The request was not valid." : e.errors().get(first), null, uri,
                headers);
    }

    /** Ahead of Quarkus' own mapper, which answers a bare 400 for a value of the wrong type. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    /** A JSON body that does not parse, or a value of the wrong type ("abc" for a number, an unknown tier). */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String message = e instanceof JsonParseException ? "is not valid JSON" : "has the wrong type or value";
        return ErrorPages.fieldErrors(FormErrors.none().add(field, message));
    }

    /** "estimate.request.workload.requestsPerMonth" → "workload.requestsPerMonth": drop the method and parameter. */
    private static String apiPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                out.append(out.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    /**
     * A database failure, however wrapped: an outage or a read-only database is a 503 with {@code Retry-After}; a race
     * that survived the one retry (see {@link RetriedOnRace}) is a 409. Null for anything else.
     */
    static Response database(Throwable e, UriInfo uri, HttpHeaders headers) {
        DatabaseFailure kind = DatabaseFailure.of(e);
        switch (kind) {
            case UNAVAILABLE, READ_ONLY -> {
                LOG.warnf("%s on %s: %s", kind, uri.getPath(), rootMessage(e));
                return ErrorPages.unavailable(kind, ErrorPages.isApi(uri, headers));
            }
            case DUPLICATE -> {
                return ErrorPages.page(409, "Already recorded",
                        "This was already recorded: the same form was sent more than once at the same moment, or someone "
                                + "else just did the same. Reload the page to see what was saved.", null, uri, headers);
            }
            case STALE, DEADLOCK, SERIALIZATION -> {
                LOG.infof("%s on %s, after a retry: %s", kind, uri.getPath(), rootMessage(e));
                return ErrorPages.page(409, "Changed by someone else",
                        "This record changed at the same moment you sent this; nothing of yours was saved. Go back, reload "
                                + "the page and try again.", null, uri, headers);
            }
            default -> {
                return null;
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status < 400 || status == 401) {
            return e.getResponse();
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> BodyLimit.TITLE;
            case 415 -> "Unsupported form encoding";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
        String message = switch (status) {
            case 413 -> "Nothing was saved: one field of this form is over 1 MB, more than any field here takes (the longest "
                    + "take 4,000 characters). Your browser still has what you typed: use its Back button, shorten that "
                    + "text and send it again.";
            default -> status >= 500 ? "The server could not complete this request." : title + ".";
        };
        return ErrorPages.page(status, title, message, null, uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        Response database = database(e, uri, headers);
        if (database != null) {
            return database;
        }
        // races and unreadable bodies are the client's to retry or fix, never a 500
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.DataException) {
                return ErrorPages.page(400, "A value is out of range",
                        "A number or text in this request is too large to store. Nothing was saved.", null, uri, headers);
            }
            String message = String.valueOf(t.getMessage());
            if (t instanceof IllegalArgumentException && message.startsWith("Failed to decode")) {
                return ErrorPages.page(400, "Unreadable form", "The form data is not valid URL encoding (a stray %?).", null,
                        uri, headers);
            }
            if (message.startsWith("Param limit of")) {
                return ErrorPages.page(400, "Too many form fields", "This form sent more fields than any of ours has.", null,
                        uri, headers);
            }
            if (t instanceof java.io.IOException && !(t instanceof java.io.UncheckedIOException)
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("pars")) {
                return ErrorPages.page(400, "Unreadable request", "The request body could not be read.", null, uri, headers);
            }
        }
        // the request's own reference (system/RequestReference), which every log line of the request carries
        Object mdc = org.jboss.logging.MDC.get("ref");
        String reference = mdc != null ? mdc.toString() : UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        return ErrorPages.page(500, "Something went wrong",
                "The server could not complete this request. Nothing was saved. If it keeps happening, "
                        + "quote this reference to your administrator.",
                reference, uri, headers);
    }
}
