package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Meta;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code meta}: the changes delta, sticky last_row_id, changed_db, size_after (§5.2).
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class MetaContract extends ContractSupport {

  @BeforeEach
  void table() {
    sql("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT UNIQUE, age INTEGER)");
  }

  @Test
  void createTableChangesTheDatabaseWithoutChangedRows() {
    D1Meta m = db.prepare("CREATE TABLE v (x)").run().meta();
    assertThat(m.changes()).isZero();
    assertThat(m.changedDb()).isTrue();
    assertThat(m.sizeAfter()).isPositive();
    assertThat(m.duration()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void insertReportsChangesAndRowId() {
    D1Meta m = db.prepare("INSERT INTO u (name, age) VALUES (?, ?)").bind("a", 1).run().meta();
    assertThat(m.changes()).isEqualTo(1);
    assertThat(m.lastRowId()).isEqualTo(1);
    assertThat(m.changedDb()).isTrue();
    assertThat(m.rowsWritten()).isPositive();
    D1Meta m2 = db.prepare("INSERT INTO u (name, age) VALUES ('b', 2), ('c', 3)").run().meta();
    assertThat(m2.changes()).isEqualTo(2);
    assertThat(m2.lastRowId()).isEqualTo(3);
  }

  @Test
  void selectKeepsTheLastRowIdAndChangesNothing() {
    sql("INSERT INTO u (name, age) VALUES ('a', 1), ('b', 2), ('c', 3)");
    D1Meta m = db.prepare("SELECT * FROM u").all().meta();
    assertThat(m.changes()).isZero();
    assertThat(m.lastRowId()).isEqualTo(3);
    assertThat(m.changedDb()).isFalse();
    assertThat(m.rowsRead()).isEqualTo(3);
    assertThat(m.rowsWritten()).isZero();
  }

  @Test
  void lastRowIdIsStickyAcrossTables() {
    sql("CREATE TABLE a (id INTEGER PRIMARY KEY)", "CREATE TABLE b (id INTEGER PRIMARY KEY)");
    assertThat(db.prepare("INSERT INTO a VALUES (41)").run().meta().lastRowId()).isEqualTo(41);
    assertThat(db.prepare("SELECT * FROM b").all().meta().lastRowId()).isEqualTo(41);
    assertThat(db.prepare("DELETE FROM b").run().meta().lastRowId()).isEqualTo(41);
  }

  @Test
  void updateMatchingNothingDoesNotChangeTheDatabase() {
    sql("INSERT INTO u (name, age) VALUES ('a', 1)");
    D1Meta m = db.prepare("UPDATE u SET age = 9 WHERE id = -5").run().meta();
    assertThat(m.changes()).isZero();
    assertThat(m.changedDb()).isFalse();
  }

  @Test
  void updateAndDeleteCountChangedRows() {
    sql("INSERT INTO u (name, age) VALUES ('a', 1), ('b', 2), ('c', 3)");
    D1Meta up = db.prepare("UPDATE u SET age = age + 1").run().meta();
    assertThat(up.changes()).isEqualTo(3);
    assertThat(up.changedDb()).isTrue();
    D1Meta del = db.prepare("DELETE FROM u WHERE id <= 2").run().meta();
    assertThat(del.changes()).isEqualTo(2);
    assertThat(del.changedDb()).isTrue();
    assertThat(del.rowsWritten()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void triggerChangesAreCounted() {
    sql(
        "CREATE TABLE log (v TEXT)",
        "CREATE TRIGGER tr AFTER INSERT ON u BEGIN INSERT INTO log VALUES (new.name); END");
    D1Meta m = db.prepare("INSERT INTO u (name) VALUES ('a')").run().meta();
    assertThat(m.changes()).isEqualTo(2);
    assertThat(m.lastRowId()).isEqualTo(1);
    assertThat(db.prepare("SELECT v FROM log").raw()).containsExactly(List.of("a"));
  }

  @Test
  void sizeAfterGrowsWithData() {
    long before = db.prepare("SELECT 1").all().meta().sizeAfter();
    byte[] big = new byte[200_000];
    long after = db.prepare("INSERT INTO u (name) VALUES (?)").bind(big).run().meta().sizeAfter();
    assertThat(before).isPositive();
    assertThat(after).isGreaterThan(before + 100_000);
  }

  @Test
  void toD1MapHasD1sFieldNames() {
    D1Meta m = db.prepare("SELECT 1").all().meta();
    assertThat(m.toD1Map())
        .containsKeys(
            "duration",
            "changes",
            "last_row_id",
            "changed_db",
            "size_after",
            "rows_read",
            "rows_written");
  }
}
