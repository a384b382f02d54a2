package org.hostingreview.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A one-shot message carried across a post/redirect/get in a short-lived cookie: set with
 * {@link #redirect(String, String)}, shown once by the layout ({@code inject:flash}), then cleared.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "hr_flash";

    private String message;

    public String getMessage() {
        return message;
    }

    void setMessage(String message) {
        this.message = message;
    }

    /** 303 See Other to {@code path} with a message for the next page. */
    public static Response redirect(String path, String message) {
        Response.ResponseBuilder response = Response.seeOther(URI.create(path));
        if (message != null) {
            response.cookie(new NewCookie.Builder(COOKIE)
                    .value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                    .path("/").maxAge(120).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
        return response.build();
    }

    public static Response redirect(String path) {
        return redirect(path, null);
    }

    /** Reads and clears the flash cookie around each request. */
    public static class Filters {

        @jakarta.inject.Inject
        Flash flash;

        @ServerRequestFilter
        public void read(ContainerRequestContext request) {
            if (!"GET".equals(request.getMethod())) {
                return;
            }
            Cookie cookie = request.getCookies().get(COOKIE);
            if (cookie != null && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                String text = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                flash.setMessage(text.length() > 300 ? text.substring(0, 300) : text);
            }
        }

        @ServerResponseFilter
        public void clear(ContainerResponseContext response) {
            boolean settingNew = response.getHeaders().get(HttpHeaders.SET_COOKIE) != null
                    && response.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                            .anyMatch(c -> c.toString().startsWith(COOKIE + "="));
            if (flash.getMessage() != null && !settingNew) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value("")
                        .path("/").maxAge(0).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
            }
        }
    }
}
