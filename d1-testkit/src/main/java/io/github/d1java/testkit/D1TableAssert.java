package io.github.d1java.testkit;

import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import java.util.List;
import java.util.Map;

/**
 * AssertJ assertions on the rows of one table, read with {@code SELECT * FROM "<table>"} each time
 * an assertion runs. Obtain one with {@code D1Assertions.assertThat(db).table("orders")}. Not
 * thread-safe.
 */
public final class D1TableAssert extends AbstractD1RowsAssert<D1TableAssert, D1Database> {

  private final String table;

  D1TableAssert(D1Database actual, String table) {
    super(actual, D1TableAssert.class);
    this.table = table;
    describedAs("table %s", table);
  }

  @Override
  protected List<Map<String, Object>> rows() {
    isNotNull();
    try {
      return actual
          .prepare("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")
          .all()
          .results();
    } catch (D1Exception e) {
      failWithMessage("Expecting table %s to be readable, but: %s", table, e.getMessage());
      throw e;
    }
  }
}
