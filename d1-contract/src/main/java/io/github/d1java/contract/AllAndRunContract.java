package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Result;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code all()} and {@code run()}: rows as ordered maps plus meta.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class AllAndRunContract extends ContractSupport {

  @BeforeEach
  void table() {
    sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  }

  @Test
  void allReturnsRowsInColumnOrder() {
    sql("INSERT INTO t (name) VALUES ('a'), ('b')");
    D1Result<Map<String, Object>> r = db.prepare("SELECT name, id FROM t ORDER BY id").all();
    assertThat(r.success()).isTrue();
    assertThat(r.results()).containsExactly(row("name", "a", "id", 1L), row("name", "b", "id", 2L));
    assertThat(new ArrayList<>(r.results().get(0).keySet())).containsExactly("name", "id");
  }

  @Test
  void writeWithoutReturningHasEmptyResults() {
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('a')").all().results()).isEmpty();
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('b')").run().results()).isEmpty();
    assertThat(count("t")).isEqualTo(2L);
  }

  @Test
  void runReturnsRowsLikeAll() {
    sql("INSERT INTO t (name) VALUES ('a')");
    assertThat(db.prepare("SELECT name FROM t").run().results()).containsExactly(row("name", "a"));
  }

  @Test
  void returningRowsComeBackFromAllAndRun() {
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('a') RETURNING *").run().results())
        .containsExactly(row("id", 1L, "name", "a"));
    assertThat(db.prepare("INSERT INTO t (name) VALUES ('b') RETURNING id").all().results())
        .containsExactly(row("id", 2L));
  }

  @Test
  void emptySelectHasEmptyResults() {
    assertThat(db.prepare("SELECT * FROM t").all().results()).isEmpty();
    assertThat(db.prepare("SELECT * FROM t").run().results()).isEmpty();
  }

  @Test
  void expressionColumnsAreNamedByTheirText() {
    assertThat(db.prepare("SELECT 1, count(*), 1+1").all().results())
        .containsExactly(row("1", 1L, "count(*)", 1L, "1+1", 2L));
    assertThat(db.prepare("SELECT 1 -- c").raw(true).get(0)).containsExactly("1 -- c");
  }

  @Test
  void resultsAreUnmodifiable() {
    D1Result<Map<String, Object>> r = db.prepare("SELECT 1 AS v").all();
    assertThatThrownBy(() -> r.results().add(Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
