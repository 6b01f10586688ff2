package io.github.d1java.testkit;

import io.github.d1java.D1Database;
import io.github.d1java.D1Result;

/**
 * Entry point of the AssertJ assertions for D1.
 *
 * <pre>{@code
 * import static io.github.d1java.testkit.D1Assertions.assertThat;
 *
 * assertThat(db.prepare("SELECT * FROM orders").all())
 *     .hasRowCount(2)
 *     .containsRow("id", 1, "item", "tea")
 *     .column("item").containsExactly("tea", "cake");
 * assertThat(db.prepare("DELETE FROM orders").run()).hasChanges(2);
 * assertThat(db).table("orders").hasNoRows();
 * }</pre>
 *
 * <p>Values compare as D1 stores them, so ints match D1's longs. Thread-safe (stateless).
 */
public final class D1Assertions {

  private D1Assertions() {}

  /**
   * Starts assertions on a result.
   *
   * @param actual the result; may be null (then every assertion fails)
   * @return the assertions
   */
  public static D1ResultAssert assertThat(D1Result<?> actual) {
    return new D1ResultAssert(actual);
  }

  /**
   * Starts assertions on a database.
   *
   * @param actual the database; may be null (then every assertion fails)
   * @return the assertions
   */
  public static D1DatabaseAssert assertThat(D1Database actual) {
    return new D1DatabaseAssert(actual);
  }
}
