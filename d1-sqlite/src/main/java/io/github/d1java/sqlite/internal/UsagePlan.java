package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one statement's text says about its usage figures: its kind, its target table, its clauses
 * and SQLite's query plan ({@code EXPLAIN QUERY PLAN}). Built once per statement text and schema;
 * immutable.
 */
final class UsagePlan {

  /** The statement kinds the usage model tells apart. */
  enum Verb {
    READ,
    INSERT,
    UPDATE,
    DELETE,
    CREATE_TABLE,
    CREATE_INDEX,
    CREATE_TRIGGER,
    CREATE_VIEW,
    DROP_TABLE,
    DROP_INDEX,
    DROP_OTHER,
    ALTER_ADD,
    OTHER;

    /** Whether {@code changes()} reports this statement's rows. */
    boolean writesRows() {
      return this == INSERT || this == UPDATE || this == DELETE;
    }
  }

  /** One row of {@code EXPLAIN QUERY PLAN}. */
  record Step(int id, int parent, String detail) {}

  private static final Set<String> NOT_ALIAS =
      Set.of(
          "WHERE",
          "JOIN",
          "ON",
          "LEFT",
          "RIGHT",
          "FULL",
          "INNER",
          "CROSS",
          "NATURAL",
          "OUTER",
          "USING",
          "ORDER",
          "GROUP",
          "HAVING",
          "LIMIT",
          "OFFSET",
          "UNION",
          "EXCEPT",
          "INTERSECT",
          "SET",
          "VALUES",
          "WINDOW",
          "INDEXED",
          "NOT",
          "RETURNING",
          "DEFAULT",
          "SELECT",
          "AS",
          "FROM");

  final Verb verb;

  /** The table written (INSERT, UPDATE, DELETE, CREATE INDEX, DROP TABLE...), or null. */
  final String target;

  final List<Step> steps;
  final boolean hasWhere;

  /** Whether the statement has a SELECT (INSERT ... SELECT reads its source). */
  final boolean hasSelect;

  final boolean hasLimit;
  final boolean hasOffset;
  final boolean countStar;
  final boolean returning;
  final boolean upsert;
  final boolean autoincrement;
  final boolean unique;

  /** Lower-cased columns an UPDATE (or an UPSERT's DO UPDATE) sets. */
  final Set<String> setColumns;

  /** Lower-cased columns an INSERT names, empty when it names none (all columns). */
  final Set<String> insertColumns;

  /** A partial index's WHERE text (CREATE INDEX), or null. */
  final String partialWhere;

  /** Alias (lower case) to table, from the FROM clauses. */
  final Map<String, String> aliases;

  /**
   * rows_read of a read whose figure does not depend on the data (rowid lookups, constant rows), or
   * -1.
   */
  final long constantReads;

  private UsagePlan(Statement st, List<Step> steps) {
    this.steps = steps;
    List<SqlToken> tokens = st.tokens();
    String first = st.firstKeyword();
    String second = keywordAt(tokens, 1);
    Verb v = Verb.OTHER;
    String tgt = null;
    boolean uniq = false;
    if ("SELECT".equals(first) || "VALUES".equals(first)) {
      v = Verb.READ;
    } else if ("WITH".equals(first)) {
      v = verbAfterWith(tokens);
    } else if ("INSERT".equals(first) || "REPLACE".equals(first)) {
      v = Verb.INSERT;
    } else if ("UPDATE".equals(first)) {
      v = Verb.UPDATE;
    } else if ("DELETE".equals(first)) {
      v = Verb.DELETE;
    } else if ("CREATE".equals(first)) {
      int i = 1;
      if ("UNIQUE".equals(second)) {
        uniq = true;
        i = 2;
      }
      String what = keywordAt(tokens, i);
      if ("TEMP".equals(what) || "TEMPORARY".equals(what)) {
        what = keywordAt(tokens, ++i);
      }
      if ("TABLE".equals(what)) {
        v = Verb.CREATE_TABLE;
      } else if ("INDEX".equals(what)) {
        v = Verb.CREATE_INDEX;
      } else if ("TRIGGER".equals(what)) {
        v = Verb.CREATE_TRIGGER;
      } else if ("VIEW".equals(what)) {
        v = Verb.CREATE_VIEW;
      }
    } else if ("DROP".equals(first)) {
      v =
          "TABLE".equals(second)
              ? Verb.DROP_TABLE
              : "INDEX".equals(second) ? Verb.DROP_INDEX : Verb.DROP_OTHER;
    } else if ("ALTER".equals(first)) {
      v = containsKeyword(tokens, "ADD") ? Verb.ALTER_ADD : Verb.OTHER;
    }
    this.verb = v;
    this.unique = uniq;
    switch (v) {
      case INSERT:
        tgt = ParsedSql.insertTarget(st);
        break;
      case UPDATE:
        tgt = nameAfter(tokens, indexOfKeyword(tokens, "UPDATE", 0), Set.of("OR"), 2);
        break;
      case DELETE:
        tgt = nameAfter(tokens, indexOfKeyword(tokens, "FROM", 0), Set.of(), 0);
        break;
      case CREATE_INDEX:
        tgt = nameAfter(tokens, indexOfKeyword(tokens, "ON", 0), Set.of(), 0);
        break;
      case DROP_TABLE:
      case CREATE_TABLE:
        tgt = lastNameBefore(tokens);
        break;
      default:
        break;
    }
    this.target = tgt;
    this.hasWhere = containsKeyword(tokens, "WHERE");
    this.hasSelect = containsKeyword(tokens, "SELECT");
    this.hasLimit = containsKeyword(tokens, "LIMIT");
    this.hasOffset = containsKeyword(tokens, "OFFSET") || limitHasComma(tokens);
    this.countStar = hasCountStar(tokens);
    this.returning = containsKeyword(tokens, "RETURNING");
    int onConflict = indexOfSequence(tokens, "ON", "CONFLICT");
    this.upsert = onConflict >= 0 && containsKeyword(tokens, "UPDATE");
    this.autoincrement = containsKeyword(tokens, "AUTOINCREMENT");
    this.setColumns = setColumns(tokens);
    this.insertColumns = v == Verb.INSERT ? insertColumns(tokens) : Set.of();
    this.partialWhere = v == Verb.CREATE_INDEX ? textAfterKeyword(st, "WHERE") : null;
    this.aliases = aliases(tokens);
    this.constantReads = v == Verb.READ ? constantReads(steps) : -1;
  }

  private static long constantReads(List<Step> steps) {
    long reads = 0;
    for (Step s : steps) {
      String d = s.detail();
      if (s.parent() != 0) {
        return -1;
      }
      if (d.startsWith("SEARCH ") && d.endsWith(" USING INTEGER PRIMARY KEY (rowid=?)")) {
        // SeekRowid counts one row, found or not; nested lookups of one row each
        reads++;
      } else if (!d.equals("SCAN CONSTANT ROW")) {
        return -1;
      }
    }
    return reads;
  }

  static UsagePlan of(Statement st, List<Step> steps) {
    return new UsagePlan(st, List.copyOf(steps));
  }

  /** Whether the figures need SQLite's plan (statements that read tables). */
  static boolean needsPlan(Statement st) {
    String first = st.firstKeyword();
    return "SELECT".equals(first)
        || "WITH".equals(first)
        || "UPDATE".equals(first)
        || "DELETE".equals(first)
        || "INSERT".equals(first)
        || "REPLACE".equals(first);
  }

  /** The table a plan step names ("SCAN t", "SEARCH t USING ..."), resolving aliases. */
  String table(String name) {
    String t = aliases.get(name.toLowerCase(Locale.ROOT));
    return t != null ? t : name;
  }

  private static Verb verbAfterWith(List<SqlToken> tokens) {
    int depth = 0;
    for (SqlToken t : tokens) {
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && isWord(t)) {
        switch (word(t)) {
          case "SELECT":
          case "VALUES":
            return Verb.READ;
          case "INSERT":
          case "REPLACE":
            return Verb.INSERT;
          case "UPDATE":
            return Verb.UPDATE;
          case "DELETE":
            return Verb.DELETE;
          default:
            break;
        }
      }
    }
    return Verb.READ;
  }

  private static String keywordAt(List<SqlToken> tokens, int i) {
    return i < tokens.size() ? word(tokens.get(i)) : null;
  }

  private static boolean containsKeyword(List<SqlToken> tokens, String kw) {
    return indexOfKeyword(tokens, kw, 0) >= 0;
  }

  private static int indexOfKeyword(List<SqlToken> tokens, String kw, int from) {
    for (int i = from; i < tokens.size(); i++) {
      if (kw.equals(word(tokens.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfSequence(List<SqlToken> tokens, String a, String b) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (a.equals(word(tokens.get(i))) && b.equals(word(tokens.get(i + 1)))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The (possibly schema-qualified) name after token {@code at}, skipping the given keywords (and
   * the word after each, up to {@code skipWidth} tokens).
   */
  private static String nameAfter(List<SqlToken> tokens, int at, Set<String> skip, int skipWidth) {
    if (at < 0) {
      return null;
    }
    int i = at + 1;
    while (i < tokens.size() && isIn(skip, word(tokens.get(i)))) {
      i += skipWidth;
    }
    if (i >= tokens.size()) {
      return null;
    }
    if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
      i += 2;
    }
    return ident(tokens.get(i));
  }

  /** CREATE TABLE / DROP TABLE: the name before "(" or "AS", or the last name. */
  private static String lastNameBefore(List<SqlToken> tokens) {
    String name = null;
    for (int i = 2; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(") || "AS".equals(word(t)) || t.type() == SqlTokenType.SEMICOLON) {
        break;
      }
      String id = ident(t);
      if (id != null
          && !"IF".equals(word(t))
          && !"NOT".equals(word(t))
          && !"EXISTS".equals(word(t))
          && !"TABLE".equals(word(t))) {
        name = id;
      }
    }
    return name;
  }

  private static boolean limitHasComma(List<SqlToken> tokens) {
    int limit = indexOfKeyword(tokens, "LIMIT", 0);
    if (limit < 0) {
      return false;
    }
    int depth = 0;
    for (int i = limit + 1; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.isSymbol(",")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCountStar(List<SqlToken> tokens) {
    for (int i = 0; i + 3 < tokens.size(); i++) {
      if ("COUNT".equals(word(tokens.get(i)))
          && tokens.get(i + 1).isSymbol("(")
          && tokens.get(i + 2).isSymbol("*")
          && tokens.get(i + 3).isSymbol(")")) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> setColumns(List<SqlToken> tokens) {
    int set = indexOfKeyword(tokens, "SET", 0);
    if (set < 0) {
      return Set.of();
    }
    List<String> cols = new ArrayList<>();
    int depth = 0;
    for (int i = set + 1; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
        if (depth == 1
            && i > 0
            && (word(tokens.get(i - 1)) != null || tokens.get(i - 1).isSymbol(","))) {
          // SET (a, b) = (...): the names inside
          int j = i + 1;
          while (j < tokens.size() && !tokens.get(j).isSymbol(")")) {
            String id = ident(tokens.get(j));
            if (id != null) {
              cols.add(id.toLowerCase(Locale.ROOT));
            }
            j++;
          }
        }
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0) {
        String kw = word(t);
        if ("WHERE".equals(kw) || "FROM".equals(kw) || "RETURNING".equals(kw)) {
          break;
        }
        if (t.isSymbol("=") && i > 0) {
          String id = ident(tokens.get(i - 1));
          if (id != null) {
            cols.add(id.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return Set.copyOf(cols);
  }

  private static Set<String> insertColumns(List<SqlToken> tokens) {
    int into = indexOfKeyword(tokens, "INTO", 0);
    if (into < 0) {
      return Set.of();
    }
    int i = into + 2;
    if (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
      i += 2;
    }
    if (i < tokens.size() && "AS".equals(word(tokens.get(i)))) {
      i += 2;
    }
    if (i >= tokens.size() || !tokens.get(i).isSymbol("(")) {
      return Set.of();
    }
    List<String> cols = new ArrayList<>();
    for (int j = i + 1; j < tokens.size() && !tokens.get(j).isSymbol(")"); j++) {
      String id = ident(tokens.get(j));
      if (id != null) {
        cols.add(id.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(cols);
  }

  private static String textAfterKeyword(Statement st, String kw) {
    List<SqlToken> tokens = st.tokens();
    int at = indexOfKeyword(tokens, kw, 0);
    if (at < 0 || at + 1 >= tokens.size()) {
      return null;
    }
    SqlToken last = tokens.get(tokens.size() - 1);
    int end = last.type() == SqlTokenType.SEMICOLON ? last.start() : last.end();
    return st.text().substring(tokens.get(at + 1).start(), end);
  }

  private static Map<String, String> aliases(List<SqlToken> tokens) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String kw = word(tokens.get(i));
      if (!"FROM".equals(kw) && !"JOIN".equals(kw) && !tokens.get(i).isSymbol(",")) {
        continue;
      }
      int n = i + 1;
      String table = ident(tokens.get(n));
      if (table == null || isPunct(tokens.get(n))) {
        continue;
      }
      if (n + 2 < tokens.size() && tokens.get(n + 1).isSymbol(".")) {
        n += 2;
        table = ident(tokens.get(n));
      }
      int a = n + 1;
      if (a < tokens.size() && "AS".equals(word(tokens.get(a)))) {
        a++;
      }
      if (a < tokens.size()) {
        SqlToken alias = tokens.get(a);
        String id = ident(alias);
        if (id != null && !(isWord(alias) && NOT_ALIAS.contains(word(alias))) && table != null) {
          out.put(id.toLowerCase(Locale.ROOT), table);
        }
      }
    }
    return out;
  }

  /** A bare word's text in upper case, keyword or not (the plan analysis matches both), or null. */
  static String word(SqlToken t) {
    return isWord(t) ? t.text().toUpperCase(Locale.ROOT) : null;
  }

  /** The name a bare or quoted identifier (or a keyword used as one) gives, or null. */
  static String ident(SqlToken t) {
    switch (t.type()) {
      case KEYWORD:
      case IDENTIFIER:
      case QUOTED_IDENTIFIER:
        return t.name();
      default:
        return null;
    }
  }

  /** {@code Set.of} sets refuse {@code contains(null)}: a token that is not a word is in none. */
  private static boolean isIn(Set<String> set, String word) {
    return word != null && set.contains(word);
  }

  private static boolean isWord(SqlToken t) {
    return t.type() == SqlTokenType.KEYWORD || t.type() == SqlTokenType.IDENTIFIER;
  }

  private static boolean isPunct(SqlToken t) {
    switch (t.type()) {
      case LEFT_PAREN:
      case RIGHT_PAREN:
      case COMMA:
      case DOT:
      case OPERATOR:
        return true;
      default:
        return false;
    }
  }
}
