package io.github.d1java;

/**
 * The result of {@link D1Database#exec(String)}: D1's {@code D1ExecResult}.
 *
 * @param count the number of non-blank lines run
 * @param duration their total duration in milliseconds
 */
public record D1ExecResult(int count, double duration) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code count} or {@code duration} is negative
   */
  public D1ExecResult {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (duration < 0 || Double.isNaN(duration)) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
  }
}
