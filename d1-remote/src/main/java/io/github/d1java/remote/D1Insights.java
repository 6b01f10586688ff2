package io.github.d1java.remote;

import java.util.List;
import java.util.Objects;

/**
 * D1's query insights for a database or an account: the queries run, most rows read first, and the
 * indexes D1 recommends. Immutable.
 *
 * @param queries the queries; never null
 * @param recommendations the index recommendations; never null
 */
public record D1Insights(List<Query> queries, List<IndexRecommendation> recommendations) {

  /** Validates and copies. */
  public D1Insights {
    queries = List.copyOf(Objects.requireNonNull(queries, "queries"));
    recommendations = List.copyOf(Objects.requireNonNull(recommendations, "recommendations"));
  }

  /**
   * One query text and what running it cost.
   *
   * @param databaseId the database it ran on; nullable
   * @param query the SQL text; never null
   * @param count how many times it ran
   * @param rowsRead the rows read, summed over every run
   * @param rowsWritten the rows written, summed
   * @param rowsReturned the rows returned, summed
   * @param durationMs the query time in milliseconds, summed
   */
  public record Query(
      String databaseId,
      String query,
      long count,
      long rowsRead,
      long rowsWritten,
      long rowsReturned,
      double durationMs) {

    /** Validates. */
    public Query {
      Objects.requireNonNull(query, "query");
    }

    /**
     * @return rows read per run, 0 when it never ran
     */
    public double avgRowsRead() {
      return count == 0 ? 0 : (double) rowsRead / count;
    }

    /**
     * @return rows written per run, 0 when it never ran
     */
    public double avgRowsWritten() {
      return count == 0 ? 0 : (double) rowsWritten / count;
    }

    /**
     * @return milliseconds per run, 0 when it never ran
     */
    public double avgDurationMs() {
      return count == 0 ? 0 : durationMs / count;
    }

    /**
     * Rows returned per row read, as wrangler's {@code queryEfficiency}.
     *
     * @return the ratio, 0 when nothing was read
     */
    public double efficiency() {
      return rowsRead == 0 ? 0 : (double) rowsReturned / rowsRead;
    }
  }

  /**
   * An index D1 recommends.
   *
   * @param databaseId the database; nullable
   * @param table the table; never null
   * @param columns the indexed columns; never null
   * @param sql the {@code CREATE INDEX} statement to run; never null
   * @param costImpact the rows read the index would have saved
   */
  public record IndexRecommendation(
      String databaseId, String table, List<String> columns, String sql, long costImpact) {

    /** Validates and copies. */
    public IndexRecommendation {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
      Objects.requireNonNull(sql, "sql");
    }
  }
}
