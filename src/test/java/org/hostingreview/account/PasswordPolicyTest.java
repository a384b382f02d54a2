package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void refusesShortLongAndUsernamePasswords() {
        assertThat(PasswordPolicy.problem("", "x")).contains("Enter a password.");
        assertThat(PasswordPolicy.problem("123456789", "x")).contains("Use at least 10 characters.");
        assertThat(PasswordPolicy.problem("1234567890", "x")).isEmpty();
        assertThat(PasswordPolicy.problem("é".repeat(37), "x")).get().asString().contains("at most 72 bytes");
        assertThat(PasswordPolicy.problem("LongUsername1", "longusername1")).contains("The password must not be the username.");
    }

    @Test
    void hashesWithBcryptCostTwelve() {
        String hash = PasswordPolicy.hash("correct horse battery");
        assertThat(hash).startsWith("$2a$12$");
        assertThat(PasswordPolicy.matches("correct horse battery", hash)).isTrue();
        assertThat(PasswordPolicy.matches("wrong horse battery", hash)).isFalse();
    }
}
