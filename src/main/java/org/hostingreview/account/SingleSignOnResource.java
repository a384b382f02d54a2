package org.hostingreview.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.NotFoundException;

/**
 * {@code /login/sso}: the authorization code flow (with PKCE) of the OIDC extension guards this path alone. Once the
 * provider sent the user back, the sign-in opens the app's own server-side session (the same cookie as the login
 * form's) and the OIDC extension's session cookie is dropped, so that everything after it is a session like any other.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SingleSignOnResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance continuing(String providerName, String displayName);
    }

    @Inject
    HostingReviewConfig config;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcConfigurationMetadata metadata;

    @Inject
    OidcSession oidcSession;

    @Inject
    RoutingContext rc;

    @GET
    @Path("login/sso")
    @Authenticated
    public Response signIn() {
        if (!config.oidc().enabled()) {
            throw new NotFoundException("Single sign-on is not configured.");
        }
        SingleSignOn.Claims claims = new SingleSignOn.Claims(idToken.getIssuer(), idToken.getSubject(),
                idToken.getClaim("preferred_username"), idToken.getClaim("name"), idToken.getClaim("email"),
                groups(idToken.getClaim(config.oidc().groupsClaim())));
        String client = rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
        SingleSignOn.Outcome outcome = singleSignOn.signIn(claims, metadata.getEndSessionUri(), idToken.getRawToken(), client);
        // the OIDC extension's own session ends here: from now on the app's session is the only one
        oidcSession.logout().await().indefinitely();
        if (outcome.user().isEmpty()) {
            AccountIdentityProviders.notice(rc, "sso-" + outcome.refused().orElseThrow().name().toLowerCase(Locale.ROOT));
            return Response.seeOther(java.net.URI.create("/login")).build();
        }
        sessionCookie.write(rc, outcome.user().get().username() + " " + outcome.sessionId());
        // a page rather than a redirect: the session cookie is SameSite=Strict, and a browser does not send it on a
        // redirect chain that began at the provider's site; the refresh from this page is a same-site navigation
        return Response.ok(Templates.continuing(singleSignOn.providerName(), outcome.user().get().displayName())).build();
    }

    /** Where the provider's error answers (cancelled sign-in, refused consent) land: back to the login page, saying so. */
    @GET
    @Path("login/sso-error")
    @PermitAll
    public Response failed() {
        AccountIdentityProviders.notice(rc, "sso-failed");
        return Response.seeOther(java.net.URI.create("/login")).build();
    }

    static List<String> groups(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    groups.add(s.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> groups.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            groups.add(s.getString());
        } else if (claim instanceof String s) {
            groups.add(s);
        }
        return groups;
    }
}
