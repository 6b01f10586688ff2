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
}
