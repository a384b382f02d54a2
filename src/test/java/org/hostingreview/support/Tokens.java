package org.hostingreview.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/** Makes personal API tokens the way a person does: on My account → API tokens. */
public final class Tokens {

    private static final Pattern SHOWN = Pattern.compile("id=\"token-value\">(hrt_[A-Za-z0-9_-]+)<");

    private Tokens() {
    }

    public static String make(WebSession session, String name, String scope) {
        Response page = session.post("/account/tokens", "name", name, "scope", scope, "expiresInDays", "30");
        if (page.statusCode() != 200) {
            throw new AssertionError("Making a token failed: " + page.statusCode() + "\n" + page.asString());
        }
        Matcher m = SHOWN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("No token shown on the page");
        }
        return m.group(1);
    }
}
