package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clauses of an {@code UPDATE} or {@code DELETE} with {@code ORDER BY} or {@code LIMIT}, and
 * their rewrite into a statement sqlite-jdbc's SQLite accepts. D1's SQLite is built with {@code
 * SQLITE_ENABLE_UPDATE_DELETE_LIMIT}; sqlite-jdbc's is not, so such a statement is rewritten as
 * SQLite itself rewrites it ({@code sqlite3LimitWhere} in delete.c):
 *
 * <pre>
 * DELETE FROM t WHERE w ORDER BY o LIMIT l
 *   becomes
 * DELETE FROM t WHERE rowid IN (SELECT rowid FROM t WHERE w ORDER BY o LIMIT l)
 * </pre>
 *
 * <p>with the primary key columns in place of {@code rowid} for a {@code WITHOUT ROWID} table
 * ({@code _rowid_}, {@code oid} or the INTEGER PRIMARY KEY when a column hides {@code rowid}), the
 * {@code INDEXED BY} clause moved into the subquery, {@code RETURNING} moved after it, and {@code
 * main.} before the subquery's table under a WITH clause; {@code UPDATE ... FROM} is rewritten as
 * {@code updateFromSelect} runs it ({@link #rewrite}). A view (whose INSTEAD OF triggers see the
 * rows D1 orders and limits) has no rowid to select, so it is refused with {@link #NOT_SUPPORTED},
 * as are a table whose columns hide every name of the rowid and an {@code UPDATE ... FROM}
 * assigning a row value from a subquery. The user's text is copied verbatim, so SQLite's errors
 * name the same tokens, and each character of the rewrite remembers where it came from, so error
 * offsets are the user's. Parameters keep their numbers: when the move of {@code RETURNING} would
 * change the order in which SQLite numbers them, they are written as {@code ?N}.
 *
 * <p>The grammar is SQLite's: {@code [WITH ...] UPDATE [OR x] name [AS a] [INDEXED BY i | NOT
 * INDEXED] SET ... [FROM ...] [WHERE ...] [RETURNING ...] [ORDER BY ...] [LIMIT ...]}, and {@code
 * DELETE FROM} likewise without {@code SET} and {@code FROM}; an {@code EXPLAIN} prefix is kept.
 * Clauses out of that order stay in the clause before them, so SQLite reports the same syntax error
 * as D1. Immutable and thread-safe.
 */
final class UpdateDeleteLimit implements Rewrite {

  static final String NOT_SUPPORTED =
      "ORDER BY and LIMIT on %s are not supported by the local engine"
          + " (sqlite-jdbc lacks SQLITE_ENABLE_UPDATE_DELETE_LIMIT): SQLITE_ERROR";

  /** The shape of the table a statement writes, as far as the rewrite needs it. */
  record Shape(Kind kind, String key, List<String> keyColumns) {
    static final Shape ABSENT = new Shape(Kind.ABSENT, "rowid", List.of());
  }

  /** What the target is. */
  enum Kind {
    /** A rowid table or a virtual table: {@code key} is a name of its rowid. */
    ROWID,
    /** A {@code WITHOUT ROWID} table: {@code keyColumns} is its primary key. */
    WITHOUT_ROWID,
    /** A view (D1 orders and limits the rows its INSTEAD OF triggers see). */
    VIEW,
    /** A rowid table whose every name for the rowid is a column, without INTEGER PRIMARY KEY. */
    NO_ROWID_NAME,
    /** No such table in {@code main}: SQLite reports it. */
    ABSENT
  }

  private static final int FROM = 1;
  private static final int WHERE = 2;
  private static final int RETURNING = 3;
  private static final int ORDER = 4;
  private static final int LIMIT = 5;

  final boolean delete;

  /** Whether a WITH clause precedes the verb (its names could hide the table in the subquery). */
  private final boolean with;

  /** The index of the UPDATE or DELETE token. */
  private final int verbIndex;

  final String schema;
  final String table;

  /** Token indexes: the first name token, the one after the name and alias. */
  private final int name;

  private final int nameEnd;

  /** {@code INDEXED BY x} or {@code NOT INDEXED}: first token and the one after, or -1. */
  private final int indexed;

  private final int indexedEnd;

  /** {@code SET} (UPDATE only) or -1. */
  private final int set;

  /** Where each clause starts (indexed by the constants above), -1 when absent. */
  private final int[] clause;

  /** The index after the last token (a trailing {@code ;} excluded). */
  private final int end;

  private UpdateDeleteLimit(
      boolean delete,
      boolean with,
      int verbIndex,
      String schema,
      String table,
      int name,
      int nameEnd,
      int indexed,
      int indexedEnd,
      int set,
      int[] clause,
      int end) {
    this.delete = delete;
    this.with = with;
    this.verbIndex = verbIndex;
    this.schema = schema;
    this.table = table;
    this.name = name;
    this.nameEnd = nameEnd;
    this.indexed = indexed;
    this.indexedEnd = indexedEnd;
    this.set = set;
    this.clause = clause;
    this.end = end;
  }

  /**
   * The clauses of a statement that needs the rewrite.
   *
   * @return null unless the statement is an {@code UPDATE} or {@code DELETE} (after {@code WITH} or
   *     {@code EXPLAIN}) with a top-level {@code ORDER BY} or {@code LIMIT}
   */
  static UpdateDeleteLimit of(SqlStatement parsed) {
    List<SqlToken> tokens = parsed.tokens();
    int n = tokens.size();
    if (n > 0 && tokens.get(n - 1).type() == SqlTokenType.SEMICOLON) {
      n--;
    }
    int i = 0;
    if (i < n && tokens.get(i).isKeyword("EXPLAIN")) {
      i++;
      if (i + 1 < n && tokens.get(i).isKeyword("QUERY") && tokens.get(i + 1).isKeyword("PLAN")) {
        i += 2;
      }
    }
    if (i >= n) {
      return null;
    }
    SqlToken first = tokens.get(i);
    boolean with = first.isKeyword("WITH");
    if (with) {
      i = mainVerb(tokens, i + 1, n);
      if (i < 0) {
        return null;
      }
    } else if (!first.isKeyword("UPDATE") && !first.isKeyword("DELETE")) {
      return null;
    }
    boolean delete = tokens.get(i).isKeyword("DELETE");
    int p = i + 1;
    if (delete) {
      if (p >= n || !tokens.get(p).isKeyword("FROM")) {
        return null;
      }
      p++;
    } else if (p < n && tokens.get(p).isKeyword("OR")) {
      p += 2;
    }
    if (p >= n || Statement.identifier(tokens.get(p)) == null && !isString(tokens.get(p))) {
      return null;
    }
    int name = p;
    String schema = null;
    String table = tokens.get(p).name();
    p++;
    if (p + 1 < n && tokens.get(p).isSymbol(".")) {
      schema = table;
      table = tokens.get(p + 1).name();
      p += 2;
    }
    if (p + 1 < n && tokens.get(p).isKeyword("AS")) {
      p += 2;
    }
    int nameEnd = p;
    int indexed = -1;
    int indexedEnd = -1;
    if (p + 2 < n && tokens.get(p).isKeyword("INDEXED") && tokens.get(p + 1).isKeyword("BY")) {
      indexed = p;
      indexedEnd = p + 3;
    } else if (p + 1 < n
        && tokens.get(p).isKeyword("NOT")
        && tokens.get(p + 1).isKeyword("INDEXED")) {
      indexed = p;
      indexedEnd = p + 2;
    }
    if (indexed >= 0) {
      p = indexedEnd;
    }
    int set = -1;
    if (!delete) {
      if (p >= n || !tokens.get(p).isKeyword("SET")) {
        return null;
      }
      set = p;
      p++;
    }
    int[] clause = new int[LIMIT + 1];
    Arrays.fill(clause, -1);
    int stage = 0;
    int depth = 0;
    for (int k = p; k < n; k++) {
      SqlToken t = tokens.get(k);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.type() == SqlTokenType.KEYWORD) {
        int rank = rank(tokens, k, n, delete);
        if (rank > stage) {
          clause[rank] = k;
          stage = rank;
        }
      }
    }
    if (clause[ORDER] < 0 && clause[LIMIT] < 0) {
      return null;
    }
    return new UpdateDeleteLimit(
        delete, with, i, schema, table, name, nameEnd, indexed, indexedEnd, set, clause, n);
  }

  /** The index of the UPDATE or DELETE that follows a WITH clause at depth 0, or -1. */
  private static int mainVerb(List<SqlToken> tokens, int from, int n) {
    int depth = 0;
    for (int k = from; k < n; k++) {
      SqlToken t = tokens.get(k);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.type() == SqlTokenType.KEYWORD) {
        if (t.isKeyword("UPDATE") || t.isKeyword("DELETE")) {
          return k;
        }
        if (t.isKeyword("SELECT")
            || t.isKeyword("VALUES")
            || t.isKeyword("INSERT")
            || t.isKeyword("REPLACE")) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static int rank(List<SqlToken> tokens, int k, int n, boolean delete) {
    SqlToken t = tokens.get(k);
    if (t.isKeyword("FROM")) {
      // "a IS [NOT] DISTINCT FROM b" is an operator
      return !delete && !(k > 0 && tokens.get(k - 1).isKeyword("DISTINCT")) ? FROM : 0;
    }
    if (t.isKeyword("WHERE")) {
      return WHERE;
    }
    if (t.isKeyword("RETURNING")) {
      return RETURNING;
    }
    if (t.isKeyword("ORDER") && k + 1 < n && tokens.get(k + 1).isKeyword("BY")) {
      return ORDER;
    }
    if (t.isKeyword("LIMIT")) {
      return LIMIT;
    }
    return 0;
  }

  private static boolean isString(SqlToken t) {
    return t.type() == SqlTokenType.STRING;
  }

  /** "UPDATE" or "DELETE", as SQLite names the statement in its errors. */
  String verb() {
    return delete ? "DELETE" : "UPDATE";
  }

  boolean hasLimit() {
    return clause[LIMIT] >= 0;
  }

  boolean hasFrom() {
    return clause[FROM] >= 0;
  }

  /**
   * The statement SQLite runs in place of {@code st}.
   *
   * @param st the user's statement, whose {@link Statement#rewrite()} is this
   * @param shape the target table's shape; not a view
   * @param limitless whether to add {@code LIMIT -1} (to check an ORDER BY without LIMIT)
   * @return the rewritten statement, its offsets mapped to {@code st}
   */
  Statement rewrite(Statement st, Shape shape, boolean limitless) {
    if (clause[FROM] >= 0) {
      return rewriteFrom(st, shape, limitless);
    }
    List<SqlToken> tokens = st.tokens();
    String text = st.text();
    Out out = new Out(text, tokens);
    int firstClause = firstClauseFrom(delete ? WHERE : FROM);
    int bodyEnd = tokens.get(end - 1).end();
    out.copy(0, start(tokens, indexed >= 0 ? indexed : delete ? firstClause : set, bodyEnd));
    if (!delete) {
      out.copy(tokens.get(set).start(), start(tokens, firstClause, bodyEnd));
    }
    int anchor = tokens.get(clause[LIMIT] >= 0 ? clause[LIMIT] : clause[ORDER]).start();
    int at = clause[WHERE] >= 0 ? tokens.get(clause[WHERE]).start() : anchor;
    String key;
    String select;
    if (shape.kind() == Kind.WITHOUT_ROWID) {
      StringBuilder cols = new StringBuilder();
      for (String c : shape.keyColumns()) {
        cols.append(cols.length() == 0 ? "" : ", ").append(quote(c));
      }
      select = cols.toString();
      key = shape.keyColumns().size() == 1 ? select : "(" + select + ")";
    } else {
      key = shape.key();
      select = key;
    }
    out.add(" WHERE " + key + " IN (", at);
    int chosenStart = out.sb.length();
    out.add("SELECT " + select + " FROM ", at);
    int nameStart = tokens.get(name).start();
    if (schema == null && with) {
      out.add("main.", nameStart);
    }
    out.copy(nameStart, tokens.get(nameEnd - 1).end());
    if (indexed >= 0) {
      out.add(" ", nameStart);
      out.copy(tokens.get(indexed).start(), tokens.get(indexedEnd - 1).end());
    }
    Map<Integer, String> numbers = renumbering(tokens);
    appendChoosing(out, tokens, numbers, at, anchor, end, bodyEnd, limitless);
    // an EXPLAIN reads nothing: no SELECT to count
    int chosenEnd = tokens.get(0).isKeyword("EXPLAIN") ? -1 : out.sb.length();
    out.add(")", bodyEnd - 1);
    if (clause[RETURNING] >= 0) {
      out.add(" ", tokens.get(clause[RETURNING]).start());
      out.copyTokens(clause[RETURNING], nextClause(RETURNING), numbers, true);
    }
    // measured on Miniflare: after choosing a row, D1 reads it 3 more times to delete it (the IN
    // list, the seek, the delete) and 4 to update a rowid table's row (3 for WITHOUT ROWID)
    int perRow = delete || shape.kind() == Kind.WITHOUT_ROWID ? 3 : 4;
    int withStart = with ? tokens.get(tokens.get(0).isKeyword("EXPLAIN") ? 1 : 0).start() : 0;
    String prefix = with ? text.substring(withStart, tokens.get(verbIndex).start()) : "";
    return statement(st, out, prefix, withStart, chosenStart, chosenEnd, perRow);
  }

  /**
   * The rewrite of {@code UPDATE t SET c = e FROM f WHERE w ORDER BY o LIMIT l}, as SQLite runs it
   * ({@code updateFromSelect} in update.c: the key and the new values are selected from the join,
   * ordered and limited, then each selected row is updated):
   *
   * <pre>
   * UPDATE t SET c = "_d1 limit"."c1" FROM (SELECT t.rowid AS "k1", e AS "c1" FROM t, f WHERE w
   *   ORDER BY o LIMIT l) AS "_d1 limit" WHERE t.rowid = "_d1 limit"."k1"
   * </pre>
   *
   * <p>Parameters keep their order (SET, FROM, WHERE, ORDER BY, LIMIT). A vector assignment {@code
   * (a, b) = (x, y)} is split; one from a subquery is not supported.
   *
   * @return the statement, or null when a SET item cannot be split
   */
  private Statement rewriteFrom(Statement st, Shape shape, boolean limitless) {
    List<SqlToken> tokens = st.tokens();
    String text = st.text();
    Out out = new Out(text, tokens);
    int from = clause[FROM];
    int bodyEnd = tokens.get(end - 1).end();
    List<int[]> targets = new java.util.ArrayList<>();
    List<int[]> values = new java.util.ArrayList<>();
    if (!setItems(tokens, set + 1, from, targets, values)) {
      return null;
    }
    out.copy(0, tokens.get(indexed >= 0 ? indexed : set).start());
    int setAt = tokens.get(set).start();
    out.add("SET ", setAt);
    String derived = quote("_d1 limit");
    for (int i = 0; i < targets.size(); i++) {
      int[] target = targets.get(i);
      out.add(i == 0 ? "" : ", ", setAt);
      out.copy(tokens.get(target[0]).start(), tokens.get(target[1] - 1).end());
      out.add(" = " + derived + "." + quote("c" + (i + 1)), tokens.get(target[0]).start());
    }
    int fromAt = tokens.get(from).start();
    out.add(" FROM (SELECT ", fromAt);
    String q = tokens.get(nameEnd - 1).text();
    List<String> keys =
        shape.kind() == Kind.WITHOUT_ROWID ? shape.keyColumns() : List.of(shape.key());
    StringBuilder join = new StringBuilder();
    for (int k = 0; k < keys.size(); k++) {
      String column = shape.kind() == Kind.WITHOUT_ROWID ? quote(keys.get(k)) : keys.get(k);
      String alias = quote("k" + (k + 1));
      out.add((k == 0 ? "" : ", ") + q + "." + column + " AS " + alias, fromAt);
      join.append(k == 0 ? "" : " AND ")
          .append(q)
          .append('.')
          .append(column)
          .append(" = ")
          .append(derived)
          .append('.')
          .append(alias);
    }
    for (int i = 0; i < values.size(); i++) {
      int[] value = values.get(i);
      out.add(", ", setAt);
      out.copy(tokens.get(value[0]).start(), tokens.get(value[1] - 1).end());
      out.add(" AS " + quote("c" + (i + 1)), tokens.get(value[1] - 1).start());
    }
    out.add(" FROM ", fromAt);
    int nameStart = tokens.get(name).start();
    if (schema == null && with) {
      out.add("main.", nameStart);
    }
    out.copy(nameStart, tokens.get(nameEnd - 1).end());
    if (indexed >= 0) {
      out.add(" ", nameStart);
      out.copy(tokens.get(indexed).start(), tokens.get(indexedEnd - 1).end());
    }
    out.add(", ", fromAt);
    out.copy(tokens.get(from + 1).start(), start(tokens, nextClause(FROM), bodyEnd));
    Map<Integer, String> numbers = renumbering(tokens);
    int anchor = tokens.get(clause[LIMIT] >= 0 ? clause[LIMIT] : clause[ORDER]).start();
    appendChoosing(out, tokens, numbers, anchor, anchor, end, bodyEnd, limitless);
    out.add(") AS " + derived + " WHERE " + join, bodyEnd - 1);
    if (clause[RETURNING] >= 0) {
      out.add(" ", tokens.get(clause[RETURNING]).start());
      out.copyTokens(clause[RETURNING], nextClause(RETURNING), numbers, true);
    }
    return statement(st, out);
  }

  /**
   * Splits a SET list into targets and values (token ranges), a vector {@code (a, b) = (x, y)} into
   * one pair per column.
   *
   * @return false for a vector assigned from anything but a list of as many values
   */
  private static boolean setItems(
      List<SqlToken> tokens, int from, int to, List<int[]> targets, List<int[]> values) {
    for (int[] item : split(tokens, from, to)) {
      int eq = -1;
      int depth = 0;
      for (int k = item[0]; k < item[1] && eq < 0; k++) {
        SqlToken t = tokens.get(k);
        if (t.isSymbol("(")) {
          depth++;
        } else if (t.isSymbol(")")) {
          depth--;
        } else if (depth == 0 && t.isSymbol("=")) {
          eq = k;
        }
      }
      if (eq <= item[0] || eq + 1 >= item[1]) {
        return false;
      }
      if (!tokens.get(item[0]).isSymbol("(")) {
        targets.add(new int[] {item[0], eq});
        values.add(new int[] {eq + 1, item[1]});
        continue;
      }
      boolean list =
          tokens.get(eq + 1).isSymbol("(")
              && tokens.get(item[1] - 1).isSymbol(")")
              && matching(tokens, eq + 1) == item[1] - 1
              && !tokens.get(eq + 2).isKeyword("SELECT")
              && !tokens.get(eq + 2).isKeyword("WITH")
              && !tokens.get(eq + 2).isKeyword("VALUES");
      if (!list || !tokens.get(eq - 1).isSymbol(")")) {
        return false;
      }
      List<int[]> names = split(tokens, item[0] + 1, eq - 1);
      List<int[]> exprs = split(tokens, eq + 2, item[1] - 1);
      if (names.size() != exprs.size()) {
        return false;
      }
      targets.addAll(names);
      values.addAll(exprs);
    }
    return !targets.isEmpty();
  }

  /** Token ranges {@code [from, to)} split at depth-0 commas. */
  /**
   * Appends the choosing SELECT's WHERE, ORDER BY and LIMIT/OFFSET clauses, copied from the user's
   * statement (parameters renumbered as {@code numbers} says); {@code LIMIT -1} for an ORDER BY
   * without a LIMIT where SQLite's rewrite adds one.
   *
   * @param whereAt the user's offset the WHERE text is mapped to
   * @param anchor the user's offset the ORDER BY and LIMIT texts are mapped to
   */
  private void appendChoosing(
      Out out,
      List<SqlToken> tokens,
      Map<Integer, String> numbers,
      int whereAt,
      int anchor,
      int end,
      int bodyEnd,
      boolean limitless) {
    if (clause[WHERE] >= 0) {
      out.add(" ", whereAt);
      out.copy(tokens.get(clause[WHERE]).start(), start(tokens, nextClause(WHERE), bodyEnd));
    }
    if (clause[ORDER] >= 0) {
      out.add(" ", anchor);
      out.copyTokens(clause[ORDER], clause[LIMIT] >= 0 ? clause[LIMIT] : end, numbers, false);
    }
    if (clause[LIMIT] >= 0) {
      out.add(" ", anchor);
      out.copyTokens(clause[LIMIT], end, numbers, false);
    } else if (limitless) {
      out.add(" LIMIT -1", anchor);
    }
  }

  private static List<int[]> split(List<SqlToken> tokens, int from, int to) {
    List<int[]> parts = new java.util.ArrayList<>();
    int depth = 0;
    int start = from;
    for (int k = from; k < to; k++) {
      SqlToken t = tokens.get(k);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.isSymbol(",")) {
        parts.add(new int[] {start, k});
        start = k + 1;
      }
    }
    parts.add(new int[] {start, to});
    for (int[] p : parts) {
      if (p[0] >= p[1]) {
        return List.of();
      }
    }
    return parts;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int matching(List<SqlToken> tokens, int open) {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      if (tokens.get(k).isSymbol("(")) {
        depth++;
      } else if (tokens.get(k).isSymbol(")") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static Statement statement(Statement st, Out out) {
    return statement(st, out, "", 0, -1, -1, 0);
  }

  /**
   * The rewritten statement; with {@code chosenStart >= 0}, also the SELECT that chooses the rows
   * ({@code prefix}, the WITH clause at {@code prefixStart} of the user's text, then the rewrite's
   * subquery).
   */
  private static Statement statement(
      Statement st,
      Out out,
      String prefix,
      int prefixStart,
      int chosenStart,
      int chosenEnd,
      int perRow) {
    String sql = out.sb.toString();
    int[] chars = Arrays.copyOf(out.origin, out.sb.length());
    Statement chosen = null;
    if (chosenStart >= 0 && chosenEnd >= 0) {
      String select = prefix + sql.substring(chosenStart, chosenEnd);
      int[] prefixChars = new int[prefix.length()];
      for (int i = 0; i < prefixChars.length; i++) {
        prefixChars[i] = prefixStart + i;
      }
      int[] selectChars = Arrays.copyOfRange(chars, chosenStart, chosenEnd);
      int[] chosenChars = Arrays.copyOf(prefixChars, prefixChars.length + selectChars.length);
      System.arraycopy(selectChars, 0, chosenChars, prefixChars.length, selectChars.length);
      chosen =
          new Statement(
              new SqlStatement(select, st.parsed().line(), 0, SqlLexer.tokenize(select)),
              select,
              st.leadBytes(),
              st.next(),
              null,
              new Statement.Origin(st, chosenChars));
    }
    List<SqlStatement> parsed = SqlLexer.statements(sql);
    SqlStatement rewritten =
        parsed.size() == 1
            ? parsed.get(0)
            : new SqlStatement(sql, st.parsed().line(), 0, SqlLexer.tokenize(sql));
    return new Statement(
        rewritten,
        sql,
        st.leadBytes(),
        st.next(),
        null,
        new Statement.Origin(st, chars, chosen, perRow));
  }

  /** The first clause at or after {@code rank}, as a token index; {@link #end} when none. */
  private int firstClauseFrom(int rank) {
    for (int r = rank; r <= LIMIT; r++) {
      if (clause[r] >= 0) {
        return clause[r];
      }
    }
    return end;
  }

  private int nextClause(int rank) {
    return firstClauseFrom(rank + 1);
  }

  private static int start(List<SqlToken> tokens, int index, int bodyEnd) {
    return index < 0 || index >= tokens.size() ? bodyEnd : tokens.get(index).start();
  }

  /**
   * Explicit numbers for the parameters of ORDER BY, LIMIT and RETURNING when moving RETURNING
   * after the others would change SQLite's numbering (both hold parameters); else empty.
   */
  private Map<Integer, String> renumbering(List<SqlToken> tokens) {
    int returning = clause[RETURNING];
    if (returning < 0) {
      return Map.of();
    }
    int returningEnd = nextClause(RETURNING);
    boolean inReturning = false;
    boolean after = false;
    for (int k = returning; k < end; k++) {
      if (tokens.get(k).type() == SqlTokenType.VARIABLE) {
        if (k < returningEnd) {
          inReturning = true;
        } else {
          after = true;
        }
      }
    }
    if (!inReturning || !after) {
      return Map.of();
    }
    Map<Integer, String> numbers = new HashMap<>();
    Map<String, Long> named = new HashMap<>();
    long highest = 0;
    for (int k = 0; k < end; k++) {
      SqlToken t = tokens.get(k);
      if (t.type() != SqlTokenType.VARIABLE) {
        continue;
      }
      String v = t.text();
      long number;
      if (v.equals("?")) {
        number = highest + 1;
      } else if (v.charAt(0) == '?') {
        number = v.length() > 11 ? Long.MAX_VALUE : Long.parseLong(v.substring(1));
      } else {
        Long known = named.get(v);
        number = known != null ? known : highest + 1;
        named.putIfAbsent(v, number);
      }
      highest = Math.max(highest, number);
      if (k >= returning) {
        numbers.put(k, "?" + number);
      }
    }
    return numbers;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The rewritten text and, for each of its characters, where it came from. */
  private static final class Out {
    final String text;
    final List<SqlToken> tokens;
    final StringBuilder sb = new StringBuilder();
    int[] origin = new int[64];

    Out(String text, List<SqlToken> tokens) {
      this.text = text;
      this.tokens = tokens;
    }

    void copy(int from, int to) {
      for (int i = from; i < to; i++) {
        put(text.charAt(i), i);
      }
    }

    void add(String s, int at) {
      for (int i = 0; i < s.length(); i++) {
        put(s.charAt(i), at);
      }
    }

    private void put(char c, int at) {
      if (sb.length() == origin.length) {
        origin = Arrays.copyOf(origin, origin.length * 2);
      }
      origin[sb.length()] = at;
      sb.append(c);
    }

    /**
     * Copies tokens {@code [from, to)} and the text between them, writing parameters as {@code
     * numbers} says; in a RETURNING list, an item without alias that holds a renumbered parameter
     * gets its own text as alias, so the column keeps the name SQLite gives it.
     */
    void copyTokens(int from, int to, Map<Integer, String> numbers, boolean returning) {
      int itemStart = from + 1;
      int depth = 0;
      boolean renamed = false;
      for (int k = from; k < to; k++) {
        SqlToken t = tokens.get(k);
        String number = numbers.get(k);
        if (number != null) {
          add(number, t.start());
          renamed = true;
        } else {
          copy(t.start(), t.end());
        }
        if (t.isSymbol("(")) {
          depth++;
        } else if (t.isSymbol(")")) {
          depth--;
        }
        boolean itemEnds = k + 1 == to || depth == 0 && tokens.get(k + 1).isSymbol(",");
        if (returning && itemEnds) {
          if (renamed && !hasAlias(itemStart, k)) {
            int s = tokens.get(itemStart).start();
            add(" AS " + quote(text.substring(s, t.end())), t.end() - 1);
          }
          itemStart = k + 2;
          renamed = false;
        }
        if (k + 1 < to) {
          copy(t.end(), tokens.get(k + 1).start());
        }
      }
    }

    private boolean hasAlias(int first, int last) {
      int depth = 0;
      for (int k = first; k <= last; k++) {
        SqlToken t = tokens.get(k);
        if (t.isSymbol("(")) {
          depth++;
        } else if (t.isSymbol(")")) {
          depth--;
        } else if (depth == 0 && t.isKeyword("AS")) {
          return true;
        }
      }
      if (last <= first) {
        return false;
      }
      SqlToken lastToken = tokens.get(last);
      SqlToken before = tokens.get(last - 1);
      boolean nameLast =
          lastToken.type() == SqlTokenType.IDENTIFIER
              || lastToken.type() == SqlTokenType.QUOTED_IDENTIFIER
              || lastToken.type() == SqlTokenType.STRING;
      boolean valueBefore =
          switch (before.type()) {
            case VARIABLE,
                STRING,
                INTEGER,
                FLOAT,
                BLOB,
                IDENTIFIER,
                QUOTED_IDENTIFIER,
                RIGHT_PAREN ->
                true;
            default -> false;
          };
      return nameLast && valueBefore;
    }
  }

  /**
   * The statement SQLite runs for {@code st} on {@code conn}'s schema.
   *
   * @throws D1SqlException with D1's error when D1 refuses the statement before running it, or when
   *     the local engine cannot run it
   */
  @Override
  public Statement prepare(Conn conn, Statement st) throws SQLException {
    return prepare(conn, st, conn.shape(schema, table));
  }

  private static Statement prepare(Conn conn, Statement st, Shape shape) {
    UpdateDeleteLimit udl = (UpdateDeleteLimit) st.rewrite();
    if (shape.kind() == Kind.VIEW) {
      // without an INSTEAD OF trigger SQLite refuses the view before it looks at the clauses
      Statement plain = udl.withoutClauses(st);
      if (conn.probe(plain.text()) != null) {
        return plain;
      }
      throw notSupported(udl.verb() + " of a view");
    }
    if (shape.kind() == Kind.NO_ROWID_NAME) {
      if (!udl.hasLimit()) {
        orderWithoutLimit(conn, udl.withoutClauses(st), udl);
      }
      throw notSupported(udl.verb() + " of a table whose columns hide rowid, _rowid_ and oid");
    }
    if (udl.hasFrom() && udl.rewrite(st, shape, true) == null) {
      String syntax = conn.syntaxError(udl.withoutClauses(st));
      if (syntax != null) {
        throw D1SqlException.of(syntax, null);
      }
      if (!udl.hasLimit()) {
        orderWithoutLimit(conn, udl.withoutClauses(st), udl);
      }
      throw notSupported("UPDATE ... FROM with a row value assigned from a subquery");
    }
    if (!udl.hasLimit() && shape.kind() != Kind.ABSENT) {
      orderWithoutLimit(conn, udl.rewrite(st, shape, true), udl);
    }
    Statement run = udl.rewrite(st, shape, !udl.hasLimit());
    if (NEAR_CLOSE.equals(conn.probe(run.text()))) {
      // the user's statement ends early: D1's parser reaches its end, this one the added ")"
      String text = run.text();
      if (INCOMPLETE.equals(conn.probe(text.substring(0, text.lastIndexOf(')'))))) {
        throw D1SqlException.of(INCOMPLETE + ": SQLITE_ERROR", null);
      }
    }
    return run;
  }

  private static final String NEAR_CLOSE = "near \")\": syntax error";
  private static final String INCOMPLETE = "incomplete input";

  /** D1 refuses ORDER BY without LIMIT once the statement parsed, so a syntax error comes first. */
  private static void orderWithoutLimit(Conn conn, Statement probe, UpdateDeleteLimit udl) {
    String syntax = conn.syntaxError(probe);
    if (syntax != null) {
      throw D1SqlException.of(syntax, null);
    }
    throw D1SqlException.of("ORDER BY without LIMIT on " + udl.verb() + ": SQLITE_ERROR", null);
  }

  private static D1SqlException notSupported(String what) {
    return D1SqlException.of(String.format(NOT_SUPPORTED, what), null);
  }

  /** The statement without its ORDER BY and LIMIT clauses (they come last). */
  private Statement withoutClauses(Statement st) {
    int cut = clause[ORDER] >= 0 ? clause[ORDER] : clause[LIMIT];
    String text = st.text().substring(0, st.tokens().get(cut).start());
    int[] chars = new int[text.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = i;
    }
    return new Statement(
        new SqlStatement(text, st.parsed().line(), 0, SqlLexer.tokenize(text)),
        text,
        st.leadBytes(),
        st.next(),
        null,
        new Statement.Origin(st, chars));
  }
}
