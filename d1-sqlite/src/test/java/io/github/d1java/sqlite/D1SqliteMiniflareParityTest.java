package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Meta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Behaviour observed on Miniflare 4 (workerd's D1 simulator) with the same SQL, encoded as tests;
 * in the spirit of workerd's {@code testD1ApiQueriesHappyPath}.
 */
class D1SqliteMiniflareParityTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec(
        "CREATE TABLE abc (a INTEGER, b INTEGER, c TEXT)\nCREATE TABLE cde (c TEXT, d TEXT, e TEXT)");
    db.exec(
        "INSERT INTO abc VALUES (1,2,'x')\nINSERT INTO abc VALUES (3,4,'y')\n"
            + "INSERT INTO cde VALUES ('A','B','C')\nINSERT INTO cde VALUES ('D','E','F')\n"
            + "INSERT INTO cde VALUES ('G','H','I')");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @ParameterizedTest
  @CsvSource({"true, 1", "false, 1", "0, 1", "1, 1", "2, 0"})
  void booleansBindAsOneAndZero(String value, long expected) {
    db.exec(
        "CREATE TABLE b (id INTEGER PRIMARY KEY, x BOOLEAN)\nINSERT INTO b (x) VALUES (1)\nINSERT INTO b (x) VALUES (0)");
    Object bound =
        value.equals("true") || value.equals("false")
            ? Boolean.valueOf(value)
            : Integer.valueOf(value);
    Long n = db.prepare("SELECT count(*) AS n FROM b WHERE x = ?").bind(bound).first("n");
    assertThat(n).isEqualTo(expected);
  }

  @Test
  void joinLosesDuplicateColumnsInObjectsButNotInRaw() {
    List<Map<String, Object>> rows = db.prepare("SELECT * FROM abc, cde").all().results();
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0))
        .containsExactly(
            Map.entry("a", 1L),
            Map.entry("b", 2L),
            Map.entry("c", "A"),
            Map.entry("d", "B"),
            Map.entry("e", "C"));
    List<List<Object>> raw = db.prepare("SELECT * FROM abc, cde").raw(true);
    assertThat(raw.get(0)).containsExactly("a", "b", "c", "c", "d", "e");
    assertThat(raw.get(1)).containsExactly(1L, 2L, "x", "A", "B", "C");
  }

  @Test
  void selectOneShapes() {
    assertThat(db.prepare("select 1").all().results()).containsExactly(Map.of("1", 1L));
    assertThat(db.prepare("select 1").raw()).containsExactly(List.of(1L));
    assertThat((Long) db.prepare("select 1").first("1")).isEqualTo(1L);
    assertThat(db.exec("select 1").count()).isEqualTo(1);
  }

  @Test
  void writesThroughFirstAndRaw() {
    assertThat(db.prepare("INSERT INTO abc VALUES (5,6,'z')").first()).isNull();
    assertThat(db.prepare("INSERT INTO abc VALUES (7,8,'w')").raw(true)).containsExactly(List.of());
  }

  @Test
  void updateOfEveryRowMeta() {
    D1Meta m = db.prepare("UPDATE abc SET b = b + 1").run().meta();
    assertThat(m.changes()).isEqualTo(2);
    assertThat(m.changedDb()).isTrue();
    assertThat(m.rowsRead()).isEqualTo(2);
    assertThat(m.rowsWritten()).isEqualTo(2);
  }

  @Test
  void triggerChangesCountAndLastRowIdIsTheOuterInsert() {
    db.exec(
        "CREATE TABLE p (id INTEGER PRIMARY KEY)\nCREATE TABLE lg (v)\n"
            + "CREATE TRIGGER trg AFTER INSERT ON p BEGIN INSERT INTO lg VALUES (new.id); END");
    D1Meta m = db.prepare("INSERT INTO p VALUES (9)").run().meta();
    assertThat(m.changes()).isEqualTo(2);
    assertThat(m.lastRowId()).isEqualTo(9);
    assertThat(m.rowsWritten()).isEqualTo(2);
  }

  @Test
  void strictIntegerColumnRejectsReal() {
    db.exec("CREATE TABLE st (i INTEGER) STRICT");
    assertThatThrownBy(() -> db.prepare("INSERT INTO st VALUES (?)").bind(1.5).run())
        .hasMessage(
            "D1_ERROR: cannot store REAL value in INTEGER column st.i: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_DATATYPE)");
  }

  @Test
  void cteInsertRunsAsAWrite() {
    D1Meta m =
        db.prepare("WITH x(v) AS (SELECT 'z') INSERT INTO cde (c) SELECT v FROM x").run().meta();
    assertThat(m.changes()).isEqualTo(1);
    assertThat(m.lastRowId()).isEqualTo(4);
    assertThat(m.changedDb()).isTrue();
  }
}
