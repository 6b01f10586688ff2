package io.github.d1java.jdbc;

import io.github.d1java.D1Database;
import io.github.d1java.jdbc.internal.Backend;
import io.github.d1java.jdbc.internal.JdbcConnection;
import io.github.d1java.jdbc.internal.JdbcUrl;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for D1: either a {@code jdbc:d1:} URL with properties (see {@link
 * D1Driver}), configured by bean setters as pools such as HikariCP expect, or an existing {@link
 * D1Database} ({@link #of}).
 *
 * <pre>{@code
 * D1DataSource ds = new D1DataSource();
 * ds.setUrl("jdbc:d1:file:app.db");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 *
 * <p>Thread-safe once configured. Setters fail fast on bad values; {@link #getConnection()} throws
 * {@link SQLException} when no URL is set or the database cannot be opened.
 */
public final class D1DataSource implements DataSource {

  private final D1Database database;
  private volatile String url;
  private final Properties properties = new Properties();
  private volatile int loginTimeout;

  /** A data source to configure with {@link #setUrl} and the property setters. */
  public D1DataSource() {
    this.database = null;
  }

  private D1DataSource(D1Database database) {
    this.database = database;
  }

  /**
   * Wraps an existing database. Connections share it and do not close it: the caller does. A {@code
   * d1-sqlite} database gets real local transactions; any other gets buffered ones (see {@link
   * D1Driver}).
   *
   * @param database the database; not null
   * @return a data source over it
   */
  public static D1DataSource of(D1Database database) {
    return new D1DataSource(Objects.requireNonNull(database, "database"));
  }

  /**
   * Sets the URL.
   *
   * @param url a {@code jdbc:d1:} URL; not null
   * @throws IllegalArgumentException if it does not start with {@code jdbc:d1:}
   * @throws IllegalStateException on a data source made by {@link #of}
   */
  public void setUrl(String url) {
    Objects.requireNonNull(url, "url");
    if (database != null) {
      throw new IllegalStateException("this data source wraps a D1Database; it has no URL");
    }
    if (!url.startsWith(JdbcUrl.PREFIX)) {
      throw new IllegalArgumentException("url must start with " + JdbcUrl.PREFIX);
    }
    this.url = url;
  }

  /**
   * The URL, as set.
   *
   * @return the URL, or null
   */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the API token of a remote or worker URL.
   *
   * @param token the token; null removes it
   */
  public void setToken(String token) {
    set("token", token);
  }

  /**
   * Sets the REST API base URL of a remote URL (for tests against a fake server).
   *
   * @param baseUrl the base URL; null removes it
   */
  public void setBaseUrl(String baseUrl) {
    set("baseUrl", baseUrl);
  }

  /**
   * Sets any driver property (see {@link D1Driver}).
   *
   * @param name the property name; not null
   * @param value the value; null removes it
   */
  public void setProperty(String name, String value) {
    set(Objects.requireNonNull(name, "name"), value);
  }

  private void set(String name, String value) {
    synchronized (properties) {
      if (value == null) {
        properties.remove(name);
      } else {
        properties.setProperty(name, value);
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (database != null) {
      return new JdbcConnection(Backend.borrowed(database));
    }
    String u = url;
    if (u == null) {
      throw new SQLException("D1DataSource has no URL: call setUrl(\"jdbc:d1:...\")", "08001");
    }
    Properties p;
    synchronized (properties) {
      p = (Properties) properties.clone();
    }
    return new D1Driver().connect(u, p);
  }

  /**
   * A connection; D1 has no users, so a non-null password is taken as the API token.
   *
   * @param username ignored
   * @param password the token of a remote or worker URL, or null
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    if (password == null || database != null) {
      return getConnection();
    }
    Properties p;
    synchronized (properties) {
      p = (Properties) properties.clone();
    }
    p.setProperty("token", password);
    if (url == null) {
      throw new SQLException("D1DataSource has no URL: call setUrl(\"jdbc:d1:...\")", "08001");
    }
    return new D1Driver().connect(url, p);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // the driver logs through SLF4J; JDBC allows ignoring the writer
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("the D1 driver logs through SLF4J");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (database != null && iface.isInstance(database)) {
      return iface.cast(database);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this) || database != null && iface.isInstance(database);
  }

  @Override
  public String toString() {
    return "D1DataSource[" + (database != null ? database : url) + "]";
  }
}
