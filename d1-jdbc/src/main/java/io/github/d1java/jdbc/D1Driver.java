package io.github.d1java.jdbc;

import io.github.d1java.jdbc.internal.JdbcConnection;
import io.github.d1java.jdbc.internal.JdbcUrl;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The JDBC driver for D1, registered with {@link DriverManager} through {@code
 * META-INF/services/java.sql.Driver}. Every statement goes through the {@link
 * io.github.d1java.D1Database} API of the chosen backend, so D1's rules, limits and error texts
 * hold through JDBC too.
 *
 * <h2>URLs</h2>
 *
 * <ul>
 *   <li>{@code jdbc:d1:file:<path>}: a local SQLite file run by the {@code d1-sqlite} engine. All
 *       connections of this JVM to the same file share one engine (one writer, so no {@code
 *       SQLITE_BUSY} between them); it closes with the last connection.
 *   <li>{@code jdbc:d1:mem:<name>}: an in-memory database, shared by name while a connection to it
 *       is open.
 *   <li>{@code jdbc:d1:wrangler:<binding>}: the very file {@code wrangler dev} uses for that
 *       binding or {@code database_name}; properties {@code config} (the wrangler config file),
 *       {@code persistTo}, {@code env} and {@code cwd}. Needs {@code d1-wrangler} on the class
 *       path.
 *   <li>{@code jdbc:d1:remote:<accountId>/<databaseId>}: D1 over Cloudflare's REST API; property
 *       {@code token} (or {@code password}), else {@code CLOUDFLARE_API_TOKEN}; {@code baseUrl},
 *       else {@code CLOUDFLARE_API_BASE_URL}. {@code jdbc:d1:remote:} alone takes account and
 *       database from the environment, as {@code D1Remote.fromEnv()}.
 *   <li>{@code jdbc:d1:worker:<https-url>}: the Worker transport ({@code d1-worker}, loaded
 *       reflectively when on the class path); property {@code token}, else {@code D1_WORKER_TOKEN}.
 * </ul>
 *
 * Properties may also be given as a query: {@code jdbc:d1:remote:acc/db?baseUrl=...}; they override
 * the {@code Properties}. Tokens never appear in messages or {@code toString}.
 *
 * <h2>Transactions</h2>
 *
 * With auto-commit on (the default) each statement is one D1 call, atomic as in D1. With
 * auto-commit off, local backends (file, mem, wrangler) run real SQLite transactions: reads see the
 * transaction's own writes, {@code rollback()} undoes everything, savepoints are SQLite savepoints;
 * other connections' writes wait for the commit (up to the busy timeout). Remote backends have no
 * interactive transactions: writes are buffered and {@code commit()} sends them as one atomic D1
 * batch ({@code executeUpdate} returns {@link java.sql.Statement#SUCCESS_NO_INFO} until then);
 * reads run at once on committed data, and a read that depends on a buffered write (it names a
 * written table, or a view, trigger or foreign key reaching one) is refused with an {@link
 * SQLFeatureNotSupportedException} saying so, as are writes whose rows are needed before commit
 * (RETURNING, generated keys). Savepoints there are positions in the buffer.
 *
 * <h2>Values</h2>
 *
 * {@code setObject} accepts null, booleans (1/0), integral numbers (INTEGER), floats (REAL), {@code
 * String}, {@code byte[]}, {@code BigDecimal} (exact TEXT), {@code UUID} (TEXT, lower-case
 * canonical), {@code LocalDate} ({@code YYYY-MM-DD}), {@code LocalTime}, {@code LocalDateTime}
 * ({@code YYYY-MM-DD HH:MM:SS[.f]}, SQLite's {@code datetime()} format) and instants ({@code
 * Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Timestamp}: the instant in UTC in
 * that format). {@code getObject(i, Class)} converts back.
 *
 * <h2>Errors</h2>
 *
 * {@link SQLException} subclasses with SQLStates by class: constraint violations are {@link
 * java.sql.SQLIntegrityConstraintViolationException} ({@code 23505} unique, {@code 23503} foreign
 * key, {@code 23502} not null, {@code 23514} check), authentication {@code 28000}, timeouts {@link
 * java.sql.SQLTimeoutException}, network failures {@link java.sql.SQLTransientConnectionException};
 * the message is D1's text, the cause the {@link io.github.d1java.D1Exception}.
 *
 * <p>Thread-safe. Connections are not: use one per thread, or a pool.
 */
public final class D1Driver implements Driver {

  static {
    try {
      DriverManager.registerDriver(new D1Driver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Function<String, String> env;

  /** A driver reading defaults from the process environment. */
  public D1Driver() {
    this(System::getenv);
  }

  D1Driver(Function<String, String> env) {
    this.env = env;
  }

  /**
   * Opens a connection.
   *
   * @param url a {@code jdbc:d1:} URL
   * @param info properties (see the class Javadoc), or null
   * @return the connection, or null when the URL is not a {@code jdbc:d1:} URL (JDBC's rule)
   * @throws SQLException if the URL is malformed or the database cannot be opened
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    return new JdbcConnection(JdbcUrl.parse(url, info).open(env));
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(JdbcUrl.PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[] {
      property("token", "API token (remote, worker)"),
      property("baseUrl", "REST API base URL (remote)"),
      property("config", "wrangler config file (wrangler)"),
      property("persistTo", "wrangler --persist-to folder (wrangler)"),
      property("env", "wrangler environment (wrangler)"),
    };
  }

  private static DriverPropertyInfo property(String name, String description) {
    DriverPropertyInfo p = new DriverPropertyInfo(name, null);
    p.description = description;
    return p;
  }

  @Override
  public int getMajorVersion() {
    return 0;
  }

  @Override
  public int getMinorVersion() {
    return 1;
  }

  /** Not JDBC compliant in the strict sense: D1 is SQLite, not full SQL-92. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("the D1 driver logs through SLF4J");
  }
}
