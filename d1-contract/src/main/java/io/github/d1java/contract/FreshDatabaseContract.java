package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Meta;
import io.github.d1java.D1Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads on a database nobody has written to yet.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class FreshDatabaseContract extends ContractSupport {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1 AS v",
        "SELECT 1 AS x; SELECT 2 AS y",
        "PRAGMA foreign_keys",
        "PRAGMA quick_check",
        "PRAGMA foreign_key_check",
        "PRAGMA table_list"
      })
  void readDoesNotChangeTheDatabase(String sql) {
    D1Meta m = db.prepare(sql).all().meta();
    assertThat(m.changes()).isZero();
    assertThat(m.lastRowId()).isZero();
    assertThat(m.changedDb()).as("changed_db").isFalse();
  }

  @Test
  void batchOfReadsDoesNotChangeTheDatabase() {
    List<D1Result<Map<String, Object>>> rs =
        db.batch(db.prepare("SELECT 1 AS a, 2 AS a"), db.prepare("SELECT 2 AS v"));
    assertThat(rs.get(0).results()).containsExactly(row("a", 2L));
    assertThat(rs).extracting(r -> r.meta().changedDb()).containsOnly(false);
  }

  @Test
  void hasNoUserTables() {
    assertThat(
            db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
                .raw())
        .isEmpty();
  }
}
