package org.hostingreview.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A write that runs once more, in a fresh transaction, when its transaction lost a race (deadlock, serialization
 * failure, a unique key taken by a concurrent request, a stale {@code @Version}): the whole transaction rolled back, so
 * running it again is safe, and the second run reads what the winner committed (a repeated form then finds the first's
 * result, a stale version is refused as such). Only the outermost call retries; inside another transaction it does
 * nothing. Put it beside {@code @Transactional} on a service method that takes ids and form values, never entities.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RetriedOnRace {
}
