package org.hostingreview.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

/** See {@link RetriedOnRace}: runs outside (before) the transaction interceptor, so each try is its own transaction. */
@RetriedOnRace
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetriedOnRaceInterceptor {

    private static final Logger LOG = Logger.getLogger(RetriedOnRaceInterceptor.class);

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retryOnce(InvocationContext call) throws Exception {
        if (inTransaction()) {
            return call.proceed();
        }
        try {
            return call.proceed();
        } catch (Exception e) {
            DatabaseFailure kind = DatabaseFailure.of(e);
            if (!kind.retryable()) {
                throw e;
            }
            LOG.infof("%s in %s.%s; trying once more", kind, call.getMethod().getDeclaringClass().getSimpleName(),
                    call.getMethod().getName());
            return call.proceed();
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
