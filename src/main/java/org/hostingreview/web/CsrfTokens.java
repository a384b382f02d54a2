package org.hostingreview.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.CurrentUser;

/**
 * CSRF tokens bound to the server-side session: the token is an HMAC of the session's id, so a token from another
 * session (or one planted by a cookie) never matches, and it dies with the session. Templates use
 * {@code inject:csrf.parameterName} and {@code inject:csrf.token}; scripts send the same value in
 * {@value #HEADER}.
 */
@RequestScoped
@Named("csrf")
public class CsrfTokens {

    public static final String PARAMETER = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";

    /** Sessions whose token is kept (a token is a pure function of the key and the session's id); emptied when full. */
    private static final int CACHED_TOKENS = 4096;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Inject
    CurrentUser currentUser;

    @Inject
    HostingReviewConfig config;

    public String getParameterName() {
        return PARAMETER;
    }

    /** This session's token; empty without a session (the login form needs none: it checks the origin). */
    public String getToken() {
        String session = currentUser.isSignedIn() ? currentUser.sessionId() : null;
        return session == null ? "" : tokenFor(session);
    }

    /** Whether a submitted token belongs to this request's session. */
    public boolean matches(String submitted) {
        String expected = getToken();
        return submitted != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    String tokenFor(String sessionId) {
        String key = config.csrfKey().filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("CSRF_SIGNATURE_KEY is not set"));
        // every page writes its session's token: an HMAC each time (a Mac looked up and keyed) was a few percent of a page
        String cacheKey = key + '\n' + sessionId;
        String known = TOKENS.get(cacheKey);
        if (known != null) {
            return known;
        }
        if (TOKENS.size() >= CACHED_TOKENS) {
            TOKENS.clear();
        }
        String computed = hmac(key, sessionId);
        TOKENS.put(cacheKey, computed);
        return computed;
    }

    private static String hmac(String key, String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
