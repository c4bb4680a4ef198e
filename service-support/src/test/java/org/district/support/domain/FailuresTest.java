package org.district.support.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {

    @ParameterizedTest
    @CsvSource({
        "23505, ConflictException",
        "23503, ConflictException",
        "22001, InvalidException",
        "23514, InvalidException",
        "40001, UnavailableException",
        "40P01, UnavailableException",
        "55P03, UnavailableException",
        "08006, UnavailableException",
        "57P01, UnavailableException",
        "53300, UnavailableException",
    })
    void namesWhatADatabaseRefusalMeans(String state, String kind) {
        DomainException e = Failures.classify(new PersistenceException(new SQLException("boom", state)));
        assertThat(e.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(e.getMessage()).doesNotContain("boom");
    }

    @Test
    void contentionIsRetriedAtOnceAnOutageLater() {
        Exception contention = new RuntimeException(new SQLException("deadlock", "40P01"));
        assertThat(Failures.isTransient(contention)).isTrue();
        assertThat(Failures.isRetryNow(contention)).isTrue();

        Exception outage = new RuntimeException(new SQLException("gone", "08006"));
        assertThat(Failures.isTransient(outage)).isTrue();
        assertThat(Failures.isRetryNow(outage)).isFalse();

        assertThat(Failures.isTransient(new JDBCConnectionException("down", new SQLException("down"))))
                .isTrue();
        assertThat(Failures.isRetryNow(new PessimisticLockException("lock"))).isTrue();
        assertThat(Failures.isTransient(UnavailableException.busy("full"))).isTrue();
    }

    @Test
    void aRefusalOfTheDomainIsPermanent() {
        assertThat(Failures.isTransient(new NotFoundException("device", "x"))).isFalse();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("dup", "23505"))))
                .isFalse();
        assertThat(Failures.classify(new OptimisticLockException())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDomainExceptionPassesThroughItsWrappers() {
        NotFoundException notFound = new NotFoundException("device", "x");
        assertThat(Failures.classify(new IllegalStateException(new RuntimeException(notFound))))
                .isSameAs(notFound);
    }

    @Test
    void aBugIsNotClassified() {
        assertThat(Failures.classify(new IllegalArgumentException("bug"))).isNull();
        assertThat(Failures.classify(new SQLException("syntax", "42601"))).isNull();
        assertThat(Failures.classify(new SQLException("odd"))).isNull();
    }

    @Test
    void columnsBecomeFieldNames() {
        assertThat(Failures.camelCase("asset_tag")).isEqualTo("assetTag");
        assertThat(Failures.camelCase("district_id")).isEqualTo("districtId");
        assertThat(Failures.camelCase("lower(email)")).isEqualTo("loweremail");
    }
}
