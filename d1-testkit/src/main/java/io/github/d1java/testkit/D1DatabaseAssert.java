package io.github.d1java.testkit;

import io.github.d1java.D1Database;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link D1Database}. Obtain one with {@link
 * D1Assertions#assertThat(D1Database)}. Not thread-safe.
 */
public final class D1DatabaseAssert extends AbstractAssert<D1DatabaseAssert, D1Database> {

  D1DatabaseAssert(D1Database actual) {
    super(actual, D1DatabaseAssert.class);
  }

  /**
   * Starts assertions on a table's rows.
   *
   * @param name the table name, unquoted; not null
   * @return assertions on the table
   */
  public D1TableAssert table(String name) {
    isNotNull();
    return new D1TableAssert(actual, Objects.requireNonNull(name, "name"));
  }

  /**
   * Verifies that a table (or view) with this name exists.
   *
   * @param name the table name, exact; not null
   * @return this assertion
   */
  public D1DatabaseAssert hasTable(String name) {
    isNotNull();
    Objects.requireNonNull(name, "name");
    Object found =
        actual
            .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")
            .bind(name)
            .first("name");
    if (found == null) {
      failWithMessage("Expecting table %s to exist", name);
    }
    return this;
  }
}
