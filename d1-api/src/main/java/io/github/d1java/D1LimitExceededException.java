package io.github.d1java;

import java.util.Objects;

/**
 * {@code D1_ERROR}: D1 refused the request because an account or database limit is reached: the
 * free tier's daily rows read or written ({@link D1QuotaExceededException}, with the reset time),
 * the database's maximum size, the account's storage, or the number of databases. Recognised by
 * D1's exact texts (debug-d1 error list, the 2026-09-01 free-tier changelog) in {@link
 * D1Exception#fromMessage(String)}, so the local and remote backends raise it alike.
 *
 * <p>Never {@link #isRetryable() retryable}: retrying cannot succeed until data is deleted, the
 * plan is upgraded, or (for the daily limits) midnight UTC has passed. Immutable and thread-safe.
 */
public class D1LimitExceededException extends D1SqlException {

  private static final long serialVersionUID = 1L;

  /** Which limit D1 reported. */
  public enum Limit {
    /** The free tier's daily rows-read limit; resets at midnight UTC. */
    DAILY_ROWS_READ("Your account has exceeded D1's free tier daily row read limit."),
    /** The free tier's daily rows-written limit; resets at midnight UTC. */
    DAILY_ROWS_WRITTEN("Your account has exceeded D1's free tier daily row write limit."),
    /** One database's maximum size (500 MB free, 10 GB paid). */
    DATABASE_SIZE("Exceeded maximum DB size."),
    /** The total storage of the account's databases. */
    ACCOUNT_STORAGE("Your account has exceeded D1's maximum account storage limit"),
    /**
     * The number of databases per account: the REST API refuses a create with code 7406 (matched on
     * that code by the remote client; this text is the one FakeD1Server sends).
     */
    DATABASE_COUNT("System limit reached: databases per account");

    private final String text;

    Limit(String text) {
      this.text = text;
    }

    /**
     * The part of D1's message that identifies this limit.
     *
     * @return the text; never null
     */
    public String text() {
      return text;
    }

    /**
     * The limit whose text {@code detail} contains.
     *
     * @param detail an error text; null gives null
     * @return the limit, or null when {@code detail} names none
     */
    public static Limit of(String detail) {
      if (detail == null) {
        return null;
      }
      for (Limit l : values()) {
        if (detail.contains(l.text)) {
          return l;
        }
      }
      return null;
    }
  }

  private final Limit limit;

  /**
   * Creates the exception for a limit.
   *
   * @param limit the limit reached; not null
   * @param detail D1's message without {@code D1_ERROR: }; not null
   * @param underlying the underlying exception, or null
   */
  public D1LimitExceededException(Limit limit, String detail, Throwable underlying) {
    super(detail, underlying, false);
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /**
   * The limit D1 reported.
   *
   * @return the limit; never null
   */
  public Limit limit() {
    return limit;
  }

  /**
   * Always false: the limit stays reached until someone acts or (daily limits) midnight UTC.
   *
   * @return false
   */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
