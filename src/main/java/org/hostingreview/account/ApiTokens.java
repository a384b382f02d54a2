package org.hostingreview.account;

import org.hostingreview.web.SignedInUser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.FormErrors;

/**
 * Personal API tokens. A token is {@code hrt_} and 32 random bytes; only its HMAC-SHA-256 under a server key is stored
 * (a fast keyed hash suffices for 256 random bits, and keeps a database dump from being replayable), so it is shown
 * once when made. Creating and revoking are audited; use is audited once a day by {@link ApiCredentials}.
 */
@ApplicationScoped
public class ApiTokens {

    static final String PREFIX = "hrt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as the owner sees it in the list (never the secret). */
    public record Listed(long id, String name, ApiScope scope, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, boolean expired) {
        public boolean active() {
            return revokedAt == null && !expired;
        }
    }

    /** A token just made: its clear text, shown once. */
    public record Created(long id, String name, ApiScope scope, String token, Instant expiresAt) {
    }

    /** What a valid token stands for. */
    record Verified(long tokenId, String name, ApiScope scope, SignedInUser user, Instant expiresAt) {
    }

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    HostingReviewConfig config;

    @Inject
    ApiCredentials credentials;

    private volatile byte[] key;

    @Transactional
    public Created create(SignedInUser me, String name, String scope, String expiresInDays) {
        FormErrors errors = FormErrors.none();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.add("name", "Give the token a name, e.g. the pipeline that uses it.");
        } else if (cleanName.length() > 80) {
            errors.add("name", "At most 80 characters.");
        }
        ApiScope chosen = null;
        try {
            chosen = scope == null ? null : ApiScope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (chosen == null) {
            errors.add("scope", "Choose one of the listed scopes.");
        }
        int days = 0;
        try {
            days = Integer.parseInt(expiresInDays == null ? "" : expiresInDays.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (days < 1 || days > config.api().tokenMaxDays()) {
            errors.add("expiresInDays", "Between 1 and " + config.api().tokenMaxDays() + " days.");
        }
        errors.throwIfAny();

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        ApiToken row = new ApiToken();
        row.userId = me.id();
        row.name = cleanName;
        row.scope = chosen;
        row.tokenHash = hash(token);
        row.tokenPrefix = token.substring(0, PREFIX.length() + 6);
        row.createdAt = now;
        row.expiresAt = now.plus(Duration.ofDays(days));
        row.persist();
        audit.event(AuditAction.API_TOKEN_CREATED, me.username()).on(AuditEntity.API_TOKEN, row.id).team(me.teamId())
                .detail("name", cleanName).detail("scope", chosen.name())
                .detail("expires", LocalDate.ofInstant(row.expiresAt, ZoneOffset.UTC).toString()).record();
        return new Created(row.id, cleanName, chosen, token, row.expiresAt);
    }

    @Transactional(TxType.SUPPORTS)
    public List<Listed> list(SignedInUser me) {
        Instant now = clock.instant();
        return ApiToken.ofUser(me.id()).stream().map(t -> new Listed(t.id, t.name, t.scope, t.tokenPrefix, t.createdAt,
                t.expiresAt, t.lastUsedAt, t.revokedAt, t.isExpired(now))).toList();
    }

    /** Revokes one of the user's own tokens; it stops working at once. Returns its name, or empty if there is none. */
    @Transactional
    public Optional<String> revoke(SignedInUser me, long id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null || token.userId != me.id() || token.isRevoked()) {
            return Optional.empty();
        }
        token.revokedAt = clock.instant();
        credentials.forgetToken(token.tokenHash);
        audit.event(AuditAction.API_TOKEN_REVOKED, me.username()).on(AuditEntity.API_TOKEN, token.id).team(me.teamId())
                .detail("name", token.name).detail("scope", token.scope.name()).record();
        return Optional.of(token.name);
    }

    /** The live token (not revoked, not expired, owner active) behind this clear text. */
    @Transactional(TxType.MANDATORY)
    Optional<Verified> verify(String tokenHash) {
        Optional<ApiToken> found = ApiToken.<ApiToken>find("tokenHash", tokenHash).firstResultOptional();
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().isRevoked() || found.get().isExpired(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        return UserAccount.findFull(token.userId).filter(u -> u.active)
                .map(u -> new Verified(token.id, token.name, token.scope, u.signedIn(), token.expiresAt));
    }

    @Transactional(TxType.MANDATORY)
    void touch(long tokenId) {
        ApiToken.update("lastUsedAt = ?1 where id = ?2", clock.instant(), tokenId);
    }

    static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() >= 40 && value.length() <= 60;
    }

    /** HMAC-SHA-256 of a token (or any credential) under the server key, hex. */
    String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() throws GeneralSecurityException {
        byte[] k = key;
        if (k == null) {
            Optional<String> configured = config.api().tokenKey().filter(s -> !s.isBlank());
            if (configured.isPresent()) {
                k = configured.get().getBytes(StandardCharsets.UTF_8);
            } else {
                // derived from the CSRF key, so that an installation has one secret fewer to keep
                String csrf = config.csrfKey().filter(s -> !s.isBlank())
                        .orElseThrow(() -> new IllegalStateException("Set API_TOKEN_KEY or CSRF_SIGNATURE_KEY"));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(csrf.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                k = mac.doFinal("hosting-review api tokens".getBytes(StandardCharsets.UTF_8));
            }
            key = k;
        }
        return k;
    }
}
