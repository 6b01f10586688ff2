package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * D1's rules that depend on the schema, for one connection: a view is resolved, and a trigger
 * coded, when a statement uses them, so a body that breaks a rule fails that statement (as in
 * workerd, without an offset); FTS5 shadow tables are read-only ({@code SQLITE_DBCONFIG_DEFENSIVE},
 * which sqlite-jdbc cannot set); {@code dbstat} and {@code fts3tokenize}, which D1's SQLite lacks,
 * are no such table. The snapshot of the schema is re-read after any schema change made through
 * this library ({@link #schemaChanged()}). Not thread-safe: one per connection.
 */
final class SchemaRules {

  /** Bumped after every statement that may change a schema, in any database of this process. */
  private static final AtomicLong GENERATION = new AtomicLong();

  private static final Set<String> ABSENT_TABLES = Set.of("dbstat", "fts3tokenize");

  private static final List<String> FTS5_SHADOWS =
      List.of("_data", "_idx", "_content", "_docsize", "_config");

  private static final Set<String> CLAUSE_ENDS =
      Set.of(
          "SELECT",
          "WHERE",
          "ON",
          "USING",
          "GROUP",
          "ORDER",
          "HAVING",
          "LIMIT",
          "SET",
          "VALUES",
          "WINDOW",
          "RETURNING",
          "UNION",
          "EXCEPT",
          "INTERSECT");

  private long seen = -1;
  private Snapshot snapshot;

  /** What the current schema means for the rules; empty maps when nothing applies. */
  private record Snapshot(
      Set<String> objects,
      Map<String, String> views,
      Map<String, String> triggers,
      Map<String, String> shadows) {

    boolean inert() {
      return views.isEmpty() && triggers.isEmpty() && shadows.isEmpty();
    }
  }

  /** The number of schema changes seen so far (a schema snapshot is valid while it holds). */
  static long generation() {
    return GENERATION.get();
  }

  /** Call after a statement that may have changed the schema has run (or failed). */
  static void schemaChanged() {
    GENERATION.incrementAndGet();
  }

  /**
   * Checks a statement against the schema of the connection.
   *
   * @param conn the connection that will run it; not null
   * @param st the statement; not null
   * @return the D1 error detail, or null when the statement may run
   */
  String check(Conn conn, Statement st) throws SQLException {
    long generation = GENERATION.get();
    if (snapshot == null || seen != generation) {
      snapshot = read(conn);
      seen = generation;
    }
    List<SqlToken> tokens = st.tokens();
    String absent = absentTable(tokens);
    if (absent != null) {
      return absent;
    }
    if (snapshot.inert()) {
      return null;
    }
    String first = firstKeyword(tokens);
    if (first == null || first.equals("CREATE") || first.equals("DROP")) {
      // D1 resolves neither a view nor a trigger body when one is created or dropped
      return first != null && first.equals("DROP") ? dropShadow(tokens) : null;
    }
    for (int i = 0; i < tokens.size(); i++) {
      String id = Statement.identifier(tokens.get(i));
      if (id == null) {
        continue;
      }
      String problem = snapshot.views.get(id.toLowerCase(Locale.ROOT));
      if (problem != null && !qualifier(tokens, i)) {
        return problem;
      }
    }
    Write write = write(tokens);
    if (write != null) {
      String shadow = snapshot.shadows.get(write.table);
      if (shadow != null) {
        return "table " + shadow + " may not be modified: SQLITE_ERROR";
      }
      for (String event : write.events) {
        String problem = snapshot.triggers.get(write.table + " " + event);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private String dropShadow(List<SqlToken> tokens) {
    if (tokens.size() < 3 || !"TABLE".equals(Statement.word(tokens.get(1)))) {
      return null;
    }
    int i = 2;
    if ("IF".equals(Statement.word(tokens.get(i)))) {
      i += 2;
    }
    if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
      i += 2;
    }
    String id = i < tokens.size() ? Statement.identifier(tokens.get(i)) : null;
    String shadow = id == null ? null : snapshot.shadows.get(id.toLowerCase(Locale.ROOT));
    return shadow == null ? null : "table " + shadow + " may not be dropped: SQLITE_ERROR";
  }

  /** {@code dbstat} or {@code fts3tokenize} read as a table, when no schema object has the name. */
  private String absentTable(List<SqlToken> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      String id = Statement.identifier(tokens.get(i));
      if (id == null || !isAbsentTableName(id)) {
        continue;
      }
      if (inFromClause(tokens, i) && !snapshot.objects.contains(id.toLowerCase(Locale.ROOT))) {
        return "no such table: " + id + ": SQLITE_ERROR";
      }
    }
    return null;
  }

  /** Whether {@code id} names one of {@link #ABSENT_TABLES} in any letter case (no allocation). */
  private static boolean isAbsentTableName(String id) {
    for (String name : ABSENT_TABLES) {
      if (name.equalsIgnoreCase(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inFromClause(List<SqlToken> tokens, int i) {
    SqlToken prev = tokens.get(i - 1);
    if (prev.isSymbol(".")) {
      if (i < 2 || !"main".equalsIgnoreCase(Statement.identifier(tokens.get(i - 2)))) {
        return false;
      }
      i -= 2;
      prev = i > 0 ? tokens.get(i - 1) : null;
    }
    if (prev == null) {
      return false;
    }
    String kw = Statement.word(prev);
    if ("FROM".equals(kw) || "JOIN".equals(kw)) {
      return true;
    }
    if (!prev.isSymbol(",") && !prev.isSymbol("(")) {
      return false;
    }
    int depth = 0;
    for (int j = i - 1; j >= 0; j--) {
      SqlToken t = tokens.get(j);
      if (t.isSymbol(")")) {
        depth++;
      } else if (t.isSymbol("(")) {
        if (depth == 0) {
          // a parenthesised source: FROM (a, dbstat)
          if (j > 0
              && ("FROM".equals(Statement.word(tokens.get(j - 1)))
                  || "JOIN".equals(Statement.word(tokens.get(j - 1))))) {
            return true;
          }
          if (j != i - 1) {
            return false;
          }
        } else {
          depth--;
        }
      } else if (depth == 0 && Statement.word(t) != null) {
        if (Statement.word(t).equals("FROM") || Statement.word(t).equals("JOIN")) {
          return true;
        }
        if (CLAUSE_ENDS.contains(Statement.word(t))) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean qualifier(List<SqlToken> tokens, int i) {
    return (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("."))
        || (i > 0 && "AS".equals(Statement.word(tokens.get(i - 1))));
  }

  /** The table a statement writes and the trigger events that fires. */
  private record Write(String table, List<String> events) {}

  private static Write write(List<SqlToken> tokens) {
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
      String kw = Statement.word(t);
      if (depth != 0 || kw == null) {
        continue;
      }
      if (kw.equals("INSERT") || kw.equals("REPLACE")) {
        int into = indexOf(tokens, "INTO", i + 1);
        String table = tableAt(tokens, into + 1);
        boolean upsert = indexOf(tokens, "DO", into + 1) >= 0;
        return table == null
            ? null
            : new Write(table, upsert ? List.of("INSERT", "UPDATE") : List.of("INSERT"));
      }
      if (kw.equals("UPDATE")) {
        int at = i + 1;
        if ("OR".equals(keywordAt(tokens, at))) {
          at += 2;
        }
        String table = tableAt(tokens, at);
        return table == null ? null : new Write(table, List.of("UPDATE"));
      }
      if (kw.equals("DELETE")) {
        String table = tableAt(tokens, i + 2);
        return table == null ? null : new Write(table, List.of("DELETE"));
      }
    }
    return null;
  }

  private static int indexOf(List<SqlToken> tokens, String keyword, int from) {
    for (int i = Math.max(from, 0); i < tokens.size(); i++) {
      if (keyword.equals(Statement.word(tokens.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static String keywordAt(List<SqlToken> tokens, int i) {
    return i < tokens.size() ? Statement.word(tokens.get(i)) : null;
  }

  private static String tableAt(List<SqlToken> tokens, int i) {
    if (i <= 0 || i >= tokens.size()) {
      return null;
    }
    if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
      i += 2;
    }
    String id = Statement.identifier(tokens.get(i));
    return id == null ? null : id.toLowerCase(Locale.ROOT);
  }

  private static String firstKeyword(List<SqlToken> tokens) {
    int i = 0;
    if ("EXPLAIN".equals(keywordAt(tokens, 0))) {
      i = "QUERY".equals(keywordAt(tokens, 1)) ? 3 : 1;
    }
    return keywordAt(tokens, i);
  }

  private static Snapshot read(Conn conn) throws SQLException {
    Set<String> objects = new HashSet<>();
    Map<String, Statement> viewBodies = new HashMap<>();
    List<Statement> triggerBodies = new ArrayList<>();
    Map<String, String> shadows = new HashMap<>();
    try (java.sql.Statement query = conn.connection().createStatement();
        ResultSet rs = query.executeQuery("SELECT type, name, sql FROM sqlite_schema")) {
      while (rs.next()) {
        String type = rs.getString(1);
        String name = rs.getString(2);
        String sql = rs.getString(3);
        objects.add(name.toLowerCase(Locale.ROOT));
        if (sql == null) {
          continue;
        }
        if (type.equals("view")) {
          viewBodies.put(name.toLowerCase(Locale.ROOT), parse(sql));
        } else if (type.equals("trigger")) {
          triggerBodies.add(parse(sql));
        } else if (type.equals("table") && isFts5(parse(sql))) {
          for (String suffix : FTS5_SHADOWS) {
            shadows.put((name + suffix).toLowerCase(Locale.ROOT), name + suffix);
          }
        }
      }
    }
    Map<String, String> views = new HashMap<>();
    for (Map.Entry<String, Statement> e : viewBodies.entrySet()) {
      String problem = Authorizer.bodyError(e.getValue());
      if (problem != null) {
        views.put(e.getKey(), problem);
      }
    }
    // a view over a refused view is refused too
    boolean grew = !views.isEmpty();
    while (grew) {
      grew = false;
      for (Map.Entry<String, Statement> e : viewBodies.entrySet()) {
        if (!views.containsKey(e.getKey())) {
          String problem = usesView(e.getValue().tokens(), views);
          if (problem != null) {
            views.put(e.getKey(), problem);
            grew = true;
          }
        }
      }
    }
    Map<String, String> triggers = new HashMap<>();
    for (Statement body : triggerBodies) {
      String problem = Authorizer.bodyError(body);
      if (problem == null) {
        problem = usesView(body.tokens(), views);
      }
      if (problem != null) {
        String key = triggerKey(body.tokens());
        if (key != null) {
          triggers.putIfAbsent(key, problem);
        }
      }
    }
    return new Snapshot(objects, views, triggers, shadows);
  }

  private static String usesView(List<SqlToken> tokens, Map<String, String> views) {
    for (int i = 0; i < tokens.size(); i++) {
      String id = Statement.identifier(tokens.get(i));
      String problem = id == null ? null : views.get(id.toLowerCase(Locale.ROOT));
      if (problem != null && !qualifier(tokens, i)) {
        return problem;
      }
    }
    return null;
  }

  /** {@code "<table> <EVENT>"} of a CREATE TRIGGER statement, or null. */
  private static String triggerKey(List<SqlToken> tokens) {
    String event = null;
    for (int i = 0; i < tokens.size(); i++) {
      String kw = Statement.word(tokens.get(i));
      if (kw == null) {
        continue;
      }
      if (event == null && (kw.equals("INSERT") || kw.equals("UPDATE") || kw.equals("DELETE"))) {
        event = kw;
      }
      if (kw.equals("ON") && event != null) {
        String table = tableAt(tokens, i + 1);
        return table == null ? null : table + " " + event;
      }
    }
    return null;
  }

  private static boolean isFts5(Statement create) {
    List<SqlToken> tokens = create.tokens();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if ("USING".equals(Statement.word(tokens.get(i)))) {
        String module = Statement.identifier(tokens.get(i + 1));
        return module != null && module.equalsIgnoreCase("fts5");
      }
    }
    return false;
  }

  /** A stored CREATE statement as the lexer bounds it (its offsets are not used). */
  private static Statement parse(String sql) {
    List<Statement> statements = Statement.split(sql);
    return statements.isEmpty() ? Statement.split("SELECT 1").get(0) : statements.get(0);
  }
}
