package io.github.d1java.testkit;

import io.github.d1java.D1Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AssertJ assertions on a {@link D1Result}: its rows (see {@link AbstractD1RowsAssert}) and its
 * meta. Obtain one with {@link D1Assertions#assertThat(D1Result)}. Not thread-safe.
 */
public final class D1ResultAssert extends AbstractD1RowsAssert<D1ResultAssert, D1Result<?>> {

  D1ResultAssert(D1Result<?> actual) {
    super(actual, D1ResultAssert.class);
  }

  @Override
  protected List<Map<String, Object>> rows() {
    isNotNull();
    List<Map<String, Object>> rows = new ArrayList<>(actual.results().size());
    for (Object row : actual.results()) {
      if (!(row instanceof Map)) {
        failWithMessage(
            "Expecting rows as maps (from all() or run()), but a row is a %s: %s",
            row == null ? "null" : row.getClass().getName(), row);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) row;
      rows.add(map);
    }
    return rows;
  }

  /**
   * Verifies {@code meta.changes}: rows changed, inserted or deleted.
   *
   * @param expected the expected count
   * @return this assertion
   */
  public D1ResultAssert hasChanges(long expected) {
    isNotNull();
    if (actual.meta().changes() != expected) {
      failWithMessage(
          "Expecting %s change(s) but meta.changes is %s", expected, actual.meta().changes());
    }
    return this;
  }

  /**
   * Verifies {@code meta.last_row_id}.
   *
   * @param expected the expected row id
   * @return this assertion
   */
  public D1ResultAssert hasLastRowId(long expected) {
    isNotNull();
    if (actual.meta().lastRowId() != expected) {
      failWithMessage(
          "Expecting last row id %s but meta.last_row_id is %s",
          expected, actual.meta().lastRowId());
    }
    return this;
  }

  /**
   * Verifies {@code meta.rows_read}: the rows D1 bills as read (rows visited by scans and seeks,
   * not rows returned). A full scan reads the whole table; an index seek only the rows it touches.
   *
   * @param expected the expected count
   * @return this assertion
   */
  public D1ResultAssert readRows(long expected) {
    isNotNull();
    if (actual.meta().rowsRead() != expected) {
      failWithMessage(
          "Expecting %s row(s) read but meta.rows_read is %s", expected, actual.meta().rowsRead());
    }
    return this;
  }

  /**
   * Verifies that {@code meta.rows_read} is at most {@code limit}: what an index test checks (with
   * the index, a query reads a few rows; without it, the whole table).
   *
   * @param limit the most rows the query may read
   * @return this assertion
   */
  public D1ResultAssert readAtMost(long limit) {
    isNotNull();
    if (actual.meta().rowsRead() > limit) {
      failWithMessage(
          "Expecting at most %s row(s) read but meta.rows_read is %s (a full scan? check the"
              + " index with EXPLAIN QUERY PLAN)",
          limit, actual.meta().rowsRead());
    }
    return this;
  }

  /**
   * Verifies {@code meta.rows_written}: table rows plus index entries written, as D1 bills them.
   *
   * @param expected the expected count
   * @return this assertion
   */
  public D1ResultAssert wroteRows(long expected) {
    isNotNull();
    if (actual.meta().rowsWritten() != expected) {
      failWithMessage(
          "Expecting %s row(s) written but meta.rows_written is %s",
          expected, actual.meta().rowsWritten());
    }
    return this;
  }
}
