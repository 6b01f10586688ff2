package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.D1DumpException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code dump()}.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class DumpContract extends ContractSupport {

  /**
   * Whether {@link D1Database#dump()} returns the database file. When false the tests assert that
   * {@code dump()} throws {@link D1DumpException} instead.
   *
   * @return true by default
   */
  protected boolean supportsDump() {
    return true;
  }

  @Test
  void returnsTheDatabaseFileOrThrowsDumpError() {
    sql("CREATE TABLE d (v TEXT)", "INSERT INTO d VALUES ('x')");
    if (supportsDump()) {
      byte[] image = db.dump();
      assertThat(new String(image, 0, 16, StandardCharsets.US_ASCII))
          .isEqualTo("SQLite format 3\0");
      assertThat(image.length % 512).isZero();
    } else {
      assertThatThrownBy(db::dump)
          .isInstanceOf(D1DumpException.class)
          .hasMessageStartingWith("D1_DUMP_ERROR: ");
    }
  }
}
