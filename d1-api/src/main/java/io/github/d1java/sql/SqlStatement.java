package io.github.d1java.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One statement found by {@link SqlLexer#statements(String)} or {@link SqlSplitter}: its text,
 * where it starts in the source, and its tokens, with the classification every caller needs (first
 * keyword, read-only, parameters), all decided from the tokens.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sql the statement, from its first token to its last, without the {@code ;} that ends it;
 *     comments inside it are kept; never null or blank
 * @param line the 1-based line of the source on which the statement's first token starts
 * @param offset the index in the source (in {@code char}s) of the statement's first token
 * @param tokens the statement's tokens without whitespace and comments, offsets relative to {@code
 *     sql}; never null, never empty for a statement read from SQL text
 */
public record SqlStatement(String sql, long line, long offset, List<SqlToken> tokens) {

  /** Keywords that, anywhere in a statement, may make it write. */
  private static final Set<String> WRITE_KEYWORDS =
      Set.of(
          "INSERT",
          "UPDATE",
          "DELETE",
          "REPLACE",
          "CREATE",
          "DROP",
          "ALTER",
          "PRAGMA",
          "VACUUM",
          "ANALYZE",
          "REINDEX",
          "ATTACH",
          "DETACH",
          "BEGIN",
          "COMMIT",
          "ROLLBACK",
          "SAVEPOINT",
          "RELEASE",
          "RETURNING");

  /** The highest {@code ?NNN} this class counts (sqlite-jdbc's SQLITE_MAX_VARIABLE_NUMBER). */
  public static final int MAX_PARAMETER_INDEX = 250_000;

  /** First keywords of statements that can only read. */
  private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "VALUES", "WITH", "EXPLAIN");

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code sql} is blank, {@code line} is below 1 or {@code
   *     offset} is negative
   */
  public SqlStatement {
    Objects.requireNonNull(sql, "sql");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1: " + line);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
  }

  /**
   * A statement at offset 0 whose tokens are read from {@code sql}.
   *
   * @param sql the statement; not null or blank
   * @param line the 1-based line on which it starts
   * @throws NullPointerException if {@code sql} is null
   * @throws IllegalArgumentException if {@code sql} is blank or {@code line} is below 1
   */
  public SqlStatement(String sql, long line) {
    this(sql, line, 0, SqlLexer.tokenize(Objects.requireNonNull(sql, "sql")));
  }

  /**
   * The first token's keyword, upper case ({@code "SELECT"}, {@code "CREATE"}...).
   *
   * @return the keyword, or null when the statement starts with anything else (a name, a literal, a
   *     parenthesis...)
   */
  public String firstKeyword() {
    return tokens.isEmpty() ? null : tokens.get(0).keyword();
  }

  /**
   * Whether the statement certainly cannot change the database: it starts with {@code SELECT},
   * {@code VALUES}, {@code WITH} or {@code EXPLAIN} and holds none of the keywords that write
   * ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code REPLACE} other than the {@code
   * replace(...)} function, {@code CREATE}, {@code DROP}, {@code ALTER}, {@code PRAGMA}, {@code
   * VACUUM}, {@code ANALYZE}, {@code REINDEX}, {@code ATTACH}, {@code DETACH}, {@code BEGIN},
   * {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code RELEASE}, {@code RETURNING}).
   * Conservative: a column named {@code begin} makes it count as a write. Quoted names never count.
   *
   * @return true only when the statement only reads
   */
  public boolean isReadOnly() {
    String first = firstKeyword();
    if (first == null || !READ_KEYWORDS.contains(first)) {
      return false;
    }
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.type() == SqlTokenType.ILLEGAL) {
        return false;
      }
      String kw = t.keyword();
      if (kw != null && WRITE_KEYWORDS.contains(kw)) {
        boolean replaceFunction =
            kw.equals("REPLACE")
                && i + 1 < tokens.size()
                && tokens.get(i + 1).type() == SqlTokenType.LEFT_PAREN;
        if (!replaceFunction) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether the statement has a parameter ({@code ?}, {@code ?NNN}, {@code :name}, {@code @name},
   * {@code $name}, {@code #name}).
   *
   * @return true when {@link #parameterCount()} is above 0
   */
  public boolean hasParameters() {
    return parameterCount() > 0;
  }

  /**
   * The number of parameters SQLite gives the statement ({@code sqlite3_bind_parameter_count}): the
   * highest index, where {@code ?} takes the next index, {@code ?NNN} takes NNN, and a name takes
   * the next index at its first use and the same index again after. {@code #} followed by a digit
   * is not a parameter (SQLite refuses it as a syntax error).
   *
   * @return the highest parameter index, 0 when there is none; at most {@link Integer#MAX_VALUE}
   */
  public int parameterCount() {
    return parameterNames().size();
  }

  /**
   * The parameters by index, as {@code sqlite3_bind_parameter_name} gives them: element {@code i}
   * is the name of parameter {@code i + 1} with its prefix ({@code ":id"}, {@code "@id"}, {@code
   * "$id"}, {@code "?3"}), or null for a bare {@code ?} and for indexes no token names.
   *
   * <p>A {@code ?0} or a {@code ?NNN} above {@value #MAX_PARAMETER_INDEX} is left out: SQLite
   * refuses the statement when it prepares it.
   *
   * @return an unmodifiable list of size {@link #parameterCount()}; may hold nulls
   */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (SqlToken t : tokens) {
      if (t.type() != SqlTokenType.VARIABLE) {
        continue;
      }
      String text = t.text();
      char c = text.charAt(0);
      if (c == '?') {
        if (text.length() == 1) {
          names.add(null);
          continue;
        }
        long index = parseIndex(text);
        if (index == 0) {
          continue;
        }
        while (names.size() < index) {
          names.add(null);
        }
        if (names.get((int) index - 1) == null) {
          names.set((int) index - 1, text);
        }
      } else if (c == '#' && Tokenizer.isDigit(text.charAt(1))) {
        continue;
      } else if (!names.contains(text)) {
        names.add(text);
      }
    }
    return Collections.unmodifiableList(names);
  }

  private static long parseIndex(String text) {
    long value = 0;
    for (int i = 1; i < text.length(); i++) {
      value = value * 10 + (text.charAt(i) - '0');
      if (value > MAX_PARAMETER_INDEX) {
        return 0;
      }
    }
    return value;
  }
}
