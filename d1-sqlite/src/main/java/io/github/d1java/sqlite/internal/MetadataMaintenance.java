package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ANALYZE} and {@code REINDEX} of {@code [main.]_cf_METADATA}, D1's internal table. It
 * exists in D1's database, where workerd's authorizer allows every {@code ANALYZE} and a {@code
 * REINDEX} of a table without indexes asks nothing, so both succeed there; the local database has
 * no such table. They run as {@code ANALYZE sqlite_schema} (which creates {@code sqlite_stat1} as
 * the first {@code ANALYZE} does, and analyzes nothing) and {@code REINDEX sqlite_schema} (which
 * rebuilds nothing). D1 also leaves a {@code sqlite_stat1} row for its table; the local engine does
 * not. Immutable.
 */
final class MetadataMaintenance implements Rewrite {

  private static final String METADATA = "_cf_METADATA";

  private final String substitute;

  private MetadataMaintenance(String substitute) {
    this.substitute = substitute;
  }

  /** The rewrite of {@code [EXPLAIN] ANALYZE|REINDEX [main.]_cf_METADATA}, or null. */
  static MetadataMaintenance of(SqlStatement parsed) {
    List<SqlToken> tokens = parsed.tokens();
    int end = tokens.size();
    if (end > 0 && tokens.get(end - 1).type() == SqlTokenType.SEMICOLON) {
      end--;
    }
    int first = firstAfterExplain(tokens, end);
    if (first < 0 || !targetsMetadata(tokens, first, end)) {
      return null;
    }
    String prefix = parsed.sql().substring(0, tokens.get(first).start());
    return new MetadataMaintenance(prefix + Statement.word(tokens.get(first)) + " sqlite_schema");
  }

  /** The index of the statement's verb after an EXPLAIN [QUERY PLAN] prefix, or -1 if none. */
  static int firstAfterExplain(List<SqlToken> tokens, int end) {
    int i = 0;
    if (i < end && tokens.get(i).isKeyword("EXPLAIN")) {
      i++;
      if (i + 1 < end && tokens.get(i).isKeyword("QUERY") && tokens.get(i + 1).isKeyword("PLAN")) {
        i += 2;
      }
    }
    return i < end ? i : -1;
  }

  /**
   * Whether tokens {@code [verb, end)} are {@code ANALYZE|REINDEX [main.]_cf_METADATA} in any
   * quoting and letter case (SQLite looks names up ignoring case).
   */
  static boolean targetsMetadata(List<SqlToken> tokens, int verb, int end) {
    SqlToken v = tokens.get(verb);
    if (!v.isKeyword("ANALYZE") && !v.isKeyword("REINDEX")) {
      return false;
    }
    int n = end - verb - 1;
    if (n == 1) {
      return METADATA.equalsIgnoreCase(Statement.identifier(tokens.get(verb + 1)));
    }
    if (n == 3 && tokens.get(verb + 2).isSymbol(".")) {
      return "main".equalsIgnoreCase(Statement.identifier(tokens.get(verb + 1)))
          && METADATA.equalsIgnoreCase(Statement.identifier(tokens.get(verb + 3)));
    }
    return false;
  }

  /** Whether it may change pages: {@code ANALYZE} writes {@code sqlite_stat1}, REINDEX nothing. */
  boolean changesPages() {
    return substitute.endsWith("ANALYZE sqlite_schema");
  }

  @Override
  public Statement prepare(Conn conn, Statement st) {
    int[] chars = new int[substitute.length()];
    Arrays.fill(chars, 0);
    return new Statement(
        SqlLexer.statements(substitute).get(0),
        substitute,
        st.leadBytes(),
        st.next(),
        null,
        new Statement.Origin(st, chars));
  }
}
