package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.hostingreview.system.HostingReviewConfig;
import org.junit.jupiter.api.Test;

/**
 * Bounded password checks: with two slots and a 100 ms wait, six different Basic credentials arriving at once get two
 * checks and four "busy" answers (503 with Retry-After) instead of six bcrypt runs piling up.
 */
class PasswordCheckBoundTest {

    @Test
    void morePasswordChecksThanSlotsAreToldToComeBackInsteadOfPilingUp() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ApiCredentials credentials = new ApiCredentials();
        credentials.config = config(2, Duration.ofMillis(100));
        credentials.clock = Clock.systemUTC();
        credentials.tokens = new ApiTokens();
        credentials.tokens.config = credentials.config;
        credentials.accounts = new AccountService() {
            @Override
            SignIn signInForApi(String username, String password, String clientAddress) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return SignIn.refused();
            }
        };
        credentials.init();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<ApiCredentials.Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = "user" + i;
                calls.add(CompletableFuture.supplyAsync(() -> credentials.password(user, "secret", "127.0.0.1"), pool));
            }
            List<ApiCredentials.Outcome> outcomes = calls.stream().map(CompletableFuture::join).toList();

            assertThat(outcomes).filteredOn(ApiCredentials.Outcome::busy).hasSize(4);
            assertThat(outcomes).filteredOn(o -> !o.busy()).hasSize(2).allMatch(o -> o.verified().isEmpty());
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HostingReviewConfig config(int slots, Duration wait) {
        HostingReviewConfig.Api api = (HostingReviewConfig.Api) Proxy.newProxyInstance(getLoader(),
                new Class<?>[] { HostingReviewConfig.Api.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "tokenKey" -> Optional.of("test-token-key-0123456789abcdef0123456789");
                    case "maxConcurrentPasswordChecks" -> slots;
                    case "passwordCheckWait" -> wait;
                    case "credentialCacheTtl" -> Duration.ofSeconds(60);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HostingReviewConfig) Proxy.newProxyInstance(getLoader(), new Class<?>[] { HostingReviewConfig.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "api" -> api;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader getLoader() {
        return PasswordCheckBoundTest.class.getClassLoader();
    }
}
