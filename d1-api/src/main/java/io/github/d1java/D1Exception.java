package io.github.d1java;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root of every failure this library raises. {@link #getMessage()} is D1's exact text, {@code
 * <CODE>: <detail>}, for example {@code D1_ERROR: no such table: nope: SQLITE_ERROR}, so code that
 * matches on D1's messages keeps working. The local and remote backends raise the same subclass for
 * the same failure.
 *
 * <p>As in D1's binding, {@link #getCause()} is an exception whose message is the text without the
 * code prefix (for {@code D1_COLUMN_NOTFOUND}, {@code Column not found}); the underlying exception,
 * if any, is that cause's cause.
 *
 * <p>Subclasses by family: {@link D1SqlException} ({@code D1_ERROR}, with {@link
 * D1ConstraintException}), {@link D1TypeException}, {@link D1ColumnNotFoundException}, {@link
 * D1ExecException}, {@link D1DumpException}, {@link D1SessionException}, {@link
 * D1MappingException}, {@link D1LimitExceededException} (with {@link D1QuotaExceededException}),
 * and for the remote backend {@link D1AuthenticationException}, {@link D1RateLimitException},
 * {@link D1TransportException} and {@link D1TimeoutException}.
 */
public class D1Exception extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Code of SQL and engine errors. */
  public static final String D1_ERROR = "D1_ERROR";

  /** Code of an unsupported bind value. */
  public static final String D1_TYPE_ERROR = "D1_TYPE_ERROR";

  /** Code of {@code first(column)} on a missing column. */
  public static final String D1_COLUMN_NOTFOUND = "D1_COLUMN_NOTFOUND";

  /** Code of an {@code exec} failure. */
  public static final String D1_EXEC_ERROR = "D1_EXEC_ERROR";

  /** Code of a {@code dump} failure. */
  public static final String D1_DUMP_ERROR = "D1_DUMP_ERROR";

  /** Code of an invalid session. */
  public static final String D1_SESSION_ERROR = "D1_SESSION_ERROR";

  /** Code of a typed-mapping failure ({@code all(Class)}); not a D1 code. */
  public static final String D1_MAPPING_ERROR = "D1_MAPPING_ERROR";

  /** Code of a rejected API token or missing permission (remote); not a D1 code. */
  public static final String D1_AUTH_ERROR = "D1_AUTH_ERROR";

  /** Code of a rate-limited request (remote); not a D1 code. */
  public static final String D1_RATE_LIMITED = "D1_RATE_LIMITED";

  /** Code of a failed HTTP exchange: connection dropped, malformed response (remote). */
  public static final String D1_NETWORK_ERROR = "D1_NETWORK_ERROR";

  /** Code of an expired deadline (remote); not a D1 code. */
  public static final String D1_TIMEOUT = "D1_TIMEOUT";

  /**
   * D1's documented transient error texts (debug-d1): a failure whose detail contains one of these
   * is {@link #isRetryable() retryable}.
   */
  public static final List<String> TRANSIENT_MESSAGES =
      List.of(
          "D1 DB reset because its code was updated.",
          "Internal error while starting up D1 DB storage caused object to be reset.",
          "Network connection lost.",
          "Internal error in D1 DB storage caused object to be reset.",
          "Cannot resolve D1 DB due to transient issue on remote node.",
          "Can't read from request stream because client disconnected.",
          "D1 DB storage operation exceeded timeout which caused object to be reset.",
          "D1 DB is overloaded. Requests queued for too long.",
          "D1 DB is overloaded. Too many requests queued.",
          "D1 DB's isolate exceeded its memory limit and was reset.",
          "D1 DB exceeded its CPU time limit and was reset.");

  private static final Pattern SQLITE_SUFFIX =
      Pattern.compile(": (SQLITE_[A-Z_]+)(?: \\(extended: (SQLITE_[A-Z_]+)\\))?$");

  private static final Pattern PREFIX = Pattern.compile("^(D1_[A-Z_]+): ", Pattern.DOTALL);

  private static final Map<String, Integer> RESULT_CODES =
      Map.ofEntries(
          Map.entry("SQLITE_ERROR", 1),
          Map.entry("SQLITE_INTERNAL", 2),
          Map.entry("SQLITE_PERM", 3),
          Map.entry("SQLITE_ABORT", 4),
          Map.entry("SQLITE_BUSY", 5),
          Map.entry("SQLITE_LOCKED", 6),
          Map.entry("SQLITE_NOMEM", 7),
          Map.entry("SQLITE_READONLY", 8),
          Map.entry("SQLITE_INTERRUPT", 9),
          Map.entry("SQLITE_IOERR", 10),
          Map.entry("SQLITE_CORRUPT", 11),
          Map.entry("SQLITE_NOTFOUND", 12),
          Map.entry("SQLITE_FULL", 13),
          Map.entry("SQLITE_CANTOPEN", 14),
          Map.entry("SQLITE_PROTOCOL", 15),
          Map.entry("SQLITE_EMPTY", 16),
          Map.entry("SQLITE_SCHEMA", 17),
          Map.entry("SQLITE_TOOBIG", 18),
          Map.entry("SQLITE_CONSTRAINT", 19),
          Map.entry("SQLITE_MISMATCH", 20),
          Map.entry("SQLITE_MISUSE", 21),
          Map.entry("SQLITE_NOLFS", 22),
          Map.entry("SQLITE_AUTH", 23),
          Map.entry("SQLITE_FORMAT", 24),
          Map.entry("SQLITE_RANGE", 25),
          Map.entry("SQLITE_NOTADB", 26),
          Map.entry("SQLITE_CONSTRAINT_CHECK", 275),
          Map.entry("SQLITE_CONSTRAINT_COMMITHOOK", 531),
          Map.entry("SQLITE_CONSTRAINT_FOREIGNKEY", 787),
          Map.entry("SQLITE_CONSTRAINT_FUNCTION", 1043),
          Map.entry("SQLITE_CONSTRAINT_NOTNULL", 1299),
          Map.entry("SQLITE_CONSTRAINT_PRIMARYKEY", 1555),
          Map.entry("SQLITE_CONSTRAINT_TRIGGER", 1811),
          Map.entry("SQLITE_CONSTRAINT_UNIQUE", 2067),
          Map.entry("SQLITE_CONSTRAINT_VTAB", 2323),
          Map.entry("SQLITE_CONSTRAINT_ROWID", 2579),
          Map.entry("SQLITE_CONSTRAINT_PINNED", 2835),
          Map.entry("SQLITE_CONSTRAINT_DATATYPE", 3091));

  private final String code;
  private final String detail;
  private final String sqliteCode;
  private final String sqliteExtendedCode;
  private final boolean retryable;

  /**
   * Creates an exception with message {@code code + ": " + detail}.
   *
   * @param code the D1 code, e.g. {@link #D1_ERROR}; not null
   * @param detail the text after the code; not null
   * @param causeMessage the message of {@link #getCause()}, or null for no D1-style cause (then
   *     {@code underlying} is the cause)
   * @param underlying the exception that caused this one, or null
   * @param retryable whether retrying the same request may succeed (also true when {@code detail}
   *     contains one of {@link #TRANSIENT_MESSAGES})
   */
  protected D1Exception(
      String code, String detail, String causeMessage, Throwable underlying, boolean retryable) {
    super(
        Objects.requireNonNull(code, "code") + ": " + Objects.requireNonNull(detail, "detail"),
        causeMessage == null ? underlying : new D1Cause(causeMessage, underlying));
    this.code = code;
    this.detail = detail;
    Matcher m = SQLITE_SUFFIX.matcher(detail);
    if (m.find()) {
      this.sqliteCode = m.group(1);
      this.sqliteExtendedCode = m.group(2);
    } else {
      this.sqliteCode = null;
      this.sqliteExtendedCode = null;
    }
    this.retryable = retryable || isTransient(detail);
  }

  /**
   * Builds the exception D1 would raise for this message: {@code "D1_TYPE_ERROR: ..."} gives a
   * {@link D1TypeException}, {@code "D1_ERROR: UNIQUE constraint failed: ...: SQLITE_CONSTRAINT"} a
   * {@link D1ConstraintException}, and so on. A message without a {@code D1_*} prefix is taken as
   * the detail of a {@code D1_ERROR}.
   *
   * @param message a D1 error message; not null
   * @return the matching exception
   */
  public static D1Exception fromMessage(String message) {
    return fromMessage(message, Instant.now());
  }

  /**
   * As {@link #fromMessage(String)}, with the time of the failure: D1's limit texts give a {@link
   * D1LimitExceededException}, the daily row read and write limits a {@link
   * D1QuotaExceededException} that resets at the next midnight UTC after {@code failedAt}.
   *
   * @param message a D1 error message; not null
   * @param failedAt when the request failed; not null
   * @return the matching exception
   */
  public static D1Exception fromMessage(String message, Instant failedAt) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(failedAt, "failedAt");
    Matcher m = PREFIX.matcher(message);
    if (!m.find()) {
      return sqlError(message, failedAt);
    }
    String code = m.group(1);
    String detail = message.substring(m.end());
    switch (code) {
      case D1_ERROR:
        return sqlError(detail, failedAt);
      case D1_TYPE_ERROR:
        return new D1TypeException(detail);
      case D1_COLUMN_NOTFOUND:
        return new D1ColumnNotFoundException(detail, true);
      case D1_EXEC_ERROR:
        return new D1ExecException(detail, null);
      case D1_DUMP_ERROR:
        return new D1DumpException(detail);
      case D1_SESSION_ERROR:
        return new D1SessionException(detail);
      case D1_MAPPING_ERROR:
        return new D1MappingException(detail, null);
      default:
        return new D1Exception(code, detail, detail, null, false);
    }
  }

  private static D1SqlException sqlError(String detail, Instant failedAt) {
    D1LimitExceededException.Limit limit = D1LimitExceededException.Limit.of(detail);
    if (limit == null) {
      return D1SqlException.of(detail, null);
    }
    switch (limit) {
      case DAILY_ROWS_READ:
      case DAILY_ROWS_WRITTEN:
        return new D1QuotaExceededException(limit, detail, failedAt, null);
      default:
        return new D1LimitExceededException(limit, detail, null);
    }
  }

  /**
   * Whether {@code detail} contains one of D1's documented transient error texts.
   *
   * @param detail an error text; null gives false
   * @return true if retrying may succeed
   */
  public static boolean isTransient(String detail) {
    if (detail == null) {
      return false;
    }
    for (String t : TRANSIENT_MESSAGES) {
      if (detail.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The D1 code, the part of the message before the first {@code ": "}.
   *
   * @return e.g. {@code D1_ERROR}; never null
   */
  public String code() {
    return code;
  }

  /**
   * The message without the code prefix.
   *
   * @return e.g. {@code no such table: nope: SQLITE_ERROR}; never null
   */
  public String detail() {
    return detail;
  }

  /**
   * SQLite's primary result code name, when the message carries one.
   *
   * @return e.g. {@code SQLITE_CONSTRAINT}, or null
   */
  public String sqliteCode() {
    return sqliteCode;
  }

  /**
   * SQLite's extended result code name, when the message carries one.
   *
   * @return e.g. {@code SQLITE_CONSTRAINT_UNIQUE}, or null
   */
  public String sqliteExtendedCode() {
    return sqliteExtendedCode;
  }

  /**
   * SQLite's numeric result code: the extended code when known, else the primary one.
   *
   * @return e.g. 2067 for {@code SQLITE_CONSTRAINT_UNIQUE}, 1 for {@code SQLITE_ERROR}, or -1
   */
  public int sqliteResultCode() {
    if (sqliteExtendedCode != null && RESULT_CODES.containsKey(sqliteExtendedCode)) {
      return RESULT_CODES.get(sqliteExtendedCode);
    }
    return sqliteCode == null ? -1 : RESULT_CODES.getOrDefault(sqliteCode, -1);
  }

  /**
   * Whether the same request may succeed if retried: D1's transient errors, rate limiting, server
   * errors and dropped connections. Errors in the SQL itself are not retryable.
   *
   * @return true if a retry may succeed
   */
  public boolean isRetryable() {
    return retryable;
  }

  /** The cause D1 attaches to its errors: the message without the code prefix. */
  static final class D1Cause extends Exception {
    private static final long serialVersionUID = 1L;

    D1Cause(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
