package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Meta;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rows_read} and {@code rows_written} as D1 counts them. Every expected figure was measured
 * with Miniflare 4.20260730 (workerd's patched SQLite); conformance/cases/2x-usage-*.json compare
 * the whole set.
 */
class D1SqliteUsageTest {

  private static final List<String> SIX_ROWS =
      List.of(
          "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, age INTEGER, c TEXT)",
          "INSERT INTO t (name, age, c) VALUES ('a', 1, 'x'), ('b', 2, 'y'), ('c', 3, 'z'),"
              + " ('d', 4, 'x'), ('e', 5, 'y'), ('f', 6, 'z')");

  @TempDir Path dir;
  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    // a file database: reads run on the reader pool with cached table counts
    db = D1Sqlite.open(dir.resolve("usage.db"));
    for (String sql : SIX_ROWS) {
      db.prepare(sql).run();
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private D1Meta read(String sql) {
    return db.prepare(sql).all().meta();
  }

  private D1Meta write(String sql) {
    return db.prepare(sql).run().meta();
  }

  @Nested
  class Reads {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT * FROM t | 6",
          "SELECT * FROM t WHERE name = 'c' | 6",
          "SELECT * FROM t LIMIT 2 | 2",
          "SELECT count(*) FROM t | 6",
          "SELECT * FROM t WHERE id = 3 | 1",
          "SELECT * FROM t WHERE id = 99 | 1",
          "SELECT * FROM t WHERE id > 2 | 4",
          "SELECT * FROM t WHERE id > 30 | 1",
          "SELECT * FROM t WHERE id BETWEEN 2 AND 4 | 4",
          "SELECT * FROM t WHERE id < 3 | 3",
          "SELECT max(id) FROM t | 1",
          "SELECT 1 | 0",
          "SELECT * FROM main.t | 6",
          "SELECT * FROM \"main\".\"t\" | 6",
          "SELECT * FROM [main].[T] WHERE name = 'c' | 6",
          "SELECT * FROM \"t\" AS x WHERE x.id = 3 | 1",
          "SELECT count(*) FROM `main`.t | 6"
        })
    void withoutIndexes(String sql, long rowsRead) {
      assertThat(read(sql).rowsRead()).isEqualTo(rowsRead);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "CREATE UNIQUE INDEX t_age ON t (age) | SELECT * FROM t WHERE age = 3 | 1",
          "CREATE UNIQUE INDEX t_age ON t (age) | SELECT * FROM t WHERE age = 99 | 0",
          "CREATE UNIQUE INDEX t_age ON t (age) | SELECT * FROM t WHERE age > 2 AND age < 5 | 3",
          "CREATE INDEX t_name ON t (name) | SELECT * FROM t WHERE name = 'c' | 2",
          "CREATE INDEX t_name ON t (name) | SELECT * FROM t WHERE name = 'zz' | 0",
          "CREATE INDEX t_name ON t (name) | SELECT name FROM t WHERE name > 'b' | 4",
          "CREATE INDEX t_ca ON t (c, age) | SELECT * FROM t WHERE c = 'x' | 3",
          "CREATE INDEX t_ca ON t (c, age) | SELECT * FROM t WHERE c = 'x' AND age > 1 | 2",
          "CREATE INDEX t_lower ON t (lower(name)) | SELECT * FROM t WHERE lower(name) = 'd' | 2",
          "CREATE INDEX t_part ON t (age) WHERE c = 'y' | SELECT * FROM t WHERE c = 'y' AND age = 2 | 2"
        })
    void withAnIndex(String index, String sql, long rowsRead) {
      write(index);
      assertThat(read(sql).rowsRead()).isEqualTo(rowsRead);
    }

    @Test
    void aTableNameWithSpacesOrASchemaIsCountedAsItsTable() {
      write("CREATE TABLE \"my t\" (id INTEGER PRIMARY KEY, v TEXT)");
      write("INSERT INTO \"my t\" (v) VALUES ('a'), ('b'), ('c'), ('d')");
      assertThat(read("SELECT * FROM \"my t\"").rowsRead()).isEqualTo(4);
      assertThat(read("SELECT * FROM main.\"my t\" WHERE v = 'b'").rowsRead()).isEqualTo(4);
      assertThat(read("SELECT * FROM \"my t\" WHERE id = 2").rowsRead()).isEqualTo(1);
      assertThat(read("SELECT * FROM \"my t\" WHERE id > 2").rowsRead()).isEqualTo(2);
      assertThat(write("UPDATE main.\"my t\" SET v = 'z' WHERE v = 'c'").rowsRead()).isEqualTo(4);
    }

    @Test
    void anEmptyTableScanStillCountsTheRewind() {
      write("CREATE TABLE e (v)");
      assertThat(read("SELECT * FROM e").rowsRead()).isEqualTo(1);
      assertThat(read("SELECT count(*) FROM e").rowsRead()).isZero();
    }

    @Test
    void aCachedTableCountFollowsCommits() {
      assertThat(read("SELECT * FROM t WHERE c = 'q'").rowsRead()).isEqualTo(6);
      write("INSERT INTO t (name) VALUES ('g')");
      assertThat(read("SELECT * FROM t WHERE c = 'q'").rowsRead()).isEqualTo(7);
      write("DELETE FROM t WHERE id > 3");
      assertThat(read("SELECT * FROM t WHERE c = 'q'").rowsRead()).isEqualTo(3);
    }

    @Test
    void joinsAndCorrelatedSubqueriesMultiplyByTheOuterRows() {
      write("CREATE TABLE b (id INTEGER PRIMARY KEY, t_id INTEGER)");
      write("INSERT INTO b (t_id) VALUES (1), (1), (2), (9), (3)");
      // SCAN b (5) + one rowid lookup of t per b row (5)
      assertThat(read("SELECT * FROM b JOIN t ON t.id = b.t_id").rowsRead()).isEqualTo(10);
      // SCAN t (6) + SCAN b per t row (6 x 5)
      assertThat(read("SELECT (SELECT count(*) FROM b WHERE b.t_id = t.id) FROM t").rowsRead())
          .isEqualTo(36);
    }

    @Test
    void theLastStatementOfAMultiStatementQueryCounts() {
      assertThat(db.prepare("SELECT * FROM t; SELECT 1").all().meta().rowsRead()).isZero();
    }
  }

  @Nested
  class Writes {

    @Test
    void insertsWriteTheRowAndOneEntryPerIndex() {
      write("CREATE TABLE i3 (id INTEGER PRIMARY KEY, a UNIQUE, b, c)");
      write("CREATE INDEX i3b ON i3 (b)");
      write("CREATE INDEX i3c ON i3 (c, b)");
      D1Meta m = write("INSERT INTO i3 (a, b, c) VALUES (1, 2, 3), (4, 5, 6)");
      assertThat(m.rowsWritten()).isEqualTo(8);
      assertThat(m.rowsRead()).isZero();
      D1Meta explicitKey = write("INSERT INTO i3 (id, a, b, c) VALUES (7, 7, 8, 9)");
      assertThat(explicitKey.rowsRead()).as("the new rowid is checked").isEqualTo(1);
      assertThat(explicitKey.rowsWritten()).isEqualTo(4);
    }

    @Test
    void updatesRewriteOnlyTheIndexesOfTheChangedColumns() {
      write("CREATE INDEX t_name ON t (name)");
      write("CREATE INDEX t_ca ON t (c, age)");
      write("CREATE INDEX t_lower ON t (lower(name))");
      assertThat(write("UPDATE t SET age = age + 100 WHERE id = 2").rowsWritten()).isEqualTo(2);
      assertThat(write("UPDATE t SET name = 'bb' WHERE id = 2").rowsWritten()).isEqualTo(3);
      D1Meta all = write("UPDATE t SET age = age");
      assertThat(all.rowsRead()).isEqualTo(6);
      assertThat(all.rowsWritten()).isEqualTo(12);
    }

    @Test
    void deletesWriteTheTableRowsOnly() {
      write("CREATE INDEX t_name ON t (name)");
      D1Meta m = write("DELETE FROM t WHERE name = 'a'");
      assertThat(m.rowsRead()).isEqualTo(2);
      assertThat(m.rowsWritten()).isEqualTo(1);
      D1Meta all = write("DELETE FROM t");
      assertThat(all.rowsRead()).as("truncated, not scanned").isZero();
      assertThat(all.rowsWritten()).isEqualTo(5);
    }

    @Test
    void upsertCountsTheUpdateOrTheInsert() {
      write("CREATE TABLE u (id INTEGER PRIMARY KEY, a UNIQUE, b, c)");
      write("CREATE INDEX ub ON u (b)");
      write("INSERT INTO u (a, b, c) VALUES (1, 2, 3)");
      String upsert = "INSERT INTO u (a, b, c) VALUES (?, 0, 0) ON CONFLICT(a) DO UPDATE SET c = 1";
      D1Meta updated = db.prepare(upsert).bind(1).run().meta();
      assertThat(updated.rowsRead()).isEqualTo(1);
      assertThat(updated.rowsWritten()).isEqualTo(1);
      D1Meta inserted = db.prepare(upsert).bind(50).run().meta();
      assertThat(inserted.rowsRead()).isZero();
      assertThat(inserted.rowsWritten()).isEqualTo(3);
    }

    @Test
    void ddlCountsTheSchemaRowsD1Counts() {
      D1Meta table = write("CREATE TABLE d (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
      assertThat(table.rowsRead()).isEqualTo(1);
      assertThat(table.rowsWritten()).as("schema row, its update, the UNIQUE index").isEqualTo(3);
      D1Meta index = write("CREATE INDEX t_name ON t (name)");
      assertThat(index.rowsRead()).isEqualTo(14);
      assertThat(index.rowsWritten()).as("one entry per row, plus the schema row").isEqualTo(7);
      D1Meta partial = write("CREATE INDEX t_part ON t (age) WHERE c = 'y'");
      assertThat(partial.rowsRead()).isEqualTo(10);
      assertThat(partial.rowsWritten()).isEqualTo(3);
      D1Meta trigger = write("CREATE TRIGGER dt AFTER INSERT ON d BEGIN SELECT 1; END");
      assertThat(trigger.rowsWritten()).isEqualTo(1);
    }

    @Test
    void triggerWritesAreCounted() {
      write("CREATE TABLE log (m)");
      write("CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.name); END");
      assertThat(write("INSERT INTO t (name) VALUES ('g'), ('h')").rowsWritten()).isEqualTo(4);
    }

    @Test
    void autoincrementReadsAndWritesTheSequence() {
      D1Meta create = write("CREATE TABLE ai (id INTEGER PRIMARY KEY AUTOINCREMENT, v)");
      assertThat(create.rowsRead()).isEqualTo(2);
      assertThat(create.rowsWritten()).isEqualTo(4);
      D1Meta insert = write("INSERT INTO ai (v) VALUES (2), (3)");
      assertThat(insert.rowsRead()).isEqualTo(1);
      assertThat(insert.rowsWritten()).isEqualTo(3);
    }
  }

  @Nested
  class BatchMeta {

    @Test
    void eachResultHasItsOwnFiguresAndRowIdAndTheSizeAfterTheBatch() {
      var results =
          db.batch(
              List.of(
                  db.prepare("PRAGMA defer_foreign_keys = on"),
                  db.prepare("INSERT INTO t (name) VALUES ('g')"),
                  db.prepare("SELECT * FROM t"),
                  db.prepare("INSERT INTO t (name) VALUES ('h'), ('i')")));
      D1Meta pragma = results.get(0).meta();
      D1Meta first = results.get(1).meta();
      D1Meta scan = results.get(2).meta();
      D1Meta last = results.get(3).meta();
      assertThat(pragma.changedDb()).isFalse();
      assertThat(first.changedDb()).isTrue();
      assertThat(first.lastRowId()).isEqualTo(7);
      assertThat(scan.rowsRead()).isEqualTo(7);
      assertThat(scan.changedDb()).isFalse();
      assertThat(last.lastRowId()).isEqualTo(9);
      assertThat(last.rowsWritten()).isEqualTo(2);
      assertThat(first.sizeAfter()).isEqualTo(last.sizeAfter()).isPositive();
    }
  }

  /**
   * Regression: names in double quotes, brackets or backticks after FROM/INTO/UPDATE (as Flyway
   * writes them) made the usage analysis throw a NullPointerException.
   */
  @Nested
  class QuotedNames {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT * FROM \"t\"|6",
          "SELECT * FROM [t]|6",
          "SELECT count(*) FROM `t`|6",
        })
    void readsCountTheTableScan(String sql, long rowsRead) {
      assertThat(read(sql).rowsRead()).isEqualTo(rowsRead);
    }

    @Test
    void writesThroughQuotedNamesCountTheirRows() {
      assertThat(write("INSERT INTO \"t\" (name) VALUES ('g')").rowsWritten()).isEqualTo(1);
      assertThat(write("UPDATE \"t\" SET age = 7 WHERE name = 'g'").changes()).isEqualTo(1);
      assertThat(write("DELETE FROM [t] WHERE name = 'g'").changes()).isEqualTo(1);
    }
  }

  /**
   * Regression: counting an FTS5 table whose external content table does not exist failed a MATCH
   * query that D1 answers from the index alone (conformance bypass/fts-content-cf-match).
   */
  @Test
  void aTableThatCannotBeCountedDoesNotFailTheQuery() {
    db.prepare("CREATE VIRTUAL TABLE f USING fts5 (key, content='missing')").run();
    assertThat(db.prepare("SELECT * FROM f WHERE f MATCH 'a'").all().results()).isEmpty();
  }
}
