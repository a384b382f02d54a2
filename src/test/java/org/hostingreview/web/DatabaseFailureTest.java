package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Database failures are told apart however they are wrapped, so that each gets its answer (409, 503) instead of a 500. */
class DatabaseFailureTest {

    private static Throwable wrapped(Throwable cause) {
        // what a failed commit looks like from a resource: RollbackException inside a runtime wrapper
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit");
        rollback.initCause(new PersistenceException("could not execute statement", cause));
        return new RuntimeException(rollback);
    }

    @Test
    void racesAreToldApartBySqlStateOrType() {
        assertThat(DatabaseFailure.of(wrapped(new SQLException("deadlock detected", "40P01")))).isEqualTo(DatabaseFailure.DEADLOCK);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("could not serialize", "40001"))))
                .isEqualTo(DatabaseFailure.SERIALIZATION);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("duplicate key value violates unique constraint "
                + "\"review_submission_unique\"", "23505")))).isEqualTo(DatabaseFailure.DUPLICATE);
        assertThat(DatabaseFailure.of(wrapped(new OptimisticLockException("Row was updated or deleted by another transaction"))))
                .isEqualTo(DatabaseFailure.STALE);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("deadlock detected", "40P01"))).retryable()).isTrue();
    }

    @Test
    void outagesAreConnectionClassStatesAndPoolTimeouts() {
        assertThat(DatabaseFailure.of(wrapped(new SQLException("Connection to localhost:5432 refused", "08001"))))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("An I/O error occurred while sending to the backend", "08006"))))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("Sorry, acquisition timeout!")))).isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("cannot execute INSERT in a read-only transaction", "25006"))))
                .isEqualTo(DatabaseFailure.READ_ONLY);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("Connection refused", "08001"))).retryable()).isFalse();
    }

    @Test
    void aChainedSqlExceptionCountsAndOtherFailuresAreNone() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "25P02");
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(DatabaseFailure.of(wrapped(batch))).isEqualTo(DatabaseFailure.DEADLOCK);
        assertThat(DatabaseFailure.of(new IllegalStateException("boom"))).isEqualTo(DatabaseFailure.NONE);
        assertThat(DatabaseFailure.of(wrapped(new SQLException("value too long", "22001")))).isEqualTo(DatabaseFailure.NONE);
    }
}
