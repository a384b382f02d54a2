package org.hostingreview.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditService;
import org.hostingreview.web.SignedInUser;

/**
 * The secret in a user's calendar-feed URL. Only its SHA-256 is stored, so the URL is shown once when made; making a new
 * one or revoking it stops the old URL at once. Each change is audited (never the secret).
 */
@ApplicationScoped
public class CalendarTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    /** Makes (or replaces) the user's token and returns it: the only time it is seen in clear. */
    @Transactional
    public String issue(SignedInUser me) {
        UserAccount user = UserAccount.findById(me.id());
        boolean replacing = user.calendarToken != null;
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        user.calendarToken = hash(token);
        user.updatedAt = clock.instant();
        audit.event(AuditAction.CALENDAR_TOKEN_CHANGED, me.username()).on("user", user.id).team(user.team.id)
                .detail("change", replacing ? "replaced" : "created").record();
        return token;
    }

    /** Revokes the user's token; returns whether there was one. */
    @Transactional
    public boolean revoke(SignedInUser me) {
        UserAccount user = UserAccount.findById(me.id());
        if (user.calendarToken == null) {
            return false;
        }
        user.calendarToken = null;
        user.updatedAt = clock.instant();
        audit.event(AuditAction.CALENDAR_TOKEN_CHANGED, me.username()).on("user", user.id).team(user.team.id)
                .detail("change", "revoked").record();
        return true;
    }

    @Transactional(TxType.SUPPORTS)
    public boolean has(SignedInUser me) {
        return UserAccount.<UserAccount>findByIdOptional(me.id()).map(u -> u.calendarToken != null).orElse(false);
    }

    /** The active user a feed token belongs to. */
    @Transactional(TxType.SUPPORTS)
    public Optional<SignedInUser> owner(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return UserAccount.<UserAccount>find("from UserAccount u join fetch u.team left join fetch u.roles where u.calendarToken = ?1 "
                + "and u.active = true", hash(token)).singleResultOptional().map(UserAccount::signedIn);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
