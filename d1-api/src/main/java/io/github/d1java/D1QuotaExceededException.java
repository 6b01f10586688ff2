package io.github.d1java;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * {@code D1_ERROR}: the free tier's daily rows-read or rows-written limit is reached ({@code Your
 * account has exceeded D1's free tier daily row read limit. Upgrade to a paid plan or wait until
 * tomorrow (midnight UTC) to continue.}). Every query of the account, reads included, fails until
 * {@link #resetAt()}, the next midnight UTC after the failure; retrying before then is wasted.
 *
 * <p>Not {@link #isRetryable() retryable}. Immutable and thread-safe.
 */
public class D1QuotaExceededException extends D1LimitExceededException {

  private static final long serialVersionUID = 1L;

  private final Instant failedAt;

  /**
   * Creates the exception for a daily limit.
   *
   * @param limit {@link Limit#DAILY_ROWS_READ} or {@link Limit#DAILY_ROWS_WRITTEN}
   * @param detail D1's message without {@code D1_ERROR: }; not null
   * @param failedAt when the request failed (the reset is the next midnight UTC after it); not null
   * @param underlying the underlying exception, or null
   * @throws IllegalArgumentException if {@code limit} is not a daily limit
   */
  public D1QuotaExceededException(
      Limit limit, String detail, Instant failedAt, Throwable underlying) {
    super(limit, detail, underlying);
    if (limit != Limit.DAILY_ROWS_READ && limit != Limit.DAILY_ROWS_WRITTEN) {
      throw new IllegalArgumentException("limit must be a daily limit, got " + limit);
    }
    this.failedAt = Objects.requireNonNull(failedAt, "failedAt");
  }

  /**
   * When the request failed.
   *
   * @return the instant; never null
   */
  public Instant failedAt() {
    return failedAt;
  }

  /**
   * When D1 resets the daily counters: the first midnight UTC strictly after {@link #failedAt()}.
   *
   * @return the instant; never null
   */
  public Instant resetAt() {
    return nextMidnightUtc(failedAt);
  }

  /**
   * The first midnight UTC strictly after {@code t}.
   *
   * @param t an instant; not null
   * @return the next midnight UTC
   */
  public static Instant nextMidnightUtc(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC)
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }
}
