package io.github.d1java.testkit.server.internal;

import io.github.d1java.D1Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * D1's export format ({@code dumpSql}): {@code PRAGMA defer_foreign_keys=TRUE;}, each table's
 * {@code CREATE} followed by its {@code INSERT}s, then indexes, triggers and views; values encoded
 * as D1 does (JavaScript number text, {@code replace(...,char(10))} for newlines, {@code X'..'}
 * blobs). One divergence: integers are written exactly, where D1 rounds them beyond 2^53.
 */
public final class SqlDump {

  /** Thrown when the database cannot be exported (virtual tables), with D1's text. */
  public static final class ExportError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExportError(String message) {
      super(message);
    }
  }

  private SqlDump() {}

  /**
   * @param db the database
   * @param noSchema leave out CREATE statements
   * @param noData leave out INSERT statements
   * @param tables the tables to export, empty for all
   * @return the SQL text, statements joined by newlines, no trailing newline
   * @throws ExportError for virtual tables
   */
  public static String dump(D1Database db, boolean noSchema, boolean noData, List<String> tables) {
    List<String> out = new ArrayList<>();
    out.add("PRAGMA defer_foreign_keys=TRUE;");
    List<List<Object>> schema =
        db.prepare(
                "SELECT name, type, sql FROM sqlite_schema AS o WHERE (true) AND type=='table' AND"
                    + " sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid")
            .raw();
    List<List<Object>> selected = new ArrayList<>();
    for (List<Object> t : schema) {
      String name = (String) t.get(0);
      if (!tables.isEmpty() && !tables.contains(name)) {
        continue;
      }
      if (((String) t.get(2)).startsWith("CREATE VIRTUAL TABLE")) {
        throw new ExportError(
            "D1 Export error: cannot export databases with Virtual Tables (fts5)");
      }
      selected.add(t);
    }
    for (List<List<Object>> group : order(db, selected)) {
      // a cycle of foreign keys: every table of it exists before any of them is filled
      for (List<Object> t : group) {
        String name = (String) t.get(0);
        String sql = (String) t.get(2);
        if (noSchema || name.startsWith("_cf_")) {
          continue;
        }
        if (name.equals("sqlite_sequence")) {
          out.add("DELETE FROM sqlite_sequence;");
        } else if (name.startsWith("sqlite_stat")) {
          out.add("ANALYZE sqlite_schema;");
        } else if (!name.startsWith("sqlite_")) {
          out.add(
              sql.matches("(?s)CREATE TABLE ['\"].*")
                  ? "CREATE TABLE IF NOT EXISTS " + sql.substring(13) + ";"
                  : sql + ";");
        }
      }
      for (List<Object> t : group) {
        String name = (String) t.get(0);
        boolean internal =
            name.startsWith("_cf_")
                || (name.startsWith("sqlite_")
                    && !name.equals("sqlite_sequence")
                    && !name.startsWith("sqlite_stat"));
        if (!noData && !internal) {
          rows(db, name, out);
        }
      }
    }
    if (!noSchema) {
      List<List<Object>> others =
          db.prepare(
                  "SELECT name, sql FROM sqlite_schema AS o WHERE (true) AND sql NOT NULL AND type"
                      + " IN ('index', 'trigger', 'view') ORDER BY type COLLATE NOCASE")
              .raw();
      for (List<Object> o : others) {
        if (tables.isEmpty() || tables.contains((String) o.get(0))) {
          out.add(o.get(1) + ";");
        }
      }
    }
    return String.join("\n", out);
  }

  /**
   * D1's creation order, except that a table comes after the tables its foreign keys reference, and
   * the tables of a cycle form one group; unchanged when creation order already works.
   */
  private static List<List<List<Object>>> order(D1Database db, List<List<Object>> tables) {
    int n = tables.size();
    boolean[][] reaches = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      String name = (String) tables.get(i).get(0);
      if (name.startsWith("_cf_") || name.startsWith("sqlite_")) {
        continue;
      }
      for (List<Object> fk : db.prepare("PRAGMA foreign_key_list(" + ident(name) + ")").raw()) {
        for (int j = 0; j < n; j++) {
          if (j != i && ((String) tables.get(j).get(0)).equalsIgnoreCase((String) fk.get(2))) {
            reaches[i][j] = true;
          }
        }
      }
    }
    boolean[][] direct = new boolean[n][];
    for (int i = 0; i < n; i++) {
      direct[i] = reaches[i].clone();
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if (reaches[i][k]) {
          for (int j = 0; j < n; j++) {
            reaches[i][j] |= reaches[k][j];
          }
        }
      }
    }
    List<List<List<Object>>> order = new ArrayList<>();
    boolean[] placed = new boolean[n];
    for (int i = 0; i < n; i++) {
      place(i, tables, direct, reaches, placed, order);
    }
    return order;
  }

  private static void place(
      int i,
      List<List<Object>> tables,
      boolean[][] direct,
      boolean[][] reaches,
      boolean[] placed,
      List<List<List<Object>>> order) {
    if (placed[i]) {
      return;
    }
    List<Integer> cycle = new ArrayList<>();
    for (int j = 0; j < tables.size(); j++) {
      if (j == i || (reaches[i][j] && reaches[j][i])) {
        cycle.add(j);
        placed[j] = true;
      }
    }
    for (int m : cycle) {
      for (int j = 0; j < tables.size(); j++) {
        if (direct[m][j] && !cycle.contains(j)) {
          place(j, tables, direct, reaches, placed, order);
        }
      }
    }
    List<List<Object>> group = new ArrayList<>();
    for (int m : cycle) {
      group.add(tables.get(m));
    }
    order.add(group);
  }

  private static void rows(D1Database db, String table, List<String> out) {
    List<String> columns = new ArrayList<>();
    for (List<Object> c : db.prepare("PRAGMA table_info(" + ident(table) + ")").raw()) {
      columns.add((String) c.get(1));
    }
    if (columns.isEmpty()) {
      return;
    }
    StringBuilder select = new StringBuilder("SELECT ");
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      select.append(i == 0 ? "" : ", ").append(ident(columns.get(i)));
      names.append(i == 0 ? "" : ",").append(ident(columns.get(i)));
    }
    select.append(" FROM ").append(ident(table));
    String prefix = "INSERT INTO " + ident(table) + " (" + names + ") VALUES(";
    for (List<Object> row : db.prepare(select.toString()).raw()) {
      StringBuilder sb = new StringBuilder(prefix);
      for (int i = 0; i < row.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(literal(row.get(i)));
      }
      out.add(sb.append(");").toString());
    }
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Long) {
      return v.toString();
    }
    if (v instanceof Double) {
      return jsNumber((Double) v);
    }
    if (v instanceof byte[]) {
      return "X'" + HexFormat.of().formatHex((byte[]) v) + "'";
    }
    String s = v.toString();
    boolean cr = s.indexOf('\r') >= 0;
    boolean lf = s.indexOf('\n') >= 0;
    String q = "'" + s.replace("'", "''").replace("\n", "\\n").replace("\r", "\\r") + "'";
    if (cr) {
      q = "replace(" + q + ",'\\r',char(13))";
    }
    if (lf) {
      q = "replace(" + q + ",'\\n',char(10))";
    }
    return q;
  }

  /**
   * The shortest decimal that reads back as {@code d} (Java 17's Double.toString is not always).
   */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r.stripTrailingZeros();
      }
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros();
  }

  /** JavaScript's {@code Number.prototype.toString()}: {@code 3}, {@code 1e+21}, {@code 1e-7}. */
  static String jsNumber(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal b = shortest(Math.abs(d));
    String s = b.unscaledValue().toString();
    int k = s.length();
    int n = k - b.scale();
    String body;
    if (k <= n && n <= 21) {
      body = s + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      body = s.substring(0, n) + "." + s.substring(n);
    } else if (-6 < n && n <= 0) {
      body = "0." + "0".repeat(-n) + s;
    } else {
      String e = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
      body = (k == 1 ? s : s.charAt(0) + "." + s.substring(1)) + "e" + e;
    }
    return sign + body;
  }
}
