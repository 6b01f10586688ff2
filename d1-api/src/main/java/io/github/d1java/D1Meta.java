package io.github.d1java;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What D1 reports about a query: D1's {@code D1Meta}.
 *
 * <p>The first eight fields are always present. The {@code servedBy*}, {@code sqlDurationMs} and
 * {@code totalAttempts} fields come only from the remote D1 service and are null locally, as in
 * {@code wrangler dev}.
 *
 * @param duration the SQL execution time in milliseconds
 * @param changes rows changed, inserted or deleted by the query (the {@code total_changes()} delta,
 *     so triggers and every statement of a multi-statement query count)
 * @param lastRowId {@code last_insert_rowid()} after the query; sticky across queries as in D1
 * @param changedDb whether the query changed the database (changes, last row id or size)
 * @param sizeAfter the database size in bytes after the query
 * @param rowsRead rows read (D1's billing unit); estimated locally, see the README
 * @param rowsWritten rows written, index entries included; estimated locally, see the README
 * @param servedBy the backend that ran the query ({@code "d1-java.sqlite"} locally, e.g. {@code
 *     "v3-prod"} remotely); may be null
 * @param servedByRegion remote only: the region that ran the query, e.g. {@code WEUR}; nullable
 * @param servedByColo remote only: the colo that ran the query, e.g. {@code DFW}; nullable
 * @param servedByPrimary remote only: whether the primary ran the query; nullable
 * @param sqlDurationMs remote only: {@code timings.sql_duration_ms}; nullable
 * @param totalAttempts remote only: attempts including D1's automatic retries; nullable
 */
public record D1Meta(
    double duration,
    long changes,
    long lastRowId,
    boolean changedDb,
    long sizeAfter,
    long rowsRead,
    long rowsWritten,
    String servedBy,
    String servedByRegion,
    String servedByColo,
    Boolean servedByPrimary,
    Double sqlDurationMs,
    Integer totalAttempts) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a count or the duration is negative
   */
  public D1Meta {
    requireNonNegative("changes", changes);
    requireNonNegative("sizeAfter", sizeAfter);
    requireNonNegative("rowsRead", rowsRead);
    requireNonNegative("rowsWritten", rowsWritten);
    if (duration < 0 || Double.isNaN(duration)) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
  }

  /**
   * A new builder with every count zero and every optional field null.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this meta's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder()
        .duration(duration)
        .changes(changes)
        .lastRowId(lastRowId)
        .changedDb(changedDb)
        .sizeAfter(sizeAfter)
        .rowsRead(rowsRead)
        .rowsWritten(rowsWritten)
        .servedBy(servedBy)
        .servedByRegion(servedByRegion)
        .servedByColo(servedByColo)
        .servedByPrimary(servedByPrimary)
        .sqlDurationMs(sqlDurationMs)
        .totalAttempts(totalAttempts);
  }

  /**
   * This meta with D1's JSON field names ({@code served_by}, {@code duration}, {@code changes},
   * {@code last_row_id}, {@code changed_db}, {@code size_after}, {@code rows_read}, {@code
   * rows_written}, ...), in D1's order; absent optional fields are left out. Useful for printing
   * the same JSON wrangler prints.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, Object> toD1Map() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (servedBy != null) {
      m.put("served_by", servedBy);
    }
    if (servedByRegion != null) {
      m.put("served_by_region", servedByRegion);
    }
    if (servedByColo != null) {
      m.put("served_by_colo", servedByColo);
    }
    if (servedByPrimary != null) {
      m.put("served_by_primary", servedByPrimary);
    }
    if (sqlDurationMs != null) {
      m.put("timings", Map.of("sql_duration_ms", sqlDurationMs));
    }
    m.put("duration", duration);
    m.put("changes", changes);
    m.put("last_row_id", lastRowId);
    m.put("changed_db", changedDb);
    m.put("size_after", sizeAfter);
    m.put("rows_read", rowsRead);
    m.put("rows_written", rowsWritten);
    if (totalAttempts != null) {
      m.put("total_attempts", totalAttempts);
    }
    return Collections.unmodifiableMap(m);
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }

  /** Builds a {@link D1Meta}. Not thread-safe. */
  public static final class Builder {
    private double duration;
    private long changes;
    private long lastRowId;
    private boolean changedDb;
    private long sizeAfter;
    private long rowsRead;
    private long rowsWritten;
    private String servedBy;
    private String servedByRegion;
    private String servedByColo;
    private Boolean servedByPrimary;
    private Double sqlDurationMs;
    private Integer totalAttempts;

    private Builder() {}

    /**
     * @param value milliseconds
     * @return this builder
     */
    public Builder duration(double value) {
      this.duration = value;
      return this;
    }

    /**
     * @param value rows changed
     * @return this builder
     */
    public Builder changes(long value) {
      this.changes = value;
      return this;
    }

    /**
     * @param value the last insert rowid
     * @return this builder
     */
    public Builder lastRowId(long value) {
      this.lastRowId = value;
      return this;
    }

    /**
     * @param value whether the database changed
     * @return this builder
     */
    public Builder changedDb(boolean value) {
      this.changedDb = value;
      return this;
    }

    /**
     * @param value bytes
     * @return this builder
     */
    public Builder sizeAfter(long value) {
      this.sizeAfter = value;
      return this;
    }

    /**
     * @param value rows read
     * @return this builder
     */
    public Builder rowsRead(long value) {
      this.rowsRead = value;
      return this;
    }

    /**
     * @param value rows written
     * @return this builder
     */
    public Builder rowsWritten(long value) {
      this.rowsWritten = value;
      return this;
    }

    /**
     * @param value the serving backend; nullable
     * @return this builder
     */
    public Builder servedBy(String value) {
      this.servedBy = value;
      return this;
    }

    /**
     * @param value the region; nullable
     * @return this builder
     */
    public Builder servedByRegion(String value) {
      this.servedByRegion = value;
      return this;
    }

    /**
     * @param value the colo; nullable
     * @return this builder
     */
    public Builder servedByColo(String value) {
      this.servedByColo = value;
      return this;
    }

    /**
     * @param value whether the primary served; nullable
     * @return this builder
     */
    public Builder servedByPrimary(Boolean value) {
      this.servedByPrimary = value;
      return this;
    }

    /**
     * @param value SQL duration in milliseconds; nullable
     * @return this builder
     */
    public Builder sqlDurationMs(Double value) {
      this.sqlDurationMs = value;
      return this;
    }

    /**
     * @param value total attempts; nullable
     * @return this builder
     */
    public Builder totalAttempts(Integer value) {
      this.totalAttempts = value;
      return this;
    }

    /**
     * @return a new, validated meta
     * @throws IllegalArgumentException if a count is negative
     */
    public D1Meta build() {
      return new D1Meta(
          duration,
          changes,
          lastRowId,
          changedDb,
          sizeAfter,
          rowsRead,
          rowsWritten,
          servedBy,
          servedByRegion,
          servedByColo,
          servedByPrimary,
          sqlDurationMs,
          totalAttempts);
    }
  }
}
