package org.hostingreview.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Where the HTTP server listens: {@code HOST} when set; otherwise, in demo mode (whose login page prints the
 * shared demo password), only on the loopback address, so a demo started on a laptop is not open to its network.
 * Outside demo mode Quarkus's own default stands (every address in production, localhost in dev mode).
 */
public class BindAddressConfigSourceFactory implements ConfigSourceFactory {

    static final String HOST = "quarkus.http.host";
    static final String LOOPBACK = "127.0.0.1";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT || context.getProfiles().contains("test")) {
            return List.of();
        }
        // a value from Quarkus's built-in defaults (ordinal far below application.properties' 250) is not a choice
        ConfigValue configured = context.getValue(HOST);
        String explicit = configured == null || configured.getSourceOrdinal() < 100 ? null : configured.getValue();
        return host(explicit, value(context, "HOST"), Boolean.parseBoolean(value(context, "hosting-review.demo")))
                .<Iterable<ConfigSource>>map(host -> List.of(new MapBackedConfigSource("bind-address", Map.of(HOST, host), 275) {
                })).orElse(List.of());
    }

    /** The address to supply, if any: none when {@code quarkus.http.host} is set explicitly. */
    static Optional<String> host(String explicit, String hostVariable, boolean demo) {
        if (explicit != null && !explicit.isBlank()) {
            return Optional.empty();
        }
        if (hostVariable != null && !hostVariable.isBlank()) {
            return Optional.of(hostVariable.strip());
        }
        return demo ? Optional.of(LOOPBACK) : Optional.empty();
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
