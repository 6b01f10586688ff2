package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * D1's rules (workerd's SQLite authorizer, {@code src/workerd/util/sqlite.c++} at the release
 * Miniflare 4.20260730 bundles) applied to a statement's tokens, because sqlite-jdbc exposes
 * neither {@code sqlite3_set_authorizer} nor {@code SQLITE_DBCONFIG_DEFENSIVE}. Names are compared
 * in their unquoted form, so every quoting ({@code "x"}, {@code [x]}, {@code `x`}) is the same
 * name.
 *
 * <p>Rules that SQLite itself would get right on the local database are left to it: a {@code _cf_}
 * name other than {@code _cf_METADATA} names no table locally because creating one is refused, so
 * SQLite answers {@code no such table} exactly as D1 does. The bodies of CREATE VIEW and CREATE
 * TRIGGER are not checked when they are created (D1 resolves them only when they are used); {@link
 * #bodyError} checks them at use. Stateless and thread-safe.
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

  /** The one internal table of D1's database; it exists there, so reading it is an auth error. */
  private static final String METADATA = "_cf_METADATA";

  /**
   * Functions SQLite 3.47 has in D1's build but workerd's allow-list lacks: D1 answers {@code not
   * authorized to use function: <name as written>}.
   */
  private static final Set<String> FUNCTIONS_NOT_ALLOWED =
      Set.of(
          "sqlite_version",
          "sqlite_source_id",
          "sqlite_compileoption_used",
          "sqlite_compileoption_get",
          "sqlite_log",
          "subtype",
          "json_pretty",
          "json_error_position",
          "ceiling",
          "log10",
          "power",
          "fts5",
          "fts5_source_id",
          "fts5_locale",
          "fts5_get_locale");

  /**
   * Functions sqlite-jdbc registers that D1's SQLite does not have (sqlite-jdbc's
   * extension-functions, FTS3 and R*Tree): D1 answers {@code no such function: <name as written>}.
   */
  private static final Set<String> FUNCTIONS_ABSENT =
      Set.of(
          "atn2",
          "charindex",
          "cot",
          "coth",
          "difference",
          "leftstr",
          "lower_quartile",
          "median",
          "mode",
          "padc",
          "padl",
          "padr",
          "proper",
          "replicate",
          "reverse",
          "rightstr",
          "square",
          "stdev",
          "strfilter",
          "upper_quartile",
          "variance",
          "fts3_tokenizer",
          "matchinfo",
          "offsets",
          "optimize",
          "rtreecheck",
          "rtreedepth",
          "rtreenode");

  /** Keywords after which {@code name(} is a function call (an expression starts there). */
  private static final Set<String> EXPRESSION_KEYWORDS =
      Set.of(
          "SELECT",
          "WHERE",
          "AND",
          "OR",
          "NOT",
          "WHEN",
          "THEN",
          "ELSE",
          "CASE",
          "BY",
          "HAVING",
          "DISTINCT",
          "ALL",
          "RETURNING",
          "LIMIT",
          "OFFSET",
          "IS",
          "LIKE",
          "GLOB",
          "MATCH",
          "REGEXP",
          "BETWEEN",
          "ESCAPE",
          "ON",
          "SET",
          "IN",
          "CHECK",
          "RAISE",
          "FILTER",
          "OVER");

  /** Virtual table modules workerd allows (fts5vocab comes with FTS5); compared ignoring case. */
  private static final Set<String> VTAB_MODULES = Set.of("fts5", "fts5vocab");

  private static final Set<String> FTS5_SHADOW_SUFFIXES = Set.of("_data");

  /** workerd's PRAGMA allow-list with each PRAGMA's argument rule. */
  private enum Signature {
    NO_ARG,
    BOOLEAN,
    OBJECT_NAME,
    OPTIONAL_OBJECT_NAME,
    NULL_OR_NUMBER,
    NULL_NUMBER_OR_OBJECT_NAME,
    ANY,
    TABLE_NAME
  }

  private static final Map<String, Signature> PRAGMAS =
      Map.ofEntries(
          Map.entry("data_version", Signature.NO_ARG),
          Map.entry("case_sensitive_like", Signature.BOOLEAN),
          Map.entry("foreign_keys", Signature.BOOLEAN),
          Map.entry("defer_foreign_keys", Signature.BOOLEAN),
          Map.entry("ignore_check_constraints", Signature.BOOLEAN),
          Map.entry("legacy_alter_table", Signature.BOOLEAN),
          Map.entry("recursive_triggers", Signature.BOOLEAN),
          Map.entry("reverse_unordered_selects", Signature.BOOLEAN),
          Map.entry("foreign_key_check", Signature.OPTIONAL_OBJECT_NAME),
          Map.entry("foreign_key_list", Signature.OBJECT_NAME),
          Map.entry("index_info", Signature.OBJECT_NAME),
          Map.entry("index_list", Signature.OBJECT_NAME),
          Map.entry("index_xinfo", Signature.OBJECT_NAME),
          Map.entry("quick_check", Signature.NULL_NUMBER_OR_OBJECT_NAME),
          Map.entry("optimize", Signature.NULL_OR_NUMBER),
          Map.entry("table_list", Signature.ANY),
          Map.entry("table_info", Signature.TABLE_NAME),
          Map.entry("table_xinfo", Signature.TABLE_NAME));

  /** SQLite 3.47's PRAGMAs that have a table-valued {@code pragma_<name>} form. */
  private static final Set<String> PRAGMA_TABLES =
      Set.of(
          "analysis_limit",
          "application_id",
          "auto_vacuum",
          "automatic_index",
          "busy_timeout",
          "cache_size",
          "cache_spill",
          "cell_size_check",
          "checkpoint_fullfsync",
          "collation_list",
          "compile_options",
          "count_changes",
          "data_store_directory",
          "data_version",
          "database_list",
          "default_cache_size",
          "defer_foreign_keys",
          "empty_result_callbacks",
          "encoding",
          "foreign_key_check",
          "foreign_key_list",
          "foreign_keys",
          "freelist_count",
          "full_column_names",
          "fullfsync",
          "function_list",
          "hard_heap_limit",
          "ignore_check_constraints",
          "index_info",
          "index_list",
          "index_xinfo",
          "integrity_check",
          "journal_mode",
          "journal_size_limit",
          "legacy_alter_table",
          "locking_mode",
          "max_page_count",
          "mmap_size",
          "module_list",
          "optimize",
          "page_count",
          "page_size",
          "pragma_list",
          "query_only",
          "quick_check",
          "read_uncommitted",
          "recursive_triggers",
          "reverse_unordered_selects",
          "schema_version",
          "secure_delete",
          "short_column_names",
          "soft_heap_limit",
          "synchronous",
          "table_info",
          "table_list",
          "table_xinfo",
          "temp_store",
          "temp_store_directory",
          "threads",
          "trusted_schema",
          "user_version",
          "wal_autocheckpoint",
          "writable_schema",
          "case_sensitive_like");

  private Authorizer() {}

  /**
   * Checks one statement.
   *
   * @param st the statement; not null
   * @return the D1 error to raise, or null when the statement is allowed
   */
  static D1SqlException check(Statement st) {
    List<SqlToken> tokens = st.tokens();
    int end = tokens.size();
    if (end > 0 && tokens.get(end - 1).type() == SqlTokenType.SEMICOLON) {
      end--;
    }
    int first = 0;
    if ("EXPLAIN".equals(keyword(tokens, 0))) {
      first = "QUERY".equals(keyword(tokens, 1)) && "PLAN".equals(keyword(tokens, 2)) ? 3 : 1;
    }
    String kw = keyword(tokens, first);
    if (kw == null) {
      return null;
    }
    if (TRANSACTION_KEYWORDS.contains(kw)) {
      return error(TRANSACTION_MESSAGE);
    }
    if (kw.equals("ATTACH") || kw.equals("DETACH")) {
      return error(NOT_AUTHORIZED);
    }
    if (kw.equals("PRAGMA")) {
      return pragmaAllowed(tokens, first + 1, end) ? null : error(NOT_AUTHORIZED);
    }
    if (kw.equals("ANALYZE") || kw.equals("REINDEX")) {
      String refusal = maintenance(tokens, first, end);
      if (refusal != null) {
        return refusal.isEmpty() ? null : error(refusal);
      }
    }
    int bodyStart = end;
    if (kw.equals("CREATE")) {
      Created created = created(tokens, first + 1, end);
      if (created.error != null) {
        return error(created.error);
      }
      bodyStart = created.bodyStart;
    } else if (kw.equals("ALTER")) {
      String renamed = renameTarget(tokens, first + 1, end);
      if (renamed != null && isReserved(renamed)) {
        return error(NOT_AUTHORIZED);
      }
    }
    String problem = tokenRules(st, tokens, first, Math.min(bodyStart, end), true);
    return problem == null ? null : error(problem);
  }

  /**
   * The error D1 raises when a statement uses a view or fires a trigger whose body breaks a rule
   * that is checked at use (functions, table-valued PRAGMAs, {@code _cf_METADATA}), without an
   * offset as D1 gives it.
   *
   * @param body the statement that created the view or trigger; not null
   * @return the message without the {@code D1_ERROR: } prefix, or null when the body is allowed
   */
  static String bodyError(Statement body) {
    List<SqlToken> tokens = body.tokens();
    return tokenRules(body, tokens, 0, tokens.size(), false);
  }

  /** Where the checked part of a CREATE statement ends, or the error it raises. */
  private record Created(String error, int bodyStart) {}

  private static Created created(List<SqlToken> tokens, int i, int end) {
    String kw = keyword(tokens, i);
    if ("TEMP".equals(kw) || "TEMPORARY".equals(kw)) {
      return new Created(NOT_AUTHORIZED, end);
    }
    if ("UNIQUE".equals(kw)) {
      i++;
    }
    String type = keyword(tokens, i);
    boolean virtual = "VIRTUAL".equals(type);
    if (virtual) {
      i++;
      type = keyword(tokens, i);
    }
    if (type == null) {
      return new Created(null, end);
    }
    i++;
    if ("IF".equals(keyword(tokens, i))) {
      i += 3;
    }
    String schema = null;
    String name = identifier(tokens, i);
    if (i + 2 < end && tokens.get(i + 1).isSymbol(".")) {
      schema = name;
      name = identifier(tokens, i + 2);
      i += 2;
    }
    boolean temp = schema != null && schema.equalsIgnoreCase("temp");
    if (temp && !type.equals("INDEX")) {
      // SQLite itself refuses a TEMP index on a main table, before the authorizer runs
      return new Created(NOT_AUTHORIZED, end);
    }
    if (name != null && isReserved(name)) {
      return new Created(NOT_AUTHORIZED, end);
    }
    if (virtual) {
      String module = null;
      int arguments = end;
      for (int j = i + 1; j + 1 < end; j++) {
        if ("USING".equals(Statement.word(tokens.get(j)))) {
          module = identifier(tokens, j + 1);
          arguments = j + 2;
          break;
        }
      }
      String lower = module == null ? null : module.toLowerCase(Locale.ROOT);
      if (lower == null || !VTAB_MODULES.contains(lower)) {
        return new Created(NOT_AUTHORIZED, end);
      }
      if (lower.equals("fts5") && name != null) {
        for (String suffix : FTS5_SHADOW_SUFFIXES) {
          if (isReserved(name + suffix)) {
            return new Created(
                "fts5: error creating shadow table " + name + suffix + ": " + NOT_AUTHORIZED, end);
          }
        }
      }
      // the module's arguments are text for the module (fts5's content=_cf_METADATA names a
      // table it reads later), not SQL the authorizer sees when the table is created
      return new Created(null, Math.min(arguments, end));
    }
    if (type.equals("VIEW")) {
      // D1 resolves a view's SELECT when the view is used
      for (int j = i + 1; j < end; j++) {
        if ("AS".equals(Statement.word(tokens.get(j)))) {
          return new Created(null, j);
        }
      }
    }
    if (type.equals("TRIGGER")) {
      // the WHEN clause and the body are resolved when the trigger fires
      for (int j = i + 1; j < end; j++) {
        if ("ON".equals(Statement.word(tokens.get(j)))) {
          int table = j + 1;
          if (table + 1 < end && tokens.get(table + 1).isSymbol(".")) {
            table += 2;
          }
          return new Created(null, Math.min(table + 1, end));
        }
      }
    }
    return new Created(null, end);
  }

  /**
   * {@code ANALYZE} and {@code REINDEX} with a name: D1's internal table exists in D1's database
   * and both succeed on it ({@link MetadataMaintenance}); a name in another schema than {@code
   * main} is left to SQLite ({@code no such table}, {@code unable to identify the object to be
   * reindexed}); analyzing the TEMP schema, or its schema table, reads {@code sqlite_temp_master},
   * which D1 does not authorize.
   *
   * @return the error, the empty string when the statement is allowed as it is, or null when the
   *     other rules decide
   */
  private static String maintenance(List<SqlToken> tokens, int verb, int end) {
    if (MetadataMaintenance.targetsMetadata(tokens, verb, end)) {
      return "";
    }
    boolean analyze = "ANALYZE".equals(keyword(tokens, verb));
    int n = end - verb - 1;
    String name = n == 1 || n == 3 ? identifier(tokens, end - 1) : null;
    String schema =
        n == 3 && tokens.get(verb + 2).isSymbol(".") ? identifier(tokens, verb + 1) : null;
    if (name == null || n == 3 && schema == null) {
      return null;
    }
    boolean tempSchemaTable =
        name.equalsIgnoreCase("sqlite_temp_master") || name.equalsIgnoreCase("sqlite_temp_schema");
    if (analyze && n == 1 && (name.equalsIgnoreCase("temp") || tempSchemaTable)) {
      return NOT_AUTHORIZED;
    }
    if (schema != null && !schema.equalsIgnoreCase("main")) {
      return analyze && schema.equalsIgnoreCase("temp") && tempSchemaTable ? NOT_AUTHORIZED : "";
    }
    return null;
  }

  /** The new name of {@code ALTER TABLE [schema.]t RENAME TO name}, or null. */
  private static String renameTarget(List<SqlToken> tokens, int i, int end) {
    if (!"TABLE".equals(keyword(tokens, i))) {
      return null;
    }
    i += 2;
    if (i + 1 < end && tokens.get(i).isSymbol(".")) {
      i += 2;
    }
    if ("RENAME".equals(keyword(tokens, i)) && "TO".equals(keyword(tokens, i + 1))) {
      return identifier(tokens, i + 2);
    }
    return null;
  }

  /**
   * The rules applied to every token of the checked part: functions by name, table-valued PRAGMAs,
   * and D1's internal table.
   *
   * @param withOffset whether a function error names its offset (not for view and trigger bodies)
   */
  private static String tokenRules(
      Statement st, List<SqlToken> tokens, int from, int to, boolean withOffset) {
    for (int i = from; i < to; i++) {
      SqlToken t = tokens.get(i);
      if ("DEFAULT".equals(Statement.word(t)) && i + 1 < to) {
        // a column's DEFAULT is not resolved by the authorizer (D1 creates such tables)
        i = skipExpression(tokens, i + 1, to) - 1;
        continue;
      }
      String id = Statement.identifier(t);
      if (id == null) {
        continue;
      }
      SqlToken prev = i > 0 ? tokens.get(i - 1) : null;
      boolean afterAs = prev != null && "AS".equals(Statement.word(prev));
      boolean call = i + 1 < to && tokens.get(i + 1).isSymbol("(") && isCall(tokens, i, to);
      String lower = id.toLowerCase(Locale.ROOT);
      if (call) {
        String where = withOffset ? " at offset " + st.byteOffset(t.start()) : "";
        if (FUNCTIONS_NOT_ALLOWED.contains(lower)) {
          return "not authorized to use function: " + id + where + ": SQLITE_ERROR";
        }
        if (FUNCTIONS_ABSENT.contains(lower)) {
          return "no such function: " + id + where + ": SQLITE_ERROR";
        }
      }
      if (afterAs || (i + 1 < to && tokens.get(i + 1).isSymbol("."))) {
        continue;
      }
      if (lower.startsWith("pragma_")
          && PRAGMA_TABLES.contains(lower.substring(7))
          && !pragmaTableAllowed(lower.substring(7), id, tokens, i + 1, to)) {
        return NOT_AUTHORIZED;
      }
      if (id.equalsIgnoreCase(METADATA) && !call) {
        return NOT_AUTHORIZED;
      }
    }
    return null;
  }

  /**
   * Whether {@code name(} at {@code i} calls a function: it follows an operator, an opening
   * parenthesis, a comma or a keyword that starts an expression, and is not a CTE's name.
   */
  private static boolean isCall(List<SqlToken> tokens, int i, int to) {
    if (i == 0) {
      return false;
    }
    SqlToken prev = tokens.get(i - 1);
    if (prev.isSymbol(".")) {
      return false;
    }
    boolean expression;
    if (isPunctuation(prev)) {
      expression = true;
    } else if (Statement.isWord(prev)) {
      expression = EXPRESSION_KEYWORDS.contains(Statement.word(prev)) && !indexTable(tokens, i);
    } else {
      expression = false;
    }
    if (!expression) {
      return false;
    }
    int close = matching(tokens, i + 1, to);
    if (close + 1 < to && "AS".equals(Statement.word(tokens.get(close + 1)))) {
      // WITH a AS (...), name(x) AS (...) defines a CTE
      SqlToken after = close + 2 < to ? tokens.get(close + 2) : null;
      return after == null
          || !(after.isSymbol("(")
              || "MATERIALIZED".equals(Statement.word(after))
              || "NOT".equals(Statement.word(after)));
    }
    return true;
  }

  /** Whether {@code ON name(} at {@code i} names the table of CREATE INDEX. */
  private static boolean indexTable(List<SqlToken> tokens, int i) {
    if (!"ON".equals(Statement.word(tokens.get(i - 1)))) {
      return false;
    }
    for (int j = 0; j < i - 1; j++) {
      String kw = Statement.word(tokens.get(j));
      if ("INDEX".equals(kw)) {
        return true;
      }
      if ("ON".equals(kw)) {
        return false;
      }
    }
    return false;
  }

  /** The index of the parenthesis closing the one at {@code open}, or {@code to}. */
  private static int matching(List<SqlToken> tokens, int open, int to) {
    int depth = 0;
    for (int j = open; j < to; j++) {
      SqlToken t = tokens.get(j);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && --depth == 0) {
        return j;
      }
    }
    return to;
  }

  /** The index after the DEFAULT value starting at {@code i} (a literal or a parenthesised one). */
  private static int skipExpression(List<SqlToken> tokens, int i, int to) {
    SqlToken t = tokens.get(i);
    if (t.isSymbol("-") || t.isSymbol("+")) {
      return Math.min(i + 2, to);
    }
    if (t.isSymbol("(")) {
      return Math.min(matching(tokens, i, to) + 1, to);
    }
    return i + 1;
  }

  private static boolean pragmaTableAllowed(
      String name, String written, List<SqlToken> tokens, int i, int to) {
    if ((i >= to || !tokens.get(i).isSymbol("("))
        && !PRAGMAS_WITH_ARG_COLUMN.contains(name)
        && qualifiedArg(written, tokens, i, to)) {
      // no hidden arg column: SQLite's "no such column" comes before workerd's authorizer
      return true;
    }
    Signature sig = PRAGMAS.get(name);
    if (sig == null) {
      return false;
    }
    String arg = null;
    if (i >= to || !tokens.get(i).isSymbol("(")) {
      return argConstraintAllowed(sig, written, tokens, i, to);
    }
    if (i < to && tokens.get(i).isSymbol("(")) {
      if (i + 1 < to && !tokens.get(i + 1).isSymbol(")")) {
        SqlToken a = tokens.get(i + 1);
        if (a.type() == SqlTokenType.STRING) {
          arg = a.name();
        } else if (Statement.identifier(a) != null
            || a.type() == SqlTokenType.INTEGER
            || a.type() == SqlTokenType.FLOAT) {
          arg = Statement.identifier(a) != null ? Statement.identifier(a) : a.text();
        } else {
          // a parameter or an expression: its value is known only when the statement runs
          return true;
        }
      }
    }
    return argumentAllowed(sig, arg);
  }

  /**
   * A table-valued PRAGMA named without parentheses gets its argument from a constraint on its
   * hidden {@code arg} column ({@code WHERE p.arg = 't'}, {@code ON arg IN ('t', 'u')}), which
   * SQLite passes to the PRAGMA it runs, and workerd judges that PRAGMA when it is prepared:
   * without such a constraint the PRAGMA runs without an argument; literals are judged as
   * arguments; any other value is known only when the statement runs and is let through.
   *
   * @param written the source's name as written, which may qualify {@code arg}
   * @param i the index after the name
   */
  private static boolean argConstraintAllowed(
      Signature sig, String written, List<SqlToken> tokens, int i, int to) {
    String alias = aliasAt(tokens, i, to);
    for (int j = 0; j < to; j++) {
      String col = Statement.identifier(tokens.get(j));
      if (col == null || !col.equalsIgnoreCase("arg")) {
        continue;
      }
      if (j >= 2 && tokens.get(j - 1).isSymbol(".")) {
        String qualifier = Statement.identifier(tokens.get(j - 2));
        if (qualifier == null || !(qualifier.equalsIgnoreCase(alias == null ? written : alias))) {
          continue;
        }
      }
      List<SqlToken> values = constrainedValues(tokens, j, to);
      if (values == null) {
        continue;
      }
      if (values.isEmpty()) {
        // an expression: its value is known only when the statement runs
        return true;
      }
      for (SqlToken v : values) {
        if (!argumentAllowed(sig, v.type() == SqlTokenType.STRING ? v.name() : v.text())) {
          return false;
        }
      }
      return true;
    }
    return argumentAllowed(sig, null);
  }

  /**
   * The alias a source named at {@code i - 1} takes ({@code name AS a}, {@code name a}), or null.
   */
  private static String aliasAt(List<SqlToken> tokens, int i, int to) {
    if (i < to && "AS".equals(Statement.word(tokens.get(i)))) {
      return identifier(tokens, i + 1);
    }
    if (i < to
        && Statement.identifier(tokens.get(i)) != null
        && tokens.get(i).type() != SqlTokenType.KEYWORD) {
      return Statement.identifier(tokens.get(i));
    }
    return null;
  }

  /**
   * Whether the statement names {@code <alias or name>.arg} for the source named at {@code i-1}.
   */
  private static boolean qualifiedArg(String written, List<SqlToken> tokens, int i, int to) {
    String alias = aliasAt(tokens, i, to);
    String qualifier = alias == null ? written : alias;
    for (int j = 2; j < to; j++) {
      String col = Statement.identifier(tokens.get(j));
      if (col != null
          && col.equalsIgnoreCase("arg")
          && tokens.get(j - 1).isSymbol(".")
          && qualifier.equalsIgnoreCase(Statement.identifier(tokens.get(j - 2)))) {
        return true;
      }
    }
    return false;
  }

  /** table-valued PRAGMAs that have the hidden {@code arg} column (PragFlg_Result1 in SQLite). */
  private static final Set<String> PRAGMAS_WITH_ARG_COLUMN =
      Set.of(
          "foreign_key_check",
          "foreign_key_list",
          "index_info",
          "index_list",
          "index_xinfo",
          "integrity_check",
          "optimize",
          "quick_check",
          "table_info",
          "table_list",
          "table_xinfo");

  /**
   * The literals the column at {@code j} is constrained to by {@code col = literal}, {@code literal
   * = col} or {@code col IN (literal, ...)}; an empty list for another value; null when the column
   * is not constrained by {@code =} or {@code IN} there.
   */
  private static List<SqlToken> constrainedValues(List<SqlToken> tokens, int j, int to) {
    int start = j >= 2 && tokens.get(j - 1).isSymbol(".") ? j - 2 : j;
    if (j + 1 < to && (tokens.get(j + 1).isSymbol("=") || tokens.get(j + 1).isSymbol("=="))) {
      return literalAt(tokens, j + 2, to);
    }
    if (j + 1 < to && "IN".equals(Statement.word(tokens.get(j + 1)))) {
      if (j + 2 >= to || !tokens.get(j + 2).isSymbol("(")) {
        return List.of();
      }
      List<SqlToken> out = new java.util.ArrayList<>();
      for (int k = j + 3; k < to; k += 2) {
        if (!isLiteral(tokens.get(k))) {
          return List.of();
        }
        out.add(tokens.get(k));
        if (k + 1 < to && tokens.get(k + 1).isSymbol(")")) {
          return out;
        }
        if (k + 1 >= to || !tokens.get(k + 1).isSymbol(",")) {
          return List.of();
        }
      }
      return List.of();
    }
    if (start >= 2
        && (tokens.get(start - 1).isSymbol("=") || tokens.get(start - 1).isSymbol("=="))
        && isLiteral(tokens.get(start - 2))
        && (start < 3 || !isOperand(tokens.get(start - 3)))) {
      return List.of(tokens.get(start - 2));
    }
    return null;
  }

  /** A lone literal at {@code k} (not the start of a longer expression), or an empty list. */
  private static List<SqlToken> literalAt(List<SqlToken> tokens, int k, int to) {
    if (k < to
        && isLiteral(tokens.get(k))
        && (k + 1 >= to || !isOperand(tokens.get(k + 1)) && !tokens.get(k + 1).isSymbol("("))) {
      return List.of(tokens.get(k));
    }
    return List.of();
  }

  private static boolean isLiteral(SqlToken t) {
    return t.type() == SqlTokenType.STRING
        || t.type() == SqlTokenType.INTEGER
        || t.type() == SqlTokenType.FLOAT;
  }

  /** An operator that would make a literal next to it part of a longer expression. */
  private static boolean isOperand(SqlToken t) {
    return t.type() == SqlTokenType.OPERATOR && !t.isSymbol("=") && !t.isSymbol("==")
        || "COLLATE".equals(Statement.word(t))
        || "ESCAPE".equals(Statement.word(t));
  }

  /** {@code PRAGMA [schema.]name [= value | (value)]}, judged as workerd's authorizer does. */
  private static boolean pragmaAllowed(List<SqlToken> tokens, int i, int end) {
    if (i + 1 < end && tokens.get(i + 1).isSymbol(".")) {
      String schema = Statement.identifier(tokens.get(i));
      if (schema == null || schema.equalsIgnoreCase("temp")) {
        return false;
      }
      i += 2;
    }
    String name = identifier(tokens, i);
    if (name == null) {
      return false;
    }
    // SQLite hands the authorizer the name as written: D1 allows only the lower-case spelling
    Signature sig = PRAGMAS.get(name);
    if (sig == null) {
      return false;
    }
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
        if (t.type() == SqlTokenType.BLOB) {
          // not a PRAGMA value: SQLite reports the syntax error
          return true;
        }
        String id = t.type() == SqlTokenType.STRING ? t.name() : Statement.identifier(t);
        v.append(id != null ? id : t.text());
      }
      if (v.length() == 0) {
        return false;
      }
      arg = v.toString();
    }
    return argumentAllowed(sig, arg);
  }

  private static boolean argumentAllowed(Signature sig, String arg) {
    switch (sig) {
      case NO_ARG:
        return arg == null;
      case BOOLEAN:
        return arg == null || isBoolean(arg);
      case OBJECT_NAME:
      case TABLE_NAME:
        return arg != null && !isReserved(arg);
      case OPTIONAL_OBJECT_NAME:
      case NULL_NUMBER_OR_OBJECT_NAME:
        return arg == null || !isReserved(arg);
      case NULL_OR_NUMBER:
        return arg == null || isInt32(arg);
      case ANY:
      default:
        return true;
    }
  }

  /** workerd compares a prefix of the value, ignoring case, after removing one pair of quotes. */
  private static boolean isBoolean(String value) {
    String v = value;
    if (v.length() >= 2
        && (v.charAt(0) == '\'' || v.charAt(0) == '"')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1);
    }
    for (String word : new String[] {"true", "false", "yes", "no", "on", "off", "1", "0"}) {
      if (v.regionMatches(true, 0, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** kj's {@code tryParseAs<int32_t>}: the whole text is a decimal or 0x-hex int32. */
  static boolean isInt32(String value) {
    String v = value.trim();
    boolean negative = false;
    if (v.startsWith("-") || v.startsWith("+")) {
      negative = v.charAt(0) == '-';
      v = v.substring(1);
    }
    int radix = 10;
    if (v.length() > 2 && (v.startsWith("0x") || v.startsWith("0X"))) {
      radix = 16;
      v = v.substring(2);
    }
    if (v.isEmpty() || v.length() > 12) {
      return false;
    }
    try {
      long n = Long.parseLong(v, radix);
      n = negative ? -n : n;
      return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** workerd's {@code isAllowedName}: {@code _cf_} prefixes are reserved, ignoring case. */
  static boolean isReserved(String name) {
    return name.length() >= 4 && name.regionMatches(true, 0, "_cf_", 0, 4);
  }

  /** An operator, a comma or a parenthesis: what may precede the start of an expression. */
  private static boolean isPunctuation(SqlToken t) {
    switch (t.type()) {
      case LEFT_PAREN:
      case RIGHT_PAREN:
      case COMMA:
      case OPERATOR:
        return true;
      default:
        return false;
    }
  }

  private static String identifier(List<SqlToken> tokens, int i) {
    return i >= 0 && i < tokens.size() ? Statement.identifier(tokens.get(i)) : null;
  }

  private static String keyword(List<SqlToken> tokens, int i) {
    return i < tokens.size() ? Statement.word(tokens.get(i)) : null;
  }

  private static D1SqlException error(String detail) {
    return (D1SqlException) D1SqlException.of(detail, null);
  }
}
