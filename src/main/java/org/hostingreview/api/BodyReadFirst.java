package org.hostingreview.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A JSON endpoint whose body is read whole on the event loop before its method runs on a worker thread. Without it the
 * worker reads the body as a blocking stream, and waits twice for the event loop to hand it over (its first bytes,
 * then its end): two thread switches on every call for a body that came in the request's first packet.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface BodyReadFirst {

    /** Does nothing itself: asking for the body ({@code readBody}) is what has it read before the method. */
    class Filter {
        @BodyReadFirst
        @ServerRequestFilter(readBody = true, nonBlocking = true, priority = 1)
        public void bodyRead() {
        }
    }
}
