package io.github.d1java.remote.internal;

import io.github.d1java.D1Exception;
import io.github.d1java.D1RateLimitException;
import io.github.d1java.D1TimeoutException;
import io.github.d1java.D1TransportException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one logical call with retries: exponential backoff (initial x 2^n, capped, minus up to 25%
 * jitter, as Cloudflare's SDKs do), {@code Retry-After} honoured, all within an overall deadline.
 * Only calls marked safe (read-only or idempotent) are retried, and only on retryable failures.
 * Thread-safe.
 */
public final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.d1java.remote");

  /** One attempt, given the time it may take. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * @param timeout the most this attempt may take
     * @return the result
     */
    T run(Duration timeout);
  }

  private final RemoteConfig config;

  /**
   * @param config the configuration; not null
   */
  public Retrier(RemoteConfig config) {
    this.config = config;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good, or the deadline passes.
   *
   * @param what a short description for messages and logs (no secrets)
   * @param safe whether repeating the call cannot change the outcome (read-only or idempotent)
   * @param attempt the attempt
   * @param <T> the result type
   * @return the first successful result
   * @throws D1TimeoutException when the deadline passes, with the last failure as cause's cause
   * @throws D1Exception the last failure when it is not retried
   */
  public <T> T call(String what, boolean safe, Attempt<T> attempt) {
    RetryClock clock = config.clock();
    long start = clock.nanoTime();
    long deadline = start + config.deadline().toNanos();
    D1Exception last = null;
    for (int n = 1; ; n++) {
      long remaining = deadline - clock.nanoTime();
      if (remaining <= 0) {
        throw timeout(what, n - 1, last);
      }
      Duration timeout = Duration.ofNanos(Math.min(remaining, config.requestTimeout().toNanos()));
      try {
        return attempt.run(timeout);
      } catch (D1Exception e) {
        last = e;
        if (timeout.compareTo(config.requestTimeout()) < 0 && timedOut(e)) {
          throw timeout(what, n, e); // the attempt was cut short by the deadline
        }
        if (!safe || !e.isRetryable() || n >= config.maxAttempts()) {
          throw e;
        }
        Duration delay = delay(n, e);
        if (clock.nanoTime() + delay.toNanos() - deadline >= 0) {
          throw timeout(what, n, e);
        }
        LOG.debug("{} failed on attempt {} ({}); retrying in {} ms", what, n, e.code(), delay.toMillis());
        try {
          clock.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new D1TransportException(-1, what + " was interrupted", ie, false);
        }
      }
    }
  }

  /**
   * The delay before attempt {@code n + 1}: the server's {@code Retry-After} when it gave one, else
   * the capped exponential backoff minus up to 25% jitter.
   *
   * @param n the number of the attempt that failed, from 1
   * @param failure its failure
   * @return the delay
   */
  Duration delay(int n, D1Exception failure) {
    if (failure instanceof D1RateLimitException) {
      Duration ra = ((D1RateLimitException) failure).retryAfter();
      if (ra != null) {
        return ra;
      }
    }
    long initial = config.initialBackoff().toNanos();
    long cap = config.maxBackoff().toNanos();
    long base = initial;
    for (int i = 1; i < n && base < cap; i++) {
      base = base * 2;
    }
    base = Math.min(base, cap);
    double jitter = 1.0 - 0.25 * config.random().getAsDouble();
    return Duration.ofNanos((long) (base * jitter));
  }

  private static boolean timedOut(D1Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.http.HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private D1TimeoutException timeout(String what, int attempts, D1Exception last) {
    return new D1TimeoutException(
        what
            + " did not complete within the deadline of "
            + config.deadline().toMillis()
            + " ms ("
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (last == null ? ")" : "; last failure: " + last.getMessage() + ")"),
        last);
  }
}
