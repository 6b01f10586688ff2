package io.github.d1java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1LimitExceededException.Limit;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class D1LimitExceededExceptionTest {

  static final String READ =
      "Your account has exceeded D1's free tier daily row read limit. Upgrade to a paid plan or"
          + " wait until tomorrow (midnight UTC) to continue.";
  static final String WRITE =
      "Your account has exceeded D1's free tier daily row write limit. Upgrade to a paid plan or"
          + " wait until tomorrow (midnight UTC) to continue.";
  static final String STORAGE =
      "Your account has exceeded D1's maximum account storage limit, please contact Cloudflare to"
          + " raise your limit.";
  static final String SIZE = "Exceeded maximum DB size.";

  @Test
  void dailyReadLimitIsAQuotaExceptionResettingAtTheNextMidnightUtc() {
    Instant failed = Instant.parse("2026-11-30T13:45:10Z");
    D1Exception e = D1Exception.fromMessage("D1_ERROR: " + READ, failed);
    assertThat(e).isInstanceOf(D1QuotaExceededException.class);
    D1QuotaExceededException q = (D1QuotaExceededException) e;
    assertThat(q.limit()).isEqualTo(Limit.DAILY_ROWS_READ);
    assertThat(q.failedAt()).isEqualTo(failed);
    assertThat(q.resetAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(q.isRetryable()).isFalse();
    assertThat(q.getMessage()).isEqualTo("D1_ERROR: " + READ);
    assertThat(q.code()).isEqualTo(D1Exception.D1_ERROR);
  }

  @Test
  void dailyWriteLimitWithoutPrefixAsTheRestApiSendsIt() {
    Instant failed = Instant.parse("2026-12-31T23:59:59.999Z");
    D1Exception e = D1Exception.fromMessage(WRITE, failed);
    assertThat(e).isInstanceOf(D1QuotaExceededException.class);
    assertThat(((D1QuotaExceededException) e).limit()).isEqualTo(Limit.DAILY_ROWS_WRITTEN);
    assertThat(((D1QuotaExceededException) e).resetAt())
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void exactlyAtMidnightTheResetIsTheNextMidnight() {
    assertThat(D1QuotaExceededException.nextMidnightUtc(Instant.parse("2026-03-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
  }

  @Test
  void storageLimitsAreNonRetryableLimitExceptionsWithoutReset() {
    D1Exception size = D1Exception.fromMessage("D1_ERROR: " + SIZE);
    assertThat(size).isExactlyInstanceOf(D1LimitExceededException.class);
    assertThat(((D1LimitExceededException) size).limit()).isEqualTo(Limit.DATABASE_SIZE);
    assertThat(size.isRetryable()).isFalse();
    D1Exception account = D1Exception.fromMessage(STORAGE);
    assertThat(account).isExactlyInstanceOf(D1LimitExceededException.class);
    assertThat(((D1LimitExceededException) account).limit()).isEqualTo(Limit.ACCOUNT_STORAGE);
    assertThat(account.getMessage()).isEqualTo("D1_ERROR: " + STORAGE);
  }

  @Test
  void limitExceptionsAreSqlExceptionsSoExistingCatchBlocksStillCatchThem() {
    assertThat(D1Exception.fromMessage(SIZE)).isInstanceOf(D1SqlException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "D1_ERROR: no such table: x: SQLITE_ERROR",
        "D1_ERROR: database or disk is full: SQLITE_FULL",
        "D1_ERROR: D1 DB exceeded its CPU time limit and was reset.",
        "D1_ERROR: Exceeded maximum DB size", // no final dot: not D1's text
      })
  void otherTextsAreNotLimits(String message) {
    assertThat(D1Exception.fromMessage(message)).isNotInstanceOf(D1LimitExceededException.class);
  }

  @Test
  void quotaExceptionRefusesANonDailyLimit() {
    assertThatThrownBy(
            () -> new D1QuotaExceededException(Limit.DATABASE_SIZE, SIZE, Instant.EPOCH, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit must be a daily limit");
  }

  @Test
  void limitOfNullIsNull() {
    assertThat(Limit.of(null)).isNull();
  }

  @Test
  void fromMessageRefusesANullTime() {
    assertThatThrownBy(() -> D1Exception.fromMessage(SIZE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("failedAt");
  }
}
