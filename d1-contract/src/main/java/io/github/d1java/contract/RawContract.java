package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code raw()} and {@code raw(true)}.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class RawContract extends ContractSupport {

  @BeforeEach
  void table() {
    sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)");
  }

  @Test
  void returnsRowsAsListsInColumnOrder() {
    sql("INSERT INTO t (name, age) VALUES ('a', 1), ('b', NULL)");
    assertThat(db.prepare("SELECT * FROM t ORDER BY id").raw())
        .containsExactly(List.of(1L, "a", 1L), Arrays.asList(2L, "b", null));
  }

  @Test
  void emptySelectGivesNoRowsAndHeaderOnlyWithColumnNames() {
    assertThat(db.prepare("SELECT * FROM t").raw()).isEmpty();
    assertThat(db.prepare("SELECT * FROM t").raw(false)).isEmpty();
    assertThat(db.prepare("SELECT * FROM t").raw(true))
        .containsExactly(List.of("id", "name", "age"));
  }

  @Test
  void writeWithColumnNamesGivesOneEmptyHeaderRow() {
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('a')").raw(true))
        .containsExactly(List.of());
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('b')").raw()).isEmpty();
    assertThat(count("t")).isEqualTo(2L);
  }

  @Test
  void keepsDuplicateColumns() {
    assertThat(db.prepare("SELECT 1 AS a, 2 AS b, 3 AS c, 'A' AS c").raw(true))
        .containsExactly(List.of("a", "b", "c", "c"), List.of(1L, 2L, 3L, "A"));
  }

  @Test
  void returningRowsWithHeader() {
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('a'), ('b') RETURNING id, name").raw(true))
        .containsExactly(List.of("id", "name"), List.of(1L, "a"), List.of(2L, "b"));
  }

  @Test
  void columnNamesFalseIsRaw() {
    sql("INSERT INTO t (name, age) VALUES ('a', 1)");
    assertThat(db.prepare("SELECT * FROM t").raw(false))
        .isEqualTo(db.prepare("SELECT * FROM t").raw());
  }
}
