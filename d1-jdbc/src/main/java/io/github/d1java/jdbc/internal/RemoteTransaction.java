package io.github.d1java.jdbc.internal;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JDBC transaction on a backend without interactive transactions (D1 over REST or a Worker):
 * writes are buffered and {@link #commit} sends them as one atomic D1 {@code batch}; {@link
 * #rollback} drops them; a savepoint is a position in the buffer.
 *
 * <p>Reads run at once on committed data. That is what the transaction would see unless the read
 * depends on a buffered write, so such a read is refused: one that names a table written in the
 * transaction, or a view, trigger or foreign key reaching it (from the committed schema plus
 * buffered DDL), the schema after buffered DDL, or {@code last_insert_rowid()}/{@code changes()}. A
 * write whose rows are wanted (RETURNING, generated keys) is refused too: its result only exists at
 * commit. Not thread-safe (one connection).
 */
final class RemoteTransaction {

  /** One buffered statement. */
  record Buffered(String sql, List<Object> params, SqlWords words) {}

  private final D1Database db;
  private final List<Buffered> buffer = new ArrayList<>();
  private List<SchemaObject> schema;

  private record SchemaObject(String type, String name, String table, Set<String> words) {}

  RemoteTransaction(D1Database db) {
    this.db = db;
  }

  boolean isEmpty() {
    return buffer.isEmpty();
  }

  int size() {
    return buffer.size();
  }

  void truncate(int size) {
    while (buffer.size() > size) {
      buffer.remove(buffer.size() - 1);
    }
  }

  void add(String sql, List<Object> params, SqlWords words) {
    buffer.add(new Buffered(sql, params, words));
  }

  void clear() {
    buffer.clear();
    schema = null;
  }

  /** Sends the buffer as one batch; clears it whatever happens. */
  void commit() {
    if (buffer.isEmpty()) {
      return;
    }
    List<D1PreparedStatement> statements = new ArrayList<>(buffer.size());
    for (Buffered b : buffer) {
      statements.add(db.prepare(b.sql()).bind(b.params().toArray()));
    }
    try {
      db.batch(statements);
    } finally {
      clear();
    }
  }

  /** Throws unless a read of {@code read} sees what it would see inside this transaction. */
  void checkRead(String sql, SqlWords read) throws SQLException {
    if (buffer.isEmpty()) {
      return;
    }
    Set<String> words = new HashSet<>(read.words());
    for (String w : List.of("last_insert_rowid", "changes", "total_changes")) {
      if (words.contains(w)) {
        throw refused(sql, w + "()");
      }
    }
    Set<String> written = new HashSet<>();
    boolean ddl = false;
    for (Buffered b : buffer) {
      List<String> targets = b.words().targets();
      if (targets == null) {
        throw refused(sql, "the effects of '" + abbreviate(b.sql()) + "'");
      }
      written.addAll(targets);
      ddl |= b.words().isDdl();
    }
    if (ddl && readsSchema(read) && !namesOnlyUntouchedObjects(read, written)) {
      throw refused(sql, "the schema");
    }
    expand(written);
    for (String w : words) {
      if (written.contains(w)) {
        throw refused(sql, "'" + w + "'");
      }
    }
  }

  private static boolean readsSchema(SqlWords read) {
    if (read.first().equals("pragma")) {
      return true;
    }
    for (String w : read.words()) {
      if (w.startsWith("sqlite_") || w.startsWith("pragma_")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a schema read only asks about named objects that no buffered statement touches: a
   * {@code PRAGMA x(name)}, or a query whose only filters are equalities with string literals
   * ({@code WHERE type = 'table' AND tbl_name = 'flyway_schema_history'}), as schema tools check
   * whether one table exists. Anything else (OR, NOT, LIKE, IN, comparisons) may see other objects,
   * so it is not such a read.
   */
  private static boolean namesOnlyUntouchedObjects(SqlWords read, Set<String> written) {
    List<String> words = read.words();
    if (read.first().equals("pragma")) {
      // PRAGMA name(arg) or PRAGMA name('arg'): the argument must be untouched
      List<String> args = new ArrayList<>(words.subList(Math.min(2, words.size()), words.size()));
      args.addAll(read.literals());
      return !args.isEmpty() && java.util.Collections.disjoint(args, written);
    }
    for (String w :
        List.of(
            "or",
            "not",
            "like",
            "glob",
            "in",
            "between",
            "<",
            ">",
            "!",
            "union",
            "except",
            "intersect")) {
      if (words.contains(w)) {
        return false;
      }
    }
    return words.contains("where")
        && words.contains("=")
        && !read.literals().isEmpty()
        && java.util.Collections.disjoint(read.literals(), written);
  }

  /** Adds what a write to {@code written} can change: views, referencing tables, triggers. */
  private void expand(Set<String> written) {
    List<SchemaObject> objects = new ArrayList<>(schema());
    for (Buffered b : buffer) {
      if (b.words().first().equals("create") && b.words().targets() != null) {
        List<String> t = b.words().targets();
        String type =
            b.words().contains("trigger")
                ? "trigger"
                : b.words().contains("view")
                    ? "view"
                    : b.words().contains("index") ? "index" : "table";
        objects.add(
            new SchemaObject(
                type, t.get(0), t.get(t.size() - 1), new HashSet<>(b.words().words())));
      }
    }
    Set<String> names = new HashSet<>();
    for (SchemaObject o : objects) {
      if (o.type().equals("table") || o.type().equals("view")) {
        names.add(o.name());
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SchemaObject o : objects) {
        switch (o.type()) {
          case "trigger":
            if (written.contains(o.table())) {
              for (String w : o.words()) {
                if (names.contains(w) && written.add(w)) {
                  changed = true;
                }
              }
            }
            break;
          case "table":
          case "view":
            if (!written.contains(o.name())
                && !java.util.Collections.disjoint(o.words(), written)) {
              written.add(o.name());
              changed = true;
            }
            break;
          default:
            break;
        }
      }
    }
  }

  private List<SchemaObject> schema() {
    if (schema == null) {
      List<SchemaObject> out = new ArrayList<>();
      for (Map<String, Object> row :
          db.prepare(
                  "SELECT type, name, tbl_name, sql FROM sqlite_master"
                      + " WHERE sql IS NOT NULL AND type IN ('table', 'view', 'trigger')")
              .all()
              .results()) {
        String name = String.valueOf(row.get("name")).toLowerCase(java.util.Locale.ROOT);
        String table = String.valueOf(row.get("tbl_name")).toLowerCase(java.util.Locale.ROOT);
        Set<String> words = new HashSet<>(SqlWords.of(String.valueOf(row.get("sql"))).words());
        words.remove(name);
        out.add(new SchemaObject(String.valueOf(row.get("type")), name, table, words));
      }
      schema = out;
    }
    return schema;
  }

  private static SQLException refused(String sql, String what) {
    return new SQLFeatureNotSupportedException(
        "D1 has no interactive transactions over this connection: the read '"
            + abbreviate(sql)
            + "' depends on "
            + what
            + ", written earlier in this transaction, and those writes are only sent (as one"
            + " atomic batch) at commit(). Commit first, or read before writing.",
        Errors.INVALID_TRANSACTION_STATE);
  }

  static String abbreviate(String sql) {
    String s = sql.strip().replaceAll("\\s+", " ");
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
