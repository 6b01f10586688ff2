package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlToken;
import io.github.d1java.sqlite.internal.UsagePlan.Step;
import io.github.d1java.sqlite.internal.UsagePlan.Verb;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Derives D1's {@code rows_read} and {@code rows_written} for statements run on stock SQLite.
 *
 * <p>D1 counts in its patched SQLite (workerd {@code patches/sqlite/0001-row-counts-plain.patch}):
 * one row read per cursor {@code Rewind}, {@code Last}, successful {@code Next}/{@code Prev} and
 * seek, the whole table for {@code Count}; one row written per table or index entry inserted and
 * per table row deleted. sqlite-jdbc has no such counters, so this class models them from SQLite's
 * query plan ({@code EXPLAIN QUERY PLAN}, cached per statement text until the schema changes),
 * table row counts (cached per commit for reads), the index definitions, and the rows the statement
 * returned or changed. Exact for full scans, rowid and unique-index lookups, {@code count(*)},
 * inserts, updates and deletes by key, and most DDL; an estimate where D1's figure depends on where
 * matching rows lie in an index (see the module README, "Usage figures").
 *
 * <p>Thread-safe: the caches are concurrent; each call uses the connection it is given, which the
 * caller owns.
 */
final class UsageCounter {

  /** The figures of one statement. */
  record Figures(long read, long written) {
    static final Figures ZERO = new Figures(0, 0);
  }

  /** What is measured before a statement runs. */
  static final class Before {
    final Map<String, Long> counts = new HashMap<>();
    final boolean cached;
    long schemaRows = -1;
    boolean sequenceExisted;

    Before(boolean cached) {
      this.cached = cached;
    }
  }

  private record IndexInfo(
      String name, boolean unique, int keyColumns, Set<String> columns, Set<String> mentioned) {}

  private record TableInfo(
      List<IndexInfo> indexes, String rowidAlias, int foreignKeys, boolean autoincrement) {}

  private static final int PLAN_CACHE_LIMIT = 2048;

  /** The (empty, never changed) measurements of a read. */
  private static final Before READING = new Before(true);

  private static final Pattern EQ_TERM = Pattern.compile("[^<>!]=\\?");
  private static final Set<String> ROWID_NAMES = Set.of("rowid", "oid", "_rowid_");

  private final ConcurrentHashMap<String, UsagePlan> plans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TableInfo> tables = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, long[]> counts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> knownTables = new ConcurrentHashMap<>();
  private final LongSupplier dataVersion;

  /**
   * @param dataVersion a number that changes whenever committed data may have changed (cached row
   *     counts of earlier versions are not used)
   */
  UsageCounter(LongSupplier dataVersion) {
    this.dataVersion = dataVersion;
  }

  /** Forgets plans and schema facts (after DDL or a rollback). */
  void schemaChanged() {
    plans.clear();
    tables.clear();
    counts.clear();
    knownTables.clear();
  }

  /** The statement's plan, cached per text. */
  UsagePlan plan(Conn conn, Statement st) throws SQLException {
    String sql = st.text();
    UsagePlan p = plans.get(sql);
    if (p != null) {
      return p;
    }
    List<Step> steps = UsagePlan.needsPlan(st) ? explain(conn, sql) : List.of();
    p = UsagePlan.of(st, steps);
    if (plans.size() >= PLAN_CACHE_LIMIT) {
      plans.clear();
    }
    plans.put(sql, p);
    return p;
  }

  private static List<Step> explain(Conn conn, String sql) throws SQLException {
    List<Step> steps = new ArrayList<>();
    try (PreparedStatement ps = conn.connection().prepareStatement("EXPLAIN QUERY PLAN " + sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        steps.add(new Step(rs.getInt(1), rs.getInt(2), rs.getString(4)));
      }
    } catch (SQLException e) {
      // the statement ran, so only the prefix can fail (e.g. the SQL length limit): no plan
      return List.of();
    }
    return steps;
  }

  /**
   * Measures what the figures need from before the statement: row counts of the tables it scans (a
   * DELETE changes them) and, for DDL, the schema's size.
   *
   * @param cached whether committed counts may come from the cache (a read outside a transaction)
   */
  Before before(Conn conn, UsagePlan plan, boolean cached) throws SQLException {
    if (cached) {
      // a read: nothing changes while it runs, counts are taken after it (from the cache)
      return READING;
    }
    Before b = new Before(false);
    for (Step s : plan.steps) {
      String d = s.detail();
      if (d.startsWith("SCAN ")
          || (d.startsWith("SEARCH ") && (d.contains("<") || d.contains(">")))) {
        String t = plan.table(tableName(d, d.indexOf(' ') + 1));
        if (!b.counts.containsKey(key(t)) && isTable(conn, t)) {
          b.counts.put(key(t), count(conn, t, cached));
        }
      }
    }
    switch (plan.verb) {
      case CREATE_TABLE:
      case CREATE_INDEX:
      case CREATE_TRIGGER:
      case CREATE_VIEW:
      case DROP_TABLE:
      case DROP_INDEX:
      case DROP_OTHER:
      case ALTER_ADD:
        b.schemaRows = Connections.queryLong(conn, "SELECT count(*) FROM sqlite_schema");
        b.sequenceExisted =
            Connections.queryLong(
                    conn, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'")
                > 0;
        if (plan.verb == Verb.DROP_TABLE && plan.target != null) {
          b.counts.put(
              "#triggers",
              queryLong(
                  conn,
                  "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?"
                      + " COLLATE NOCASE",
                  plan.target));
          b.counts.put("#indexes", (long) table(conn, plan.target).indexes().size());
        }
        break;
      default:
        break;
    }
    return b;
  }

  /**
   * The figures of a statement that ran.
   *
   * @param returned rows the statement returned
   * @param direct rows it changed directly ({@code changes()}), 0 for reads
   * @param total rows it changed including triggers and foreign key actions
   * @param rowIdChanged whether {@code last_insert_rowid()} changed (an UPSERT inserted)
   */
  Figures after(
      Conn conn,
      UsagePlan plan,
      Before b,
      long returned,
      long direct,
      long total,
      boolean rowIdChanged)
      throws SQLException {
    switch (plan.verb) {
      case READ:
        if (plan.constantReads >= 0) {
          return new Figures(plan.constantReads, 0);
        }
        return new Figures(loopReads(conn, plan, b, returned), 0);
      case INSERT:
        return insert(conn, plan, b, returned, direct, total, rowIdChanged);
      case UPDATE:
        {
          long read = loopReads(conn, plan, b, direct) + returningReads(plan, returned);
          if (setsRowid(conn, plan.target, plan.setColumns)) {
            // the old row is looked up again and the new rowid checked (OP_NotExists)
            read += 2 * direct;
          }
          long written = direct * (1 + affectedIndexes(conn, plan.target, plan.setColumns));
          return new Figures(read, written + Math.max(0, total - direct));
        }
      case DELETE:
        {
          // without WHERE (and RETURNING, triggers, foreign keys) SQLite truncates: no plan steps
          long read = loopReads(conn, plan, b, direct);
          return new Figures(read + returningReads(plan, returned), total);
        }
      case CREATE_TABLE:
      case CREATE_VIEW:
        {
          long after = Connections.queryLong(conn, "SELECT count(*) FROM sqlite_schema");
          if (after == b.schemaRows) {
            return Figures.ZERO;
          }
          long read = 1;
          long written = 2;
          if (plan.verb == Verb.CREATE_TABLE && plan.target != null) {
            written +=
                queryLong(
                    conn,
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?"
                        + " COLLATE NOCASE AND sql IS NULL",
                    plan.target);
            if (plan.autoincrement && !b.sequenceExisted) {
              read += 1;
              written += 2;
            }
          }
          return new Figures(read, written);
        }
      case CREATE_INDEX:
        {
          long after = Connections.queryLong(conn, "SELECT count(*) FROM sqlite_schema");
          if (after == b.schemaRows || plan.target == null) {
            return Figures.ZERO;
          }
          long n = count(conn, plan.target, false);
          long k = n;
          if (plan.partialWhere != null) {
            k =
                Connections.queryLong(
                    conn,
                    "SELECT count(*) FROM " + quote(plan.target) + " WHERE " + plan.partialWhere);
          }
          return new Figures(n + k + 2, k + 1);
        }
      case CREATE_TRIGGER:
        return changedSchema(conn, b) ? new Figures(0, 1) : Figures.ZERO;
      case DROP_INDEX:
        return changedSchema(conn, b) ? new Figures(b.schemaRows + 2, 0) : Figures.ZERO;
      case DROP_TABLE:
        if (!changedSchema(conn, b)) {
          return Figures.ZERO;
        }
        return new Figures(
            b.schemaRows
                + 2
                + b.counts.getOrDefault("#indexes", 0L)
                + b.schemaRows * b.counts.getOrDefault("#triggers", 0L),
            0);
      case DROP_OTHER:
        return changedSchema(conn, b) ? new Figures(b.schemaRows + 1, 0) : Figures.ZERO;
      case ALTER_ADD:
        return new Figures(b.schemaRows + 3, 1);
      default:
        // PRAGMA and the like: D1 counts no rows for the allowed PRAGMAs but quick_check/optimize
        return new Figures(0, total);
    }
  }

  /**
   * Rows read back through RETURNING's ephemeral table. Measured against Miniflare: one row reads
   * 1; k rows read 2k (3k for an UPDATE, which also revisits each row).
   */
  private static long returningReads(UsagePlan plan, long returned) {
    if (!plan.returning || returned <= 1) {
      return plan.returning ? returned : 0;
    }
    return (plan.verb == Verb.UPDATE ? 3 : 2) * returned;
  }

  private boolean changedSchema(Conn conn, Before b) throws SQLException {
    return Connections.queryLong(conn, "SELECT count(*) FROM sqlite_schema") != b.schemaRows;
  }

  private Figures insert(
      Conn conn,
      UsagePlan plan,
      Before b,
      long returned,
      long direct,
      long total,
      boolean rowIdChanged)
      throws SQLException {
    if (plan.target == null) {
      return new Figures(returned, total);
    }
    TableInfo t = table(conn, plan.target);
    // INSERT ... VALUES plans also show the foreign key child scans, which run only when a
    // violation is pending; only INSERT ... SELECT reads through its plan
    long read = plan.hasSelect ? loopReads(conn, plan, b, direct) : 0;
    long written;
    long extra = Math.max(0, total - direct);
    if (plan.upsert && direct > 0 && !rowIdChanged) {
      // the conflicting row was updated: a lookup of it and the update's writes
      read += direct;
      written = direct * (1 + affectedIndexes(conn, plan.target, plan.setColumns));
    } else {
      boolean explicitKey =
          t.rowidAlias() != null
              && (plan.insertColumns.isEmpty() || plan.insertColumns.contains(t.rowidAlias()));
      long attempted = Math.max(direct, explicitKey && direct == 0 ? 1 : 0);
      if (explicitKey) {
        // OP_NotExists checks the new rowid
        read += attempted;
      }
      read += direct * t.foreignKeys();
      written = direct * (1 + t.indexes().size());
    }
    if (t.autoincrement() && direct > 0) {
      read += 1;
      written += 1;
    }
    return new Figures(read + returningReads(plan, returned), written + extra);
  }

  /** Rows read by the statement's loops, from its plan. */
  private long loopReads(Conn conn, UsagePlan plan, Before b, long returned) throws SQLException {
    List<Step> steps = plan.steps;
    if (steps.isEmpty()) {
      return 0;
    }
    List<Step> top = children(steps, 0);
    if (top.size() == 1 && plan.countStar && !plan.hasWhere) {
      Step s = top.get(0);
      if (s.detail().startsWith("SCAN ")) {
        // OP_Count adds the table's entry count, 0 for an empty table
        return countOf(conn, plan, b, s);
      }
    }
    return eval(conn, plan, b, steps, 0, 1, returned, top.size() == 1 || isSingleLoop(top));
  }

  private static boolean isSingleLoop(List<Step> top) {
    int loops = 0;
    for (Step s : top) {
      if (s.detail().startsWith("SCAN ") || s.detail().startsWith("SEARCH ")) {
        loops++;
      } else if (!s.detail().startsWith("USE TEMP B-TREE")) {
        return false;
      }
    }
    return loops == 1;
  }

  private long eval(
      Conn conn,
      UsagePlan plan,
      Before b,
      List<Step> steps,
      int parent,
      long iterations,
      long returned,
      boolean single)
      throws SQLException {
    long total = 0;
    long rows = iterations;
    for (Step s : children(steps, parent)) {
      String d = s.detail();
      if (d.startsWith("SCAN ")) {
        if (d.contains("CONSTANT ROW")) {
          continue;
        }
        String name = tableName(d, 5);
        Long n = countOrNull(conn, plan, b, name);
        if (n == null) {
          // a co-routine or materialized view: its own steps were counted
          rows = Math.max(returned, 1);
          continue;
        }
        long visited = n;
        if (single
            && plan.hasLimit
            && !plan.hasWhere
            && !plan.hasOffset
            && !plan.countStar
            && !hasTempBtree(steps)) {
          visited = Math.min(n, returned);
        }
        // Rewind counts once even on an empty table
        total += rows * Math.max(visited, 1);
        rows = rows * n;
      } else if (d.startsWith("SEARCH ")) {
        String name = tableName(d, 7);
        String table = plan.table(name);
        if (!d.contains(" USING ")) {
          // min()/max() by Last or a seek
          total += rows;
          continue;
        }
        if (d.contains("AUTOMATIC")) {
          Long n = countOrNull(conn, plan, b, name);
          total += (n == null ? 0 : n) + rows;
          rows = Math.max(returned, 1);
          continue;
        }
        if (d.contains("(rowid=?)")) {
          // SeekRowid counts even when the row is missing
          total += rows;
          continue;
        }
        if (isOneRow(conn, table, d)) {
          // a unique seek that finds nothing counts nothing
          total += single ? Math.min(returned, rows) : rows;
          continue;
        }
        Long n = countOrNull(conn, plan, b, name);
        long cap = n == null ? Long.MAX_VALUE : Math.max(n, 1);
        if (single) {
          boolean eqOnly = !d.contains(">") && !d.contains("<");
          // a range on the first index column runs to the end of the index; after an equality
          // prefix it stops at the next prefix's first entry
          boolean lowerOnly = d.contains(">") && !d.contains("<") && !EQ_TERM.matcher(d).find();
          if (returned == 0) {
            total += eqOnly ? 0 : 1;
          } else if (lowerOnly) {
            // the range runs to the end of the index: no entry after the last match
            total += returned;
          } else {
            total += Math.min(returned + 1, cap);
          }
          rows = returned;
        } else {
          total += Math.min(returned + rows, rows * cap);
          rows = Math.max(returned, 1);
        }
      } else if (d.startsWith("USE TEMP B-TREE FOR ORDER BY")
          || d.startsWith("USE TEMP B-TREE FOR GROUP BY")) {
        if (parent == 0) {
          total += plan.hasWhere ? returned : rows;
        }
      } else if (d.startsWith("CORRELATED ")) {
        total += rows * eval(conn, plan, b, steps, s.id(), 1, returned, false);
      } else if (d.startsWith("COMPOUND")
          || d.startsWith("LEFT-MOST")
          || d.startsWith("UNION")
          || d.startsWith("EXCEPT")
          || d.startsWith("INTERSECT")
          || d.startsWith("SCALAR SUBQUERY")
          || d.startsWith("LIST SUBQUERY")
          || d.startsWith("CO-ROUTINE")
          || d.startsWith("MATERIALIZE")
          || d.startsWith("MULTI-INDEX OR")
          || d.startsWith("INDEX ")
          || d.startsWith("SUBQUERY")) {
        total += eval(conn, plan, b, steps, s.id(), 1, returned, false);
      }
    }
    return total;
  }

  private static boolean hasTempBtree(List<Step> steps) {
    for (Step s : steps) {
      if (s.detail().startsWith("USE TEMP B-TREE FOR ORDER BY")
          || s.detail().startsWith("USE TEMP B-TREE FOR GROUP BY")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a SEARCH step finds at most one row: rowid equality or a unique index fully equal. */
  private boolean isOneRow(Conn conn, String table, String detail) throws SQLException {
    if (detail.contains("(rowid=?)")) {
      return true;
    }
    int open = detail.lastIndexOf('(');
    if (open < 0) {
      return false;
    }
    String cond = detail.substring(open + 1, detail.length() - (detail.endsWith(")") ? 1 : 0));
    if (cond.contains(">") || cond.contains("<")) {
      return false;
    }
    int terms = cond.split(" AND ", -1).length;
    int using = detail.indexOf("INDEX ");
    if (using < 0) {
      return detail.contains("USING PRIMARY KEY");
    }
    String index = word(detail, using + 6);
    TableInfo t = tableOrNull(conn, table);
    if (t == null) {
      return false;
    }
    for (IndexInfo i : t.indexes()) {
      if (i.name().equalsIgnoreCase(index)) {
        return i.unique() && terms >= i.keyColumns();
      }
    }
    return false;
  }

  private long countOf(Conn conn, UsagePlan plan, Before b, Step s) throws SQLException {
    Long n = countOrNull(conn, plan, b, tableName(s.detail(), 5));
    return n == null ? 0 : n;
  }

  private Long countOrNull(Conn conn, UsagePlan plan, Before b, String name) throws SQLException {
    String table = plan.table(name);
    Long n = b.counts.get(key(table));
    if (n != null) {
      return n;
    }
    if (!isTable(conn, table)) {
      return null;
    }
    return count(conn, table, b.cached);
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }

  private boolean isTable(Conn conn, String name) throws SQLException {
    String k = key(name);
    Boolean known = knownTables.get(k);
    if (known == null) {
      known =
          queryLong(
                  conn,
                  "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"
                      + " COLLATE NOCASE",
                  name)
              > 0;
      knownTables.put(k, known);
    }
    return known;
  }

  private long count(Conn conn, String table, boolean cached) throws SQLException {
    String k = key(table);
    long version = dataVersion.getAsLong();
    if (cached) {
      long[] c = counts.get(k);
      if (c != null && c[0] == version) {
        return c[1];
      }
    }
    long n;
    try {
      n = Connections.queryLong(conn, "SELECT count(*) FROM " + quote(table));
    } catch (SQLException e) {
      // a figure must never fail the user's statement: a virtual table can refuse a full scan
      // that the statement itself never makes (an FTS5 table whose content table is missing
      // answers MATCH from its index alone), so such a table counts as empty
      n = 0;
    }
    if (cached) {
      counts.put(k, new long[] {version, n});
    }
    return n;
  }

  private boolean setsRowid(Conn conn, String table, Set<String> columns) throws SQLException {
    if (table == null) {
      return false;
    }
    String alias = table(conn, table).rowidAlias();
    for (String c : columns) {
      if (ROWID_NAMES.contains(c) || c.equals(alias)) {
        return true;
      }
    }
    return false;
  }

  /** The index entries an UPDATE of these columns rewrites per row. */
  private long affectedIndexes(Conn conn, String table, Set<String> columns) throws SQLException {
    if (table == null) {
      return 0;
    }
    TableInfo t = table(conn, table);
    boolean rowid = false;
    for (String c : columns) {
      if (ROWID_NAMES.contains(c) || c.equals(t.rowidAlias())) {
        rowid = true;
      }
    }
    if (rowid) {
      return t.indexes().size();
    }
    long n = 0;
    for (IndexInfo i : t.indexes()) {
      for (String c : columns) {
        if (i.columns().contains(c) || i.mentioned().contains(c)) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  private TableInfo tableOrNull(Conn conn, String table) throws SQLException {
    return isTable(conn, table) ? table(conn, table) : null;
  }

  private TableInfo table(Conn conn, String table) throws SQLException {
    String k = key(table);
    TableInfo t = tables.get(k);
    if (t == null) {
      t = readTable(conn, table);
      tables.put(k, t);
    }
    return t;
  }

  private static TableInfo readTable(Conn conn, String table) throws SQLException {
    List<IndexInfo> indexes = new ArrayList<>();
    List<String[]> list = new ArrayList<>();
    try (PreparedStatement ps =
        conn.connection()
            .prepareStatement("SELECT name, \"unique\", origin FROM pragma_index_list(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    String tableSql = queryString(conn, "SELECT sql FROM sqlite_schema WHERE name = ?", table);
    boolean withoutRowid =
        tableSql != null && tableSql.toUpperCase(Locale.ROOT).matches("(?s).*WITHOUT\\s+ROWID.*");
    if (withoutRowid) {
      // the primary key index of a WITHOUT ROWID table is the table itself
      list.removeIf(i -> "pk".equals(i[2]));
    }
    for (String[] idx : list) {
      Set<String> cols = new HashSet<>();
      int keys = 0;
      try (PreparedStatement ps =
          conn.connection().prepareStatement("SELECT name FROM pragma_index_info(?)")) {
        ps.setString(1, idx[0]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keys++;
            String c = rs.getString(1);
            if (c != null) {
              cols.add(c.toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      Set<String> mentioned = new HashSet<>();
      String sql = queryString(conn, "SELECT sql FROM sqlite_schema WHERE name = ?", idx[0]);
      if (sql != null) {
        List<Statement> sts = Statement.split(sql);
        if (!sts.isEmpty()) {
          List<SqlToken> tokens = sts.get(0).tokens();
          boolean afterOn = false;
          for (SqlToken tok : tokens) {
            if ("ON".equals(UsagePlan.word(tok))) {
              afterOn = true;
            } else if (afterOn && UsagePlan.ident(tok) != null) {
              mentioned.add(UsagePlan.ident(tok).toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      indexes.add(new IndexInfo(idx[0], "1".equals(idx[1]), keys, cols, mentioned));
    }
    String alias = null;
    try (PreparedStatement ps =
        conn.connection()
            .prepareStatement("SELECT name, type, pk FROM pragma_table_info(?) WHERE pk > 0")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        int pks = 0;
        String name = null;
        String type = null;
        while (rs.next()) {
          pks++;
          name = rs.getString(1);
          type = rs.getString(2);
        }
        if (pks == 1 && "INTEGER".equalsIgnoreCase(type) && !withoutRowid) {
          alias = name.toLowerCase(Locale.ROOT);
        }
      }
    }
    long fks = queryLong(conn, "SELECT count(DISTINCT id) FROM pragma_foreign_key_list(?)", table);
    boolean autoincrement =
        tableSql != null && tableSql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
    return new TableInfo(List.copyOf(indexes), alias, (int) fks, autoincrement);
  }

  private static long queryLong(Conn conn, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = conn.connection().prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static String queryString(Conn conn, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = conn.connection().prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static List<Step> children(List<Step> steps, int parent) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s.parent() == parent) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The table or alias a plan step names at {@code from} ({@code "SCAN t"}, {@code "SEARCH t USING
   * ..."}, {@code "SCAN main.t"} when the statement wrote the schema, {@code "SCAN my table"} for a
   * name with spaces): up to {@code " USING "}, {@code " AS "} or {@code " VIRTUAL TABLE"}, without
   * a {@code main.} prefix.
   */
  static String tableName(String detail, int from) {
    int end = detail.length();
    for (String stop : PLAN_NAME_ENDS) {
      int at = detail.indexOf(stop, from);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String name = detail.substring(from, end);
    return name.regionMatches(true, 0, "main.", 0, 5) && name.length() > 5
        ? name.substring(5)
        : name;
  }

  private static final List<String> PLAN_NAME_ENDS = List.of(" USING ", " AS ", " VIRTUAL TABLE");

  /** The word at {@code from} in a plan detail (up to a space), without a {@code main.} prefix. */
  private static String word(String detail, int from) {
    int end = detail.indexOf(' ', from);
    String name = end < 0 ? detail.substring(from) : detail.substring(from, end);
    return name.regionMatches(true, 0, "main.", 0, 5) ? name.substring(5) : name;
  }

  private static String quote(String id) {
    return "\"" + id.replace("\"", "\"\"") + "\"";
  }
}
