package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Emulates the rules of workerd's SQLite authorizer (spec §13) on tokens, because sqlite-jdbc does
 * not expose {@code sqlite3_set_authorizer}: no transactions, ATTACH/DETACH, TEMP objects, {@code
 * _cf_} names, PRAGMAs outside the allow-list, denied functions and virtual table modules. Stateless
 * and thread-safe.
 */
final class Authorizer {

  /** The message workerd gives for BEGIN/COMMIT/ROLLBACK/SAVEPOINT/RELEASE (spec §4.2). */
  static final String TRANSACTION_MESSAGE =
      "To execute a transaction, please use the state.storage.transaction() or"
          + " state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or"
          + " SAVEPOINT statements. The JavaScript API is safer because it will automatically roll"
          + " back on exceptions, and because it interacts correctly with Durable Objects'"
          + " automatic atomic write coalescing.";

  static final String NOT_AUTHORIZED = "not authorized: SQLITE_AUTH";

  private static final Set<String> TRANSACTION_KEYWORDS =
      Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");

  private static final Set<String> DENIED_FUNCTIONS =
      Set.of(
          "sqlite_version",
          "sqlite_source_id",
          "sqlite_compileoption_used",
          "sqlite_compileoption_get");

  /** Keywords after which an identifier names a table, index, view or trigger. */
  private static final Set<String> OBJECT_CONTEXT =
      Set.of(
          "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "INDEX", "TRIGGER", "VIEW", "ON", "TO",
          "REFERENCES", "EXISTS", "REINDEX", "ANALYZE");

  private static final Set<String> VTAB_MODULES = Set.of("fts5", "fts5vocab", "rtree", "rtree_i32");

  /** Miniflare 4.20260426 denies reading page_size too; the spec's later probe allowed it. */
  private static final Set<String> PRAGMA_NO_ARG = Set.of("data_version");

  private static final Set<String> PRAGMA_BOOLEAN =
      Set.of(
          "case_sensitive_like",
          "foreign_keys",
          "defer_foreign_keys",
          "ignore_check_constraints",
          "legacy_alter_table",
          "recursive_triggers",
          "reverse_unordered_selects");

  private static final Set<String> BOOLEAN_VALUES =
      Set.of("true", "false", "yes", "no", "on", "off", "1", "0");

  private static final Set<String> PRAGMA_OBJECT =
      Set.of(
          "foreign_key_list", "index_info", "index_list", "index_xinfo", "table_info", "table_xinfo");

  private static final Set<String> PRAGMA_OPTIONAL_ARG =
      Set.of("foreign_key_check", "quick_check", "optimize", "table_list");

  private Authorizer() {}

  /**
   * Checks one statement.
   *
   * @param st the statement; not null
   * @return the D1 error to raise, or null when the statement is allowed
   */
  static D1SqlException check(Statement st) {
    List<SqlToken> tokens = st.tokens();
    int first = 0;
    if ("EXPLAIN".equals(keyword(tokens, 0))) {
      first = "QUERY".equals(keyword(tokens, 1)) && "PLAN".equals(keyword(tokens, 2)) ? 3 : 1;
    }
    String kw = keyword(tokens, first);
    if (kw != null) {
      if (TRANSACTION_KEYWORDS.contains(kw)) {
        return error(TRANSACTION_MESSAGE);
      }
      if (kw.equals("ATTACH") || kw.equals("DETACH")) {
        return error(NOT_AUTHORIZED);
      }
      if (kw.equals("CREATE")) {
        String second = keyword(tokens, first + 1);
        if ("TEMP".equals(second) || "TEMPORARY".equals(second)) {
          return error(NOT_AUTHORIZED);
        }
        if ("VIRTUAL".equals(second)) {
          D1SqlException e = checkVirtualTable(tokens, first);
          if (e != null) {
            return e;
          }
        }
      }
      if (kw.equals("PRAGMA") && !pragmaAllowed(tokens, first + 1)) {
        return error(NOT_AUTHORIZED);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      String id = Statement.identifier(t);
      if (id == null) {
        continue;
      }
      if (isReserved(id) && namesObject(tokens, i)) {
        return error(NOT_AUTHORIZED);
      }
      if (Statement.isWord(t) && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")
          && !(i > 0 && tokens.get(i - 1).isSymbol("."))) {
        String fn = id.toLowerCase(Locale.ROOT);
        if (fn.equals("load_extension")) {
          return error("not authorized: SQLITE_ERROR");
        }
        if (DENIED_FUNCTIONS.contains(fn)) {
          return error(
              "not authorized to use function: "
                  + fn
                  + " at offset "
                  + st.byteOffset(t.start())
                  + ": SQLITE_ERROR");
        }
        if (fn.startsWith("pragma_") && !pragmaNameAllowed(fn.substring(7))) {
          return error(NOT_AUTHORIZED);
        }
      }
    }
    return null;
  }

  /** workerd's {@code isAllowedName}: {@code _cf_} prefixes are reserved, case-insensitively. */
  static boolean isReserved(String name) {
    return name.length() >= 4 && name.regionMatches(true, 0, "_cf_", 0, 4);
  }

  /**
   * Whether the identifier at {@code i} names a schema object (the authorizer sees only those),
   * not a column alias or column: it follows an object keyword, or qualifies a column.
   */
  private static boolean namesObject(List<SqlToken> tokens, int i) {
    if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
      return true;
    }
    if (i == 0) {
      return false;
    }
    SqlToken prev = tokens.get(i - 1);
    if (prev.isSymbol(".") && i >= 2 && "main".equalsIgnoreCase(Statement.identifier(tokens.get(i - 2)))) {
      return true;
    }
    if (prev.isSymbol("(") && i >= 2 && Statement.isWord(tokens.get(i - 2))) {
      // PRAGMA table_info(_cf_x) and pragma_table_info('_cf_x') name objects too
      return Statement.word(tokens.get(0)) != null && Statement.word(tokens.get(0)).equals("PRAGMA");
    }
    String kw = Statement.word(prev);
    return kw != null && OBJECT_CONTEXT.contains(kw);
  }

  private static D1SqlException checkVirtualTable(List<SqlToken> tokens, int first) {
    for (int i = first; i + 1 < tokens.size(); i++) {
      if ("USING".equals(Statement.word(tokens.get(i)))) {
        String module = Statement.identifier(tokens.get(i + 1));
        if (module == null || !VTAB_MODULES.contains(module.toLowerCase(Locale.ROOT))) {
          return error(NOT_AUTHORIZED);
        }
        return null;
      }
    }
    return null;
  }

  private static boolean pragmaNameAllowed(String name) {
    return PRAGMA_NO_ARG.contains(name)
        || PRAGMA_BOOLEAN.contains(name)
        || PRAGMA_OBJECT.contains(name)
        || PRAGMA_OPTIONAL_ARG.contains(name);
  }

  private static boolean pragmaAllowed(List<SqlToken> tokens, int i) {
    int end = tokens.size();
    if (end > 0 && tokens.get(end - 1).type() == SqlTokenType.SEMICOLON) {
      end--;
    }
    if (i + 1 < end && tokens.get(i + 1).isSymbol(".")) {
      String schema = Statement.identifier(tokens.get(i));
      if (schema == null || !schema.equalsIgnoreCase("main")) {
        return false;
      }
      i += 2;
    }
    if (i >= end || Statement.identifier(tokens.get(i)) == null) {
      return false;
    }
    String name = Statement.identifier(tokens.get(i)).toLowerCase(Locale.ROOT);
    i++;
    String arg = null;
    if (i < end) {
      SqlToken op = tokens.get(i);
      int valueEnd;
      if (op.isSymbol("=")) {
        valueEnd = end;
      } else if (op.isSymbol("(") && tokens.get(end - 1).isSymbol(")")) {
        valueEnd = end - 1;
      } else {
        return false;
      }
      StringBuilder v = new StringBuilder();
      for (int j = i + 1; j < valueEnd; j++) {
        SqlToken t = tokens.get(j);
        String id = t.type() == SqlTokenType.STRING ? unquote(t.text()) : Statement.identifier(t);
        v.append(id != null ? id : t.text());
      }
      if (v.length() == 0) {
        return false;
      }
      arg = v.toString();
    }
    if (arg != null && isReserved(arg)) {
      return false;
    }
    if (PRAGMA_NO_ARG.contains(name)) {
      return arg == null;
    }
    if (PRAGMA_BOOLEAN.contains(name)) {
      return arg == null || BOOLEAN_VALUES.contains(arg.toLowerCase(Locale.ROOT));
    }
    if (PRAGMA_OBJECT.contains(name)) {
      return arg != null;
    }
    return PRAGMA_OPTIONAL_ARG.contains(name);
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.endsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    return s.substring(1);
  }

  private static String keyword(List<SqlToken> tokens, int i) {
    return i < tokens.size() ? Statement.word(tokens.get(i)) : null;
  }

  private static D1SqlException error(String detail) {
    return (D1SqlException) D1SqlException.of(detail, null);
  }
}
