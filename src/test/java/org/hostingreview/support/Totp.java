package org.hostingreview.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** Computes TOTP codes the way an authenticator app does, with the same library as the app. */
public final class Totp {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

    private Totp() {
    }

    /** The code for {@code stepsAhead} time steps from now (0: the current one). */
    public static String code(String secret, int stepsAhead) {
        long step = System.currentTimeMillis() / 1000 / 30 + stepsAhead;
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key shown in text beside the QR code on the enrolment page. */
    public static String secretOn(String page) {
        Matcher m = SECRET.matcher(page);
        if (!m.find()) {
            throw new AssertionError("No TOTP secret on the page");
        }
        return m.group(1);
    }
}
