package org.hostingreview.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Password rules and hashing: bcrypt at cost 12, which only reads the first 72 bytes of a password. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    static final int BCRYPT_COST = 12;

    private PasswordPolicy() {
    }

    /** The reason a password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " plain characters).");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("The password must not be the username.");
        }
        return Optional.empty();
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
