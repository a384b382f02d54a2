package org.hostingreview.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like session for REST Assured tests: signs in through the login form, keeps the cookies,
 * and puts the CSRF token into every form it posts.
 */
public final class WebSession {

    public static final String DEMO_PASSWORD = "review-demo-1";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    private WebSession() {
    }

    public static WebSession anonymous() {
        return new WebSession();
    }

    /** Signs in with a demo account (test profile runs in demo mode). */
    public static WebSession as(String username) {
        return as(username, "admin".equals(username) ? ADMIN_PASSWORD : DEMO_PASSWORD);
    }

    public static WebSession as(String username, String password) {
        WebSession session = new WebSession();
        Response login = session.tryLogin(username, password);
        String location = login.getHeader("Location");
        if (login.statusCode() != 302 || location == null || location.contains("error")) {
            throw new AssertionError("Login as " + username + " failed: " + login.statusCode() + " → " + location);
        }
        return session;
    }

    /** Posts the login form; returns the raw response (302 to the landing page or to the error page). */
    public Response tryLogin(String username, String password) {
        Response response = given().redirects().follow(false).cookies(cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        cookies.putAll(response.getCookies());
        return response;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        return response;
    }

    /** Posts a form with this session's CSRF token, fetching one first when needed. */
    public Response post(String path, Map<String, ?> form) {
        if (csrfToken == null) {
            get("/account/password");
        }
        Map<String, Object> fields = new LinkedHashMap<>(form);
        fields.put("csrf-token", csrfToken);
        return postRaw(path, fields);
    }

    public Response post(String path, Object... keyValues) {
        return post(path, pairs(keyValues));
    }

    /** Posts exactly the given fields: no CSRF token unless the caller adds one. */
    public Response postRaw(String path, Map<String, ?> form) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> request.formParam(name, v));
            } else {
                request.formParam(name, value);
            }
        });
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** Uploads a file as a browser's multipart form would, with this session's CSRF token. */
    public Response upload(String path, String field, String fileName, String content) {
        if (csrfToken == null) {
            get("/account/password");
        }
        Response response = request().multiPart("csrf-token", csrfToken)
                .multiPart(field, fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").post(path);
        remember(response);
        return response;
    }

    /** Uploads a JSON file with more form fields, as a browser's multipart form would, with this session's CSRF token. */
    public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
        if (csrfToken == null) {
            get("/account/password");
        }
        RequestSpecification request = request().multiPart("csrf-token", csrfToken)
                .multiPart("file", fileName, content, "application/json");
        fields.forEach(request::multiPart);
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** This session's CSRF token, as its pages carry it. */
    public String csrfToken() {
        if (csrfToken == null) {
            get("/account/password");
        }
        return csrfToken;
    }

    /** Another client holding the same cookies right now, e.g. to replay them after this one logged out. */
    public WebSession replay() {
        WebSession copy = new WebSession();
        copy.cookies.putAll(cookies);
        copy.csrfToken = csrfToken;
        return copy;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private void remember(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
        String body = response.asString();
        Matcher matcher = CSRF_FIELD.matcher(body);
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
    }

    public static Map<String, Object> pairs(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
