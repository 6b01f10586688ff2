package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ColumnNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code first()} and {@code first(column)}.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class FirstContract extends ContractSupport {

  @BeforeEach
  void table() {
    sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  }

  @Test
  void returnsNullWithoutRows() {
    assertThat(db.prepare("SELECT * FROM t").first()).isNull();
  }

  @Test
  void missingColumnWithoutRowsIsNullNotAnError() {
    assertThat((Object) db.prepare("SELECT * FROM t").first("missing")).isNull();
  }

  @Test
  void missingColumnOnARowThrowsColumnNotFound() {
    D1ColumnNotFoundException e =
        assertD1Error(
            D1ColumnNotFoundException.class,
            "D1_COLUMN_NOTFOUND: Column not found (missing)",
            () -> db.prepare("SELECT 1 AS name").first("missing"));
    assertThat(e.getCause()).hasMessage("Column not found");
    assertThat(e.column()).isEqualTo("missing");
  }

  @Test
  void columnLookupIsCaseSensitive() {
    assertThatThrownBy(() -> db.prepare("SELECT 'x' AS name").first("NAME"))
        .isInstanceOf(D1ColumnNotFoundException.class)
        .hasMessage("D1_COLUMN_NOTFOUND: Column not found (NAME)");
  }

  @Test
  void sqlNullValueIsNull() {
    assertThat((Object) db.prepare("SELECT NULL AS v").first("v")).isNull();
  }

  @Test
  void duplicateColumnNamesLastOneWins() {
    assertThat((String) db.prepare("SELECT 'A' AS c, 'B' AS d, 'C' AS c").first("c"))
        .isEqualTo("C");
    assertThat(db.prepare("SELECT 'A' AS c, 'B' AS d, 'C' AS c").first())
        .isEqualTo(row("c", "C", "d", "B"));
  }

  @Test
  void writeExecutesAndReturnsNull() {
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('a')").first()).isNull();
    assertThat(count("t")).isEqualTo(1L);
  }

  @Test
  void returnsTheFirstOfManyRows() {
    sql("INSERT INTO t (name) VALUES ('a'), ('b')");
    assertThat(db.prepare("SELECT * FROM t ORDER BY id").first())
        .isEqualTo(row("id", 1L, "name", "a"));
    assertThat((String) db.prepare("SELECT * FROM t ORDER BY id DESC").first("name"))
        .isEqualTo("b");
  }
}
