package org.hostingreview.revisit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Its own app and database, because jumping the clock a quarter ahead makes every demo decision due: the tests sharing
 * the default app must not see that.
 */
public class RevisitClockProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of();
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
