package org.hostingreview.web;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;

/**
 * Security headers on the HTTP layer's own refusals: a request line over the size limit (414), headers over it
 * (431) and a request the codec cannot parse (400) are answered by Vert.x before any route or filter runs, so
 * {@link SecurityFilters} never sees them.
 *
 * <p>Vert.x has a hook for exactly these answers, {@code HttpServer.invalidRequestHandler}, but it must be set before
 * {@code listen}, and Quarkus creates and binds its servers without offering it. This class sets it afterwards on each
 * of Quarkus' HTTP servers: the handler adds the headers and then gives the request to Vert.x' default, so the status
 * and the closing of the connection stay Vert.x' own. It reaches into Vert.x 4.5 internals; when a Quarkus upgrade
 * moves them it logs a warning and changes nothing, and {@code HttpLayerRefusalsTest} fails, so the loss is seen.
 */
@ApplicationScoped
public class InvalidRequestHeaders {

    private static final Logger LOG = Logger.getLogger(InvalidRequestHeaders.class);

    static final Handler<HttpServerRequest> WITH_HEADERS = request -> {
        var headers = request.response().headers();
        SecurityFilters.securityHeaders(headers);
        headers.set("Cache-Control", "no-store");
        HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    };

    private final AtomicBoolean installed = new AtomicBoolean();

    @Inject
    Vertx vertx;

    void onServerStart(@Observes HttpServerStart start) {
        install();
    }

    /** Quarkus may fire the start event before every event-loop's server listens: the first request tries again. */
    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (!installed.get()) {
                install();
            }
            rc.next();
        }, 1100);
    }

    synchronized void install() {
        if (installed.get()) {
            return;
        }
        try {
            int servers = 0;
            int patched = 0;
            VertxInternal internal = (VertxInternal) vertx;
            for (String id : vertx.deploymentIDs()) {
                Deployment deployment = internal.getDeployment(id);
                if (deployment == null) {
                    continue;
                }
                for (Verticle verticle : deployment.getVerticles()) {
                    if (!verticle.getClass().getName().endsWith("$WebDeploymentVerticle")) {
                        continue;
                    }
                    for (String name : List.of("httpServer", "httpsServer")) {
                        Object server = read(verticle, name);
                        if (server == null) {
                            continue;
                        }
                        servers++;
                        Object worker = read(server, "childHandler");
                        Object connections = worker == null ? null : read(worker, "connectionHandler");
                        if (connections != null) {
                            write(connections, "invalidRequestHandler", WITH_HEADERS);
                            patched++;
                        }
                    }
                }
            }
            if (servers > 0 && patched == servers) {
                installed.set(true);
                LOG.debugf("security headers on the HTTP layer's own refusals: %d servers", patched);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            installed.set(true); // once is enough to say it
            LOG.warnf("the HTTP layer's own 400/414/431 answers will carry no security headers: %s", e.toString());
        }
    }

    private static Object read(Object target, String name) throws ReflectiveOperationException {
        Field field = find(target.getClass(), name);
        return field.get(target);
    }

    private static void write(Object target, String name, Object value) throws ReflectiveOperationException {
        find(target.getClass(), name).set(target, value);
    }

    private static Field find(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
