package io.github.d1java.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;
import org.sqlite.core.DB;

/**
 * One SQLite connection with its LRU cache of prepared statements. Not thread-safe: the engine
 * hands a connection to one thread at a time.
 */
final class Conn implements AutoCloseable {

  private final SQLiteConnection connection;
  private final DB db;
  private final Statement control;
  private final LinkedHashMap<String, PreparedStatement> cache;
  private final boolean utf8;
  private final SchemaRules schemaRules = new SchemaRules();

  /** Rewritten statements ({@link Rewrite}) by text, for schema generation {@link #seen}. */
  private final Map<String, io.github.d1java.sqlite.internal.Statement> rewrites = new HashMap<>();

  private long seen = -1;

  /** The pool's handle while a pooled reader is lent out, else null. */
  private java.sql.Connection lease;

  Conn(SQLiteConnection connection, int cacheSize) throws SQLException {
    this.connection = connection;
    this.db = connection.getDatabase();
    this.control = connection.createStatement();
    try (java.sql.ResultSet rs = control.executeQuery("PRAGMA encoding")) {
      this.utf8 = rs.next() && "UTF-8".equals(rs.getString(1));
    }
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > cacheSize) {
              closeQuietly(eldest.getValue());
              return true;
            }
            return false;
          }
        };
  }

  SQLiteConnection connection() {
    return connection;
  }

  /**
   * Whether the database's text encoding is UTF-8 (D1's, and what the engine creates; an existing
   * file may be UTF-16): then a TEXT value's bytes are its UTF-8.
   */
  boolean utf8() {
    return utf8;
  }

  java.sql.Connection lease() {
    return lease;
  }

  void lease(java.sql.Connection lease) {
    this.lease = lease;
  }

  /** SQLite's {@code total_changes()} without a statement round trip. */
  long totalChanges() throws SQLException {
    return db.total_changes();
  }

  /** SQLite's {@code changes()}: rows changed directly by the last INSERT, UPDATE or DELETE. */
  long changes() throws SQLException {
    return db.changes();
  }

  /** A cached prepared statement for the SQL, prepared on first use. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = cache.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      cache.put(sql, ps);
    }
    return ps;
  }

  /**
   * Prepares (never runs) SQL outside the cache to learn how SQLite judges it.
   *
   * @return SQLite's errmsg, or null when the SQL prepared
   */
  String probe(String sql) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      return null;
    } catch (SQLiteException e) {
      return SqliteErrors.errmsg(e.getMessage(), e.getResultCode());
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  /**
   * Checks a statement against D1's rules that depend on this connection's schema.
   *
   * @return the D1 error detail, or null when the statement may run
   */
  String schemaRefusal(io.github.d1java.sqlite.internal.Statement st) throws SQLException {
    return schemaRules.check(this, st);
  }

  /**
   * The statement SQLite runs for {@code st}: {@code st} itself, or its {@link Rewrite} on this
   * connection's schema, cached until the schema changes.
   *
   * @throws io.github.d1java.D1SqlException when D1 refuses the statement (ORDER BY without LIMIT)
   *     or the local engine cannot run it
   */
  io.github.d1java.sqlite.internal.Statement runnable(io.github.d1java.sqlite.internal.Statement st)
      throws SQLException {
    Rewrite rewrite = st.rewrite();
    if (rewrite == null) {
      return st;
    }
    long generation = SchemaRules.generation();
    if (generation != seen) {
      rewrites.clear();
      seen = generation;
    }
    io.github.d1java.sqlite.internal.Statement run = rewrites.get(st.text());
    if (run == null) {
      run = rewrite.prepare(this, st);
      if (rewrites.size() >= 256) {
        rewrites.clear();
      }
      rewrites.put(st.text(), run);
    }
    return run;
  }

  /** The shape of a table of {@code main} for {@link UpdateDeleteLimit}. */
  UpdateDeleteLimit.Shape shape(String schema, String table) throws SQLException {
    if (schema != null && !schema.equalsIgnoreCase("main")) {
      return UpdateDeleteLimit.Shape.ABSENT;
    }
    String type = null;
    boolean withoutRowid = false;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT type, wr FROM pragma_table_list WHERE schema = 'main'"
                + " AND name = ?1 COLLATE NOCASE")) {
      ps.setString(1, table);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          type = rs.getString(1);
          withoutRowid = rs.getInt(2) != 0;
        }
      }
    }
    if (type == null) {
      return UpdateDeleteLimit.Shape.ABSENT;
    }
    if (type.equals("view")) {
      return new UpdateDeleteLimit.Shape(UpdateDeleteLimit.Kind.VIEW, null, List.of());
    }
    List<String> names = new ArrayList<>();
    List<String> key = new ArrayList<>();
    String integerKey = null;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT name, pk, type FROM pragma_table_xinfo(?1, 'main') ORDER BY pk")) {
      ps.setString(1, table);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          names.add(name.toLowerCase(java.util.Locale.ROOT));
          if (rs.getInt(2) > 0) {
            key.add(name);
            integerKey = "INTEGER".equalsIgnoreCase(rs.getString(3)) ? name : null;
          }
        }
      }
    }
    if (withoutRowid) {
      return new UpdateDeleteLimit.Shape(UpdateDeleteLimit.Kind.WITHOUT_ROWID, null, key);
    }
    for (String alias : List.of("rowid", "_rowid_", "oid")) {
      if (!names.contains(alias)) {
        return new UpdateDeleteLimit.Shape(UpdateDeleteLimit.Kind.ROWID, alias, List.of());
      }
    }
    if (key.size() == 1 && integerKey != null) {
      String quoted = "\"" + integerKey.replace("\"", "\"\"") + "\"";
      return new UpdateDeleteLimit.Shape(UpdateDeleteLimit.Kind.ROWID, quoted, List.of());
    }
    return new UpdateDeleteLimit.Shape(UpdateDeleteLimit.Kind.NO_ROWID_NAME, null, List.of());
  }

  /**
   * Prepares (never runs) a statement and returns D1's error detail when SQLite refuses its syntax
   * ({@code near ...}, {@code incomplete input}, {@code unrecognized token}); null otherwise.
   */
  String syntaxError(io.github.d1java.sqlite.internal.Statement st) {
    try (PreparedStatement ps = connection.prepareStatement(st.text())) {
      return null;
    } catch (SQLiteException e) {
      String errmsg = SqliteErrors.errmsg(e.getMessage(), e.getResultCode());
      if (errmsg.startsWith("near ")
          || errmsg.equals("incomplete input")
          || errmsg.startsWith("unrecognized token")) {
        return SqliteErrors.of(e, st, this::probe).detail();
      }
      return null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** Drops a statement from the cache (after a failure, so no state lingers). */
  void evict(String sql) {
    PreparedStatement ps = cache.remove(sql);
    if (ps != null) {
      closeQuietly(ps);
    }
  }

  /** Runs a control statement (BEGIN, COMMIT, ROLLBACK). */
  void control(String sql) throws SQLException {
    try {
      control.execute(sql);
    } finally {
      if (sql.startsWith("ROLLBACK")) {
        // a rolled-back CREATE or DROP changes the schema back
        SchemaRules.schemaChanged();
      }
    }
  }

  /**
   * Runs several statements as one script ({@code sqlite3_exec}: each is prepared, stepped to the
   * end and finalized in turn; rows are discarded). The script must not start with a word:
   * sqlite-jdbc runs a text that starts with {@code backup} or {@code restore} as its own command.
   */
  void script(String sql) throws SQLException {
    try {
      control.executeUpdate(sql);
    } finally {
      SchemaRules.schemaChanged();
    }
  }

  /** Runs a control statement and ignores a failure (rollback after an error). */
  void controlQuietly(String sql) {
    try {
      control(sql);
    } catch (SQLException ignored) {
      // the transaction may already be gone, e.g. SQLite rolled it back itself
    }
  }

  byte[] serialize() throws SQLException {
    return connection.serialize("main");
  }

  void deserialize(byte[] image) throws SQLException {
    try {
      connection.deserialize("main", image);
    } finally {
      SchemaRules.schemaChanged();
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (Iterator<PreparedStatement> it = cache.values().iterator(); it.hasNext(); ) {
      PreparedStatement ps = it.next();
      it.remove();
      try {
        ps.close();
      } catch (SQLException e) {
        failure = add(failure, e);
      }
    }
    try {
      control.close();
    } catch (SQLException e) {
      failure = add(failure, e);
    }
    try {
      connection.close();
    } catch (SQLException e) {
      failure = add(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static SQLException add(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // closing a cached statement cannot lose data
    }
  }
}
