package org.hostingreview.account;

import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.web.InvalidInputException;

/**
 * Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift either way) through
 * {@code dev.samstevens.totp}: secrets, codes and the otpauth URI come from the library, the QR code from ZXing (which the library uses), drawn as
 * inline SVG. A code is accepted once (its time step is kept); ten one-time recovery codes are made at
 * enrolment and stored as SHA-256 hashes. Wrong codes count against the account's sign-in throttle (not the address's).
 */
@ApplicationScoped
public class TwoFactor {

    static final int PERIOD_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Hosting Review";

    /** A secret waiting to be confirmed, as the enrolment page shows it. */
    public record Enrolment(String secret, String qrSvg, String otpauthUri) {
    }

    /** The outcome of a code at sign-in. */
    public record Check(boolean accepted, Optional<Duration> throttledFor, boolean recoveryCodeUsed, int recoveryCodesLeft) {
    }

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    Sessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    TwoFactorSettings settings;

    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    @Transactional
    public boolean enabled(SignedInUser me) {
        return UserAccount.<UserAccount>findById(me.id()).totpSecret != null;
    }

    @Transactional
    public long recoveryCodesLeft(SignedInUser me) {
        return RecoveryCode.count("userId = ?1 and usedAt is null", me.id());
    }

    /** The secret to scan (made once and kept until confirmed, so that reloading the page shows the same one). */
    @Transactional
    public Enrolment enrolment(SignedInUser me) {
        UserAccount user = UserAccount.findById(me.id());
        if (user.totpPendingSecret == null) {
            user.totpPendingSecret = new DefaultSecretGenerator(32).generate();
        }
        String secret = user.totpPendingSecret;
        QrData data = new QrData.Builder().label(user.username).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        return new Enrolment(secret, qrSvg(data.getUri()), data.getUri());
    }

    /**
     * The otpauth URI as an inline SVG QR code (ZXing's encoder, drawn as one path), so that the page needs no image
     * request and the content-security policy stays {@code default-src 'self'}.
     */
    static String qrSvg(String uri) {
        try {
            BitMatrix m = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0,
                    java.util.Map.of(EncodeHintType.MARGIN, 2));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"totp-qr\" role=\"img\" aria-label=\"QR code for your "
                    + "authenticator app\" width=\"240\" height=\"240\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                    + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                    + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("The QR code could not be drawn", e);
        }
    }

    /** Confirms the pending secret with a code from the app; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirm(SignedInUser me, String code) {
        UserAccount user = UserAccount.findById(me.id());
        if (user.totpSecret != null) {
            throw new InvalidInputException("code", "Two-factor sign-in is already on.");
        }
        if (user.totpPendingSecret == null) {
            throw new InvalidInputException("code", "Open this page again to get a QR code.");
        }
        Optional<Long> step = step(user.totpPendingSecret, code, null);
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "That code does not match. Enter the 6 digits your app shows now.");
        }
        user.totpSecret = user.totpPendingSecret;
        user.totpPendingSecret = null;
        user.totpEnabledAt = clock.instant();
        user.totpLastStep = step.get();
        user.updatedAt = clock.instant();
        List<String> recovery = newRecoveryCodes(user.id);
        audit.event(AuditAction.TWO_FACTOR_ENABLED, me.username()).on(AuditEntity.USER, user.id).team(user.team.id)
                .detail("recoveryCodes", String.valueOf(recovery.size())).record();
        return recovery;
    }

    /** Turns two-factor sign-in off, with a current code; refused while an admin requires it of the user's role. */
    @Transactional
    public void disable(SignedInUser me, String code) {
        UserAccount user = UserAccount.findById(me.id());
        if (user.totpSecret == null) {
            return;
        }
        if (settings.requiredForAdminsAndReviewers() && (user.has(Role.ADMIN) || user.has(Role.REVIEWER))) {
            throw new InvalidInputException("code", "An admin requires two-factor sign-in for your role: it stays on.");
        }
        if (step(user.totpSecret, code, user.totpLastStep).isEmpty()) {
            throw new InvalidInputException("code", "That code does not match. Enter the 6 digits your app shows now.");
        }
        user.totpSecret = null;
        user.totpLastStep = null;
        user.totpEnabledAt = null;
        user.updatedAt = clock.instant();
        RecoveryCode.update("usedAt = ?1 where userId = ?2 and usedAt is null", clock.instant(), user.id);
        audit.event(AuditAction.TWO_FACTOR_DISABLED, me.username()).on(AuditEntity.USER, user.id).team(user.team.id).record();
    }

    /**
     * The second step of a sign-in: a code from the app or a recovery code. Refused at once while the account or the
     * address is throttled; a wrong code counts as a failed sign-in (the first of a burst and the one that locks are
     * audited). A right one completes the session and audits the sign-in.
     */
    @Transactional
    public Check signIn(SignedInUser me, String sessionId, String code, String client) {
        Optional<Duration> locked = throttle.locked(me.id(), client);
        if (locked.isPresent()) {
            return new Check(false, locked, false, 0);
        }
        UserAccount user = UserAccount.findFull(me.id()).orElseThrow();
        String typed = code == null ? "" : code.strip();
        boolean recovery = false;
        Optional<Long> step = user.totpSecret == null ? Optional.empty() : step(user.totpSecret, typed, user.totpLastStep);
        if (step.isPresent()) {
            user.totpLastStep = step.get();
        } else {
            recovery = useRecoveryCode(user.id, typed);
        }
        if (step.isEmpty() && !recovery) {
            SignInThrottle.Failure failure = throttle.failedForAccount(user.id);
            if (failure.audited()) {
                audit.event(failure.lock().isPresent() ? AuditAction.LOGIN_THROTTLED : AuditAction.TWO_FACTOR_FAILED,
                        AuditService.ANONYMOUS).on(AuditEntity.USER, user.id).detail("username", user.username)
                        .detail("reason", "wrong two-factor code").detail("failures", String.valueOf(failure.failures()))
                        .detail("client", client).record();
            }
            return new Check(false, failure.lock(), false, 0);
        }
        throttle.succeeded(user.id);
        sessions.secondFactorGiven(sessionId);
        long left = RecoveryCode.count("userId = ?1 and usedAt is null", user.id);
        if (recovery) {
            audit.event(AuditAction.RECOVERY_CODE_USED, user.username).on(AuditEntity.USER, user.id).team(user.team.id)
                    .detail("left", String.valueOf(left)).record();
        }
        audit.event(AuditAction.LOGIN_SUCCEEDED, user.username).on(AuditEntity.USER, user.id).team(user.team.id)
                .detail("client", client).detail("secondFactor", recovery ? "recovery code" : "totp").record();
        return new Check(true, Optional.empty(), recovery, (int) left);
    }

    /** The time step a 6-digit code belongs to (now, or one step either side), if it is later than {@code after}. */
    Optional<Long> step(String secret, String code, Long after) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return Optional.empty();
        }
        long now = Math.floorDiv(clock.millis() / 1000, PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (after != null && step <= after) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        digits.getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    private List<String> newRecoveryCodes(long userId) {
        RecoveryCode.update("usedAt = ?1 where userId = ?2 and usedAt is null", clock.instant(), userId);
        List<String> made = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String c : made) {
            RecoveryCode row = new RecoveryCode();
            row.userId = userId;
            row.codeHash = hash(c);
            row.persist();
        }
        return made;
    }

    private boolean useRecoveryCode(long userId, String typed) {
        if (typed.length() < 10 || typed.length() > 40) {
            return false;
        }
        return RecoveryCode.update("usedAt = ?1 where userId = ?2 and codeHash = ?3 and usedAt is null", clock.instant(),
                userId, hash(typed)) == 1;
    }

    static String hash(String code) {
        try {
            String normal = code.strip().toLowerCase(Locale.ROOT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
