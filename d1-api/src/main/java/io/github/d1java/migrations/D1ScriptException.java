package io.github.d1java.migrations;

import io.github.d1java.D1Exception;

/**
 * {@code D1_SCRIPT_ERROR}: an SQL file (a migration, a schema or seed script) failed. The message
 * names the file and, when it can be told, the failing statement and the line it starts on, then
 * the database's own error: {@code D1_SCRIPT_ERROR: 0002_add_orders.sql failed at line 3: INSERT
 * INTO nope VALUES (1): D1_ERROR: no such table: nope: SQLITE_ERROR}. The database's exception is
 * the cause's cause; {@link #sqliteCode()} carries its SQLite code. Not a D1 code: scripts are this
 * library's (and wrangler's) addition. Nothing of the failing file was committed.
 */
public final class D1ScriptException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /** The code of this exception. */
  public static final String D1_SCRIPT_ERROR = "D1_SCRIPT_ERROR";

  private static final int MAX_STATEMENT_CHARS = 200;

  private final String script;
  private final String statement;
  private final long line;

  /**
   * Creates the exception.
   *
   * @param script the file's name, e.g. {@code 0002_add_orders.sql}; not null
   * @param statement the failing statement, or null when it cannot be told
   * @param line the 1-based line where the failing statement starts, or 0 when unknown
   * @param underlying the database's or the splitter's exception; not null
   */
  public D1ScriptException(String script, String statement, long line, Throwable underlying) {
    super(
        D1_SCRIPT_ERROR,
        describe(script, statement, line, underlying),
        describe(script, statement, line, underlying),
        underlying,
        false);
    this.script = script;
    this.statement = statement;
    this.line = line;
  }

  private static String describe(String script, String statement, long line, Throwable e) {
    StringBuilder text = new StringBuilder(script).append(" failed");
    if (line > 0) {
      text.append(" at line ").append(line);
    }
    if (statement != null) {
      String shown =
          statement.length() > MAX_STATEMENT_CHARS
              ? statement.substring(0, MAX_STATEMENT_CHARS) + "..."
              : statement;
      text.append(": ").append(shown);
    }
    return text.append(": ").append(e.getMessage()).toString();
  }

  /**
   * The name of the file that failed.
   *
   * @return e.g. {@code 0002_add_orders.sql}; never null
   */
  public String script() {
    return script;
  }

  /**
   * The statement that failed, in full.
   *
   * @return the statement, or null when it cannot be told
   */
  public String statement() {
    return statement;
  }

  /**
   * The 1-based line of the file where the failing statement starts.
   *
   * @return the line, or 0 when unknown
   */
  public long line() {
    return line;
  }
}
