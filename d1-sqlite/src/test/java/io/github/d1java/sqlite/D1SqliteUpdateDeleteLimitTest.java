package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code UPDATE}/{@code DELETE ... ORDER BY ... LIMIT}, which D1's SQLite accepts
 * (SQLITE_ENABLE_UPDATE_DELETE_LIMIT) and sqlite-jdbc's does not, run as D1 runs them; every
 * expected value was read from Miniflare 4.20260730 (the conformance cases {@code
 * 18-update-delete-limit.json} hold the same statements).
 */
class D1SqliteUpdateDeleteLimitTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, k INT)\n"
            + "INSERT INTO t VALUES (1,'a',3),(2,'b',1),(3,'c',2),(4,'d',1),(5,'e',3)\n"
            + "CREATE INDEX tk ON t(k)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** The rows of t as "id:v" in id order, joined by spaces. */
  private String rows() {
    return db.prepare(
            "SELECT group_concat(id || ':' || v, ' ') AS r FROM (SELECT * FROM t ORDER BY id)")
        .first("r");
  }

  private void assertRefused(String sql, String message) {
    String before = rows();
    assertThatThrownBy(() -> db.prepare(sql).run())
        .isInstanceOf(D1SqlException.class)
        .hasMessage(message);
    assertThat(rows()).isEqualTo(before);
  }

  @Nested
  class OnARowidTable {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "UPDATE t SET v='x' LIMIT 2 | 2 | 1:a 2:x 3:c 4:x 5:e",
          "UPDATE t SET v='x' WHERE id > 1 ORDER BY id DESC LIMIT 2 | 2 | 1:a 2:b 3:c 4:x 5:x",
          "UPDATE t SET v='x' ORDER BY k, id LIMIT 2 OFFSET 1 | 2 | 1:a 2:b 3:x 4:x 5:e",
          "UPDATE t SET v='x' ORDER BY id LIMIT 1, 2 | 2 | 1:a 2:x 3:x 4:d 5:e",
          "UPDATE t SET v='x' LIMIT -1 | 5 | 1:x 2:x 3:x 4:x 5:x",
          "UPDATE t SET v='x' LIMIT 0 | 0 | 1:a 2:b 3:c 4:d 5:e",
          "UPDATE t SET v='x' LIMIT -1 OFFSET 2 | 3 | 1:x 2:b 3:x 4:d 5:x",
          "DELETE FROM t LIMIT 2 | 2 | 1:a 3:c 5:e",
          "DELETE FROM t WHERE k = 3 LIMIT 1 | 1 | 2:b 3:c 4:d 5:e",
          "DELETE FROM t ORDER BY v DESC LIMIT 2 OFFSET 1 | 2 | 1:a 2:b 5:e",
          "DELETE FROM t ORDER BY id LIMIT 3, 1 | 1 | 1:a 2:b 3:c 5:e",
          "UPDATE t AS x SET v='y' WHERE x.id>1 ORDER BY x.id LIMIT 1 | 1 | 1:a 2:y 3:c 4:d 5:e",
          "DELETE FROM t AS x WHERE x.k=1 ORDER BY x.id DESC LIMIT 1 | 1 | 1:a 2:b 3:c 5:e",
          "UPDATE OR REPLACE t SET id=1 ORDER BY id DESC LIMIT 1 | 1 | 1:e 2:b 3:c 4:d",
          "UPDATE OR IGNORE t SET id=1 ORDER BY id DESC LIMIT 2 | 0 | 1:a 2:b 3:c 4:d 5:e",
          "UPDATE main.t SET v='z' LIMIT 1 | 1 | 1:a 2:z 3:c 4:d 5:e",
          "DELETE FROM \"main\".\"t\" ORDER BY id DESC LIMIT 1 | 1 | 1:a 2:b 3:c 4:d",
          "WITH c AS (SELECT 3 AS n) DELETE FROM t WHERE id > (SELECT n FROM c) ORDER BY id LIMIT 1"
              + " | 1 | 1:a 2:b 3:c 5:e",
          "WITH t AS (SELECT 9 AS id) DELETE FROM t ORDER BY id LIMIT 1 | 1 | 2:b 3:c 4:d 5:e",
          "UPDATE t INDEXED BY tk SET v='i' WHERE k > 0 ORDER BY k LIMIT 2 | 2 | 1:a 2:i 3:c 4:i 5:e",
          "UPDATE t NOT INDEXED SET v='n' WHERE k = 1 LIMIT 1 | 1 | 1:a 2:n 3:c 4:d 5:e",
          "UPDATE t SET v = (SELECT v FROM t ORDER BY id DESC LIMIT 1) LIMIT 1 | 1 | 1:a 2:e 3:c 4:d 5:e",
          "UPDATE t SET v='s' WHERE id IN (SELECT id FROM t ORDER BY id DESC LIMIT 3) ORDER BY id"
              + " LIMIT 1 | 1 | 1:a 2:b 3:s 4:d 5:e",
          "UPDATE t SET v='e' LIMIT (SELECT 2) | 2 | 1:a 2:e 3:c 4:e 5:e",
          "UPDATE t SET v='e' LIMIT 1+1 OFFSET 1*2 | 2 | 1:e 2:b 3:e 4:d 5:e",
          "UPDATE t SET v='e' LIMIT '2' | 2 | 1:a 2:e 3:c 4:e 5:e",
          "DELETE FROM t LIMIT 1 -- trailing comment | 1 | 1:a 3:c 4:d 5:e",
          "update t set v='low' order by id desc limit 1 | 1 | 1:a 2:b 3:c 4:d 5:low",
          "DELETE FROM t WHERE k=1 LIMIT 1 OFFSET -1 | 1 | 1:a 3:c 4:d 5:e",
          "DELETE FROM t LIMIT 9223372036854775807 | 5 | ",
        })
    void runsAsD1(String sql, long changes, String left) {
      assertThat(db.prepare(sql).run().meta().changes()).isEqualTo(changes);
      assertThat(rows()).isEqualTo(left);
    }

    @Test
    void returningComesBeforeOrderByAndReturnsTheRowsChanged() {
      List<Map<String, Object>> r =
          db.prepare("DELETE FROM t RETURNING id ORDER BY id DESC LIMIT 2").all().results();
      assertThat(r).containsExactlyInAnyOrder(Map.of("id", 4L), Map.of("id", 5L));
      assertThat(
              db.prepare("UPDATE t SET v='f' RETURNING id ORDER BY id DESC LIMIT 1")
                  .<Long>first("id"))
          .isEqualTo(3L);
    }

    @Test
    void explainQueryPlanNamesTheTableAsWritten() {
      List<Object> details =
          db
              .prepare("EXPLAIN QUERY PLAN DELETE FROM t WHERE k=1 ORDER BY id LIMIT 1")
              .raw()
              .stream()
              .map(row -> row.get(3))
              .toList();
      assertThat(details)
          .containsExactly(
              "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)",
              "LIST SUBQUERY 1",
              "SEARCH t USING COVERING INDEX tk (k=?)",
              "CREATE BLOOM FILTER");
    }

    @Test
    void aSchemaChangeIsSeenByTheNextRun() {
      D1Result<Map<String, Object>> first = db.prepare("DELETE FROM t ORDER BY id LIMIT 1").run();
      db.exec(
          "DROP TABLE t\nCREATE TABLE t (id TEXT, v TEXT, k INT, PRIMARY KEY (id)) WITHOUT ROWID");
      db.prepare("INSERT INTO t VALUES ('p', 'q', 1), ('r', 's', 2)").run();
      assertThat(db.prepare("DELETE FROM t ORDER BY id LIMIT 1").run().meta().changes()).isOne();
      assertThat(first.meta().changes()).isOne();
      assertThat(rows()).isEqualTo("r:s");
    }
  }

  @Nested
  class Parameters {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "UPDATE t SET v=?1 ORDER BY id DESC LIMIT ?2 | p,2 | 1:a 2:b 3:c 4:p 5:p",
          "UPDATE t SET v=:v ORDER BY id LIMIT :n OFFSET :o | q,2,1 | 1:a 2:q 3:q 4:d 5:e",
          "UPDATE t SET v=? WHERE k=? ORDER BY id LIMIT ? | w,1,1 | 1:a 2:w 3:c 4:d 5:e",
          "DELETE FROM t WHERE id > ? LIMIT ?, ? | 0,1,2 | 1:a 4:d 5:e",
          "DELETE FROM t WHERE id > ?3 LIMIT ?1 | 1,2,3 | 1:a 2:b 3:c 5:e",
          "DELETE FROM t LIMIT ?5 | 1,1,1,1,1 | 1:a 3:c 4:d 5:e",
          "DELETE FROM t LIMIT ? | -1 | ",
          "DELETE FROM t LIMIT ? | '2' | 1:a 3:c 5:e",
        })
    void keepTheirNumbers(String sql, String values, String left) {
      Object[] params =
          java.util.Arrays.stream(values.split(","))
              .map(v -> v.startsWith("'") ? v.substring(1, v.length() - 1) : parse(v))
              .toArray();
      db.prepare(sql).bind(params).run();
      assertThat(rows()).isEqualTo(left);
    }

    private Object parse(String v) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }

    @Test
    void inReturningAndLimitKeepTheirNumbersAndColumnNames() {
      List<Map<String, Object>> r =
          db.prepare("UPDATE t SET v=? WHERE id > ? RETURNING id, ? ORDER BY id LIMIT ?")
              .bind("r", 1L, "ret", 2L)
              .all()
              .results();
      assertThat(r)
          .containsExactlyInAnyOrder(Map.of("id", 2L, "?", "ret"), Map.of("id", 3L, "?", "ret"));
      r =
          db.prepare("DELETE FROM t WHERE id > :a RETURNING id, :b ORDER BY id LIMIT :a")
              .bind(1L, "b")
              .all()
              .results();
      assertThat(r).containsExactly(Map.of("id", 2L, ":b", "b"));
      assertThat(rows()).isEqualTo("1:a 3:r 4:d 5:e");
    }

    @Test
    void aWrongCountIsD1sError() {
      assertThatThrownBy(() -> db.prepare("DELETE FROM t LIMIT ?").bind(1L, 2L).run())
          .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
      assertThatThrownBy(() -> db.prepare("DELETE FROM t LIMIT ?").run())
          .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "1.5"})
    void aLimitThatIsNotAnIntegerIsADatatypeMismatch(String value) {
      Object bound = value.equals("null") ? null : Double.valueOf(value);
      assertThatThrownBy(() -> db.prepare("DELETE FROM t LIMIT ?").bind(bound).run())
          .hasMessage("D1_ERROR: datatype mismatch: SQLITE_MISMATCH");
      assertThat(rows()).isEqualTo("1:a 2:b 3:c 4:d 5:e");
    }
  }

  @Nested
  class OnOtherTables {

    @Test
    void withoutRowidUsesThePrimaryKey() {
      db.exec(
          "CREATE TABLE w (a TEXT, b INT, v TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID\n"
              + "INSERT INTO w VALUES ('x',1,'p'),('x',2,'q'),('y',1,'r'),('y',2,'s')\n"
              + "CREATE TABLE w1 (a TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID\n"
              + "INSERT INTO w1 VALUES ('k1','a'),('k2','b'),('k3','c')");
      assertThat(db.prepare("UPDATE w SET b = b + 10 ORDER BY a, b LIMIT 3").run().meta().changes())
          .isEqualTo(3);
      assertThat(
              db.prepare("DELETE FROM w AS q WHERE q.a = 'y' ORDER BY q.b LIMIT 1")
                  .run()
                  .meta()
                  .changes())
          .isOne();
      assertThat(db.prepare("UPDATE w1 SET v='z' ORDER BY a DESC LIMIT 2").run().meta().changes())
          .isEqualTo(2);
      assertThat(
              db.prepare(
                      "SELECT group_concat(a || b || v, ' ') AS r FROM (SELECT * FROM w ORDER BY a, b)")
                  .<String>first("r"))
          .isEqualTo("x11p x12q y11r");
      assertThat(
              db.prepare("SELECT group_concat(a || v, ' ') AS r FROM (SELECT * FROM w1 ORDER BY a)")
                  .<String>first("r"))
          .isEqualTo("k1a k2z k3z");
    }

    @Test
    void aColumnNamedRowidIsNotTheRowid() {
      db.exec(
          "CREATE TABLE r (rowid TEXT, v INT)\n"
              + "INSERT INTO r VALUES ('b', 1), ('a', 2), ('c', 3)");
      db.prepare("DELETE FROM r ORDER BY rowid LIMIT 1").run();
      db.prepare("UPDATE r SET v = 9 ORDER BY v DESC LIMIT 1").run();
      assertThat(
              db.prepare("SELECT group_concat(v, ' ') AS r FROM (SELECT v FROM r ORDER BY v)")
                  .<String>first("r"))
          .isEqualTo("1 9");
    }

    @Test
    void anIntegerPrimaryKeyStandsForAHiddenRowid() {
      db.exec(
          "CREATE TABLE r3 (rowid TEXT, _rowid_ TEXT, oid TEXT, id INTEGER PRIMARY KEY)\n"
              + "INSERT INTO r3 VALUES ('b','b','b', 1), ('a','a','a', 2)");
      db.prepare("DELETE FROM r3 ORDER BY id DESC LIMIT 1").run();
      assertThat(db.prepare("SELECT group_concat(id) AS r FROM r3").<String>first("r"))
          .isEqualTo("1");
    }

    @Test
    void aTableThatHidesEveryRowidNameIsRefused() {
      db.exec(
          "CREATE TABLE r2 (rowid TEXT, _rowid_ TEXT, oid TEXT, v INT)\n"
              + "INSERT INTO r2 VALUES ('b','b','b', 1), ('a','a','a', 2)");
      assertThatThrownBy(() -> db.prepare("DELETE FROM r2 ORDER BY v LIMIT 1").run())
          .hasMessageStartingWith(
              "D1_ERROR: ORDER BY and LIMIT on DELETE of a table whose columns");
      assertThat(db.prepare("SELECT count(*) AS n FROM r2").<Long>first("n")).isEqualTo(2L);
    }

    @Test
    void fts5TablesUseTheirRowid() {
      db.exec(
          "CREATE VIRTUAL TABLE f USING fts5(body)\n"
              + "INSERT INTO f(rowid, body) VALUES (1,'one'),(2,'two'),(3,'three')");
      db.prepare("DELETE FROM f ORDER BY rowid DESC LIMIT 1").run();
      db.prepare("UPDATE f SET body='x' WHERE f MATCH 't*' ORDER BY rowid LIMIT 1").run();
      assertThat(
              db.prepare(
                      "SELECT group_concat(body, ' ') AS r FROM (SELECT body FROM f ORDER BY rowid)")
                  .<String>first("r"))
          .isEqualTo("one x");
    }

    @Test
    void triggersFireForTheRowsChosen() {
      db.exec(
          "CREATE TABLE log (n INTEGER PRIMARY KEY, what TEXT)\n"
              + "CREATE TRIGGER tu AFTER UPDATE ON t BEGIN INSERT INTO log(what) VALUES ('upd ' || old.id); END");
      assertThat(db.prepare("UPDATE t SET v='x' ORDER BY id DESC LIMIT 2").run().meta().changes())
          .isEqualTo(4);
      assertThat(db.prepare("SELECT group_concat(what, ',') AS r FROM log").<String>first("r"))
          .isEqualTo("upd 4,upd 5");
    }

    @Test
    void aViewWithInsteadOfTriggersIsRefusedAndAViewWithoutIsSqlitesError() {
      db.exec("CREATE VIEW vt AS SELECT id, v, k FROM t");
      assertRefused(
          "DELETE FROM vt LIMIT 1",
          "D1_ERROR: cannot modify vt because it is a view: SQLITE_ERROR");
      db.exec(
          "CREATE TRIGGER vdel INSTEAD OF DELETE ON vt BEGIN DELETE FROM t WHERE id = old.id; END");
      assertRefused(
          "DELETE FROM vt ORDER BY id DESC LIMIT 2",
          "D1_ERROR: ORDER BY and LIMIT on DELETE of a view are not supported by the local engine"
              + " (sqlite-jdbc lacks SQLITE_ENABLE_UPDATE_DELETE_LIMIT): SQLITE_ERROR");
    }
  }

  @Nested
  class UpdateFrom {

    @BeforeEach
    void tables() {
      db.exec(
          "CREATE TABLE f (fid INTEGER PRIMARY KEY, name TEXT, n INT)\n"
              + "INSERT INTO f VALUES (1,'one',10),(2,'two',20),(3,'three',30)\n"
              + "CREATE TABLE g (gid INTEGER PRIMARY KEY, fid INT, tag TEXT)\n"
              + "INSERT INTO g VALUES (1,1,'x'),(2,2,'y'),(3,3,'z')");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '#',
        value = {
          "UPDATE t SET v = f.name FROM f WHERE f.fid = t.id ORDER BY t.id DESC LIMIT 2"
              + " # 1:a 2:two 3:three 4:d 5:e",
          "UPDATE t SET (v, k) = (f.name, f.n) FROM f WHERE f.fid = t.k ORDER BY t.id LIMIT 3"
              + " # 1:three 2:one 3:two 4:d 5:e",
          "UPDATE t AS x SET v = f.name FROM f JOIN g ON g.fid = f.fid WHERE f.fid = x.k"
              + " ORDER BY g.tag DESC, x.id LIMIT 2 # 1:three 2:b 3:c 4:d 5:three",
          "UPDATE t SET v = name FROM f WHERE fid = k ORDER BY id DESC LIMIT 2"
              + " # 1:a 2:b 3:c 4:one 5:three",
          "WITH c AS (SELECT 2 AS x) UPDATE t SET v = 'cte' FROM c WHERE t.k = c.x LIMIT 1"
              + " # 1:a 2:b 3:cte 4:d 5:e",
          "UPDATE t SET v = t.v || f.name FROM f WHERE f.fid IS NOT DISTINCT FROM t.k LIMIT 2"
              + " # 1:athree 2:bone 3:c 4:d 5:e",
        })
    void selectsTheValuesFromTheLimitedJoin(String sql, String left) {
      db.prepare(sql).run();
      assertThat(rows()).isEqualTo(left);
    }

    @Test
    void parametersAndReturningKeepTheirOrder() {
      List<Map<String, Object>> r =
          db.prepare(
                  "UPDATE t SET v = ? FROM f WHERE f.fid = t.k RETURNING id, ? ORDER BY t.id LIMIT ?")
              .bind("p", "r", 2L)
              .all()
              .results();
      assertThat(r)
          .containsExactlyInAnyOrder(Map.of("id", 1L, "?", "r"), Map.of("id", 2L, "?", "r"));
      assertThat(rows()).isEqualTo("1:p 2:p 3:c 4:d 5:e");
    }

    @Test
    void aRowValueFromASubqueryIsRefused() {
      assertRefused(
          "UPDATE t SET (v, k) = (SELECT name, n FROM f WHERE fid = 1) FROM f WHERE f.fid = t.k"
              + " ORDER BY t.id LIMIT 3",
          "D1_ERROR: ORDER BY and LIMIT on UPDATE ... FROM with a row value assigned from a"
              + " subquery are not supported by the local engine (sqlite-jdbc lacks"
              + " SQLITE_ENABLE_UPDATE_DELETE_LIMIT): SQLITE_ERROR");
    }

    @Test
    void errorsAreD1s() {
      assertRefused(
          "UPDATE t SET v = f.name FROM f ORDER BY t.id",
          "D1_ERROR: ORDER BY without LIMIT on UPDATE: SQLITE_ERROR");
      assertRefused(
          "UPDATE t SET v = f.name, FROM f LIMIT 1",
          "D1_ERROR: near \"FROM\": syntax error at offset 25: SQLITE_ERROR");
      assertRefused(
          "UPDATE t SET nope = f.name FROM f WHERE f.fid = t.k LIMIT 1",
          "D1_ERROR: no such column: nope: SQLITE_ERROR");
      assertRefused(
          "UPDATE t SET v = f.nope FROM f WHERE f.fid = t.k LIMIT 1",
          "D1_ERROR: no such column: f.nope at offset 17: SQLITE_ERROR");
      assertRefused(
          "UPDATE t SET v = f.name FROM f, g WHERE g.fid = f.fid AND f.fid = t.k ORDER BY t.id"
              + " LIMIT 2 RETURNING id, v",
          "D1_ERROR: near \"RETURNING\": syntax error at offset 92: SQLITE_ERROR");
    }
  }

  @Nested
  class Errors {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "UPDATE t SET v='x' ORDER BY id | ORDER BY without LIMIT on UPDATE: SQLITE_ERROR",
          "DELETE FROM t WHERE k = 1 ORDER BY id | ORDER BY without LIMIT on DELETE: SQLITE_ERROR",
          "DELETE FROM nope ORDER BY id | no such table: nope: SQLITE_ERROR",
          "DELETE FROM nope LIMIT 1 | no such table: nope: SQLITE_ERROR",
          "UPDATE t SET v='e' LIMIT 'abc' | datatype mismatch: SQLITE_MISMATCH",
          "DELETE FROM t LIMIT 99999999999999999999 | datatype mismatch: SQLITE_MISMATCH",
          "UPDATE t SET nope=1 LIMIT 1 | no such column: nope: SQLITE_ERROR",
          "UPDATE t SET (v, nope) = (1, 2) | no such column: nope: SQLITE_ERROR",
          "DELETE FROM t WHERE nope=1 LIMIT 1 | no such column: nope at offset 20: SQLITE_ERROR",
          "UPDATE t SET v=1 ORDER BY nope LIMIT 1 | no such column: nope at offset 26: SQLITE_ERROR",
          "UPDATE t SET v=1 LIMIT nope | no such column: nope at offset 23: SQLITE_ERROR",
          "DELETE FROM t LIMIT 1 OFFSET nope | no such column: nope at offset 29: SQLITE_ERROR",
          "UPDATE t SET v=1 LIMIT | incomplete input: SQLITE_ERROR",
          "UPDATE t SET v=1 LIMIT 1 OFFSET | incomplete input: SQLITE_ERROR",
          "DELETE FROM t ORDER BY LIMIT 1 | near \"LIMIT\": syntax error at offset 23: SQLITE_ERROR",
          "DELETE FROM t ORDER BY id LIMIT 1 OFFSET 1 LIMIT 1"
              + " | near \"LIMIT\": syntax error at offset 43: SQLITE_ERROR",
          "DELETE FROM t LIMIT 1 ORDER BY id | near \"ORDER\": syntax error at offset 22: SQLITE_ERROR",
          "DELETE FROM t WHERE id = 1 ORDER BY id LIMIT 1 RETURNING id"
              + " | near \"RETURNING\": syntax error at offset 47: SQLITE_ERROR",
          "DELETE FROM sqlite_schema LIMIT 1"
              + " | table sqlite_master may not be modified: SQLITE_ERROR",
          "DELETE FROM temp.t LIMIT 1 | no such table: temp.t: SQLITE_ERROR",
          "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t WHERE id < new.id LIMIT 1; END"
              + " | near \"LIMIT\": syntax error at offset 74: SQLITE_ERROR",
          "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v='z' ORDER BY id LIMIT 1; END"
              + " | near \"ORDER\": syntax error at offset 61: SQLITE_ERROR",
        })
    void areD1s(String sql, String detail) {
      assertRefused(sql, "D1_ERROR: " + detail);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "DELETE FROM _cf_METADATA LIMIT 1",
          "DELETE FROM t WHERE id IN (SELECT id FROM _cf_METADATA) LIMIT 1",
          "DELETE FROM t ORDER BY (SELECT count(*) FROM _cf_METADATA) LIMIT 1",
          "DELETE FROM t LIMIT (SELECT count(*) FROM _cf_METADATA)",
          "UPDATE t SET v = f.name FROM t AS f, _cf_METADATA WHERE f.id = t.id LIMIT 1",
        })
    void theRulesHoldInEveryClause(String sql) {
      assertRefused(sql, "D1_ERROR: not authorized: SQLITE_AUTH");
    }

    @Test
    void aDeniedFunctionInTheRewrittenClausesIsRefusedWithItsOffset() {
      assertRefused(
          "UPDATE t SET v=sqlite_version() LIMIT 1",
          "D1_ERROR: not authorized to use function: sqlite_version at offset 15: SQLITE_ERROR");
      assertRefused(
          "DELETE FROM t LIMIT sqlite_version()",
          "D1_ERROR: not authorized to use function: sqlite_version at offset 20: SQLITE_ERROR");
    }
  }

  @Nested
  class ThroughEveryPath {

    @Test
    void batch() {
      List<D1Result<Map<String, Object>>> r =
          db.batch(
              db.prepare("DELETE FROM t ORDER BY id LIMIT ?").bind(1L),
              db.prepare("UPDATE t SET v=? ORDER BY id DESC LIMIT ?").bind("b", 2L));
      assertThat(r.get(0).meta().changes()).isOne();
      assertThat(r.get(1).meta().changes()).isEqualTo(2);
      assertThat(rows()).isEqualTo("2:b 3:c 4:b 5:b");
    }

    @Test
    void aBatchWithAnErrorChangesNothing() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("DELETE FROM t ORDER BY id LIMIT ?").bind(1L),
                      db.prepare("UPDATE t SET v=? ORDER BY id DESC").bind("b")))
          .hasMessage("D1_ERROR: ORDER BY without LIMIT on UPDATE: SQLITE_ERROR");
      assertThat(rows()).isEqualTo("1:a 2:b 3:c 4:d 5:e");
    }

    @Test
    void exec() {
      assertThat(
              db.exec(
                      "DELETE FROM t ORDER BY id LIMIT 1;\nUPDATE t SET v='e' ORDER BY id DESC LIMIT 2")
                  .count())
          .isEqualTo(2);
      assertThat(rows()).isEqualTo("2:b 3:c 4:e 5:e");
      assertThatThrownBy(
              () -> db.exec("DELETE FROM t ORDER BY id LIMIT 1;\nUPDATE t SET v='e' ORDER BY id"))
          .isInstanceOf(D1ExecException.class)
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: DELETE FROM t ORDER BY id LIMIT 1;: ORDER BY without"
                  + " LIMIT on UPDATE: SQLITE_ERROR");
      assertThat(rows()).isEqualTo("2:b 3:c 4:e 5:e");
    }

    @Test
    void multiStatementCalls() {
      assertThat(db.prepare("DELETE FROM t LIMIT 1; SELECT count(*) AS n FROM t").<Long>first("n"))
          .isEqualTo(4L);
      assertThat(
              db.prepare("DELETE FROM t ORDER BY id LIMIT 1 ; DELETE FROM t ORDER BY id LIMIT 1")
                  .run()
                  .meta()
                  .changes())
          .isEqualTo(2);
      assertThat(rows()).isEqualTo("4:d 5:e");
    }

    @Test
    void executeScriptAsTheImportRunsIt() {
      assertThat(
              db.executeScript(
                      List.of(
                          "DELETE FROM t ORDER BY id LIMIT 1; UPDATE t SET v = 'u' LIMIT 1 -- c",
                          "UPDATE t SET v = 'w' ORDER BY id DESC LIMIT 1;"))
                  .changes())
          .isEqualTo(3);
      assertThat(rows()).isEqualTo("2:u 3:c 4:d 5:w");
      assertThatThrownBy(() -> db.executeScript(List.of("DELETE FROM t ORDER BY id")))
          .hasMessage("D1_ERROR: ORDER BY without LIMIT on DELETE: SQLITE_ERROR");
      assertThat(rows()).isEqualTo("2:u 3:c 4:d 5:w");
    }
  }
}
