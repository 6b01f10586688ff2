package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1DumpException;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.testkit.server.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class D1RemoteQueryTest {

  RemoteFixture fx;
  D1RemoteDatabase db;

  @BeforeEach
  void setUp() {
    fx = new RemoteFixture();
    db = fx.database();
    db.prepare("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB)").run();
    fx.server.takeRequest();
  }

  @AfterEach
  void tearDown() {
    db.close();
    fx.close();
  }

  @Nested
  class Statements {
    @Test
    void allReturnsRowsInColumnOrderAndMeta() {
      db.prepare("INSERT INTO u (name) VALUES (?), (?)").bind("a", "b").run();
      D1Result<Map<String, Object>> r = db.prepare("SELECT id, name FROM u ORDER BY id").all();
      assertThat(r.results())
          .containsExactly(Map.of("id", 1L, "name", "a"), Map.of("id", 2L, "name", "b"));
      assertThat(r.results().get(0).keySet()).containsExactly("id", "name");
      assertThat(r.meta().lastRowId()).isEqualTo(2);
      assertThat(r.success()).isTrue();
    }

    @Test
    void sendsOneRawRequestWithSqlAndTypedParams() {
      fx.server.takeRequest(java.time.Duration.ZERO);
      db.prepare("SELECT ?, ?, ?, ?, ?").bind(1, 2.5, "x", null, new byte[] {1, (byte) 255}).all();
      RecordedRequest req = fx.server.takeRequest();
      assertThat(req.method()).isEqualTo("POST");
      assertThat(req.path())
          .isEqualTo(
              "/client/v4/accounts/"
                  + fx.server.accountId()
                  + "/d1/database/"
                  + fx.databaseId
                  + "/raw");
      assertThat(req.header("authorization")).isEqualTo("Bearer " + fx.server.apiToken());
      assertThat(req.json().toString())
          .isEqualTo("{\"sql\":\"SELECT ?, ?, ?, ?, ?\",\"params\":[1,2.5,\"x\",null,[1,255]]}");
    }

    @Test
    void sendsIntegersBeyondTwoToThe53AsDigitsSoD1CannotRoundThem() {
      fx.server.takeRequest(java.time.Duration.ZERO);
      long limit = 1L << 53;
      db.prepare("SELECT ?, ?, ?, ?").bind(limit, limit + 1, -limit, -limit - 1).all();
      assertThat(fx.server.takeRequest().json().get("params").toString())
          .isEqualTo(
              "[9007199254740992,\"9007199254740993\",-9007199254740992,"
                  + "\"-9007199254740993\"]");
    }

    @Test
    void unsafeIntegersAreStoredAndComparedExactlyInIntegerColumns() {
      db.prepare("CREATE TABLE big (x INTEGER)").run();
      db.prepare("INSERT INTO big VALUES (?)").bind(Long.MAX_VALUE - 1).run();
      Map<String, Object> r =
          db.prepare("SELECT CAST(x AS TEXT) AS s, typeof(x) AS t FROM big WHERE x = ?")
              .bind(Long.MAX_VALUE - 1)
              .first();
      assertThat(r).containsEntry("s", Long.toString(Long.MAX_VALUE - 1));
      assertThat(r).containsEntry("t", "integer");
    }

    @Test
    void severalStatementsWithParametersGoAsOneBatchBecauseRestRefusesParams() {
      fx.server.takeRequest(java.time.Duration.ZERO);
      Object v = db.prepare("INSERT INTO u (name) VALUES ('m'); SELECT ? AS v").bind(5).first("v");
      assertThat(v).isEqualTo(5L);
      assertThat(fx.server.takeRequest().json().toString())
          .isEqualTo(
              "{\"batch\":[{\"sql\":\"INSERT INTO u (name) VALUES ('m')\"},{\"sql\":\"SELECT ? AS"
                  + " v\",\"params\":[5]}]}");
      assertThat((Object) db.prepare("SELECT count(*) AS n FROM u").first("n")).isEqualTo(1L);
    }

    @Test
    void parametersBeforeTheLastStatementFailWithoutARequest() {
      int before = fx.server.requestCount();
      assertThatThrownBy(
              () -> db.prepare("INSERT INTO u (name) VALUES (?); SELECT 1").bind("a").run())
          .isInstanceOf(D1SqlException.class)
          .hasMessage(
              "D1_ERROR: When executing multiple SQL statements in a single call, only the last"
                  + " statement can have parameters.");
      assertThat(fx.server.requestCount()).isEqualTo(before);
    }

    @Test
    void requestsReuseOneConnection() {
      for (int i = 0; i < 5; i++) {
        db.prepare("SELECT ? AS i").bind(i).all();
      }
      java.util.Set<Integer> connections = new java.util.HashSet<>();
      for (RecordedRequest r = fx.server.takeRequest(java.time.Duration.ZERO);
          r != null;
          r = fx.server.takeRequest(java.time.Duration.ZERO)) {
        connections.add(r.connection());
      }
      assertThat(connections).hasSize(1);
    }

    @Test
    void integersKeepAll64BitsBothWays() {
      // beyond 2^53 a bound Long travels as its digits, so D1 cannot round it
      Object v = db.prepare("SELECT ? AS v").bind(Long.MAX_VALUE).first("v");
      assertThat(v).isEqualTo(Long.toString(Long.MAX_VALUE));
      Object safe = db.prepare("SELECT ? AS v").bind(1L << 53).first("v");
      assertThat(safe).isEqualTo(1L << 53);
      assertThat((Object) db.prepare("SELECT 9007199254740993 AS v").first("v"))
          .isEqualTo(9007199254740993L);
    }

    @Test
    void blobsComeBackAsByteArrays() {
      db.prepare("INSERT INTO u (name, data) VALUES ('b', ?)").bind(new byte[] {0, 1, -1}).run();
      byte[] data = db.prepare("SELECT data FROM u").first("data");
      assertThat(data).containsExactly(0, 1, -1);
    }

    @Test
    void rawKeepsDuplicateColumnsAndAllKeepsTheLast() {
      String sql = "SELECT 1 AS c, 2 AS c";
      assertThat(db.prepare(sql).raw(true)).containsExactly(List.of("c", "c"), List.of(1L, 2L));
      assertThat(db.prepare(sql).first()).isEqualTo(Map.of("c", 2L));
    }

    @Test
    void rawWithColumnNamesOnAWriteGivesOneEmptyHeaderRow() {
      assertThat(db.prepare("INSERT INTO u (name) VALUES ('w')").raw(true))
          .containsExactly(List.of());
    }

    @Test
    void realsStayDoubles() {
      assertThat((Object) db.prepare("SELECT 1.0 AS v").first("v")).isEqualTo(1.0d);
    }

    @Test
    void sqlErrorsAreTheEngineExceptions() {
      assertThatThrownBy(() -> db.prepare("SELECT * FROM nope").all())
          .isExactlyInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
      db.prepare("INSERT INTO u (name) VALUES ('x')").run();
      assertThatThrownBy(() -> db.prepare("INSERT INTO u (name) VALUES ('x')").run())
          .isInstanceOf(D1ConstraintException.class)
          .hasMessageStartingWith("D1_ERROR: UNIQUE constraint failed: u.name: SQLITE_CONSTRAINT");
    }
  }

  @Nested
  class Batch {
    @Test
    void hundredStatementsAreOneRequest() {
      fx.server.takeRequest(java.time.Duration.ZERO);
      int before = fx.server.requestCount();
      List<D1PreparedStatement> statements = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        statements.add(db.prepare("INSERT INTO u (name) VALUES (?)").bind("n" + i));
      }
      List<D1Result<Map<String, Object>>> results = db.batch(statements);
      assertThat(results).hasSize(100);
      assertThat(fx.server.requestCount() - before).isEqualTo(1);
      assertThat(fx.server.takeRequest().json().get("batch")).hasSize(100);
      assertThat((Object) db.prepare("SELECT count(*) AS n FROM u").first("n")).isEqualTo(100L);
    }

    @Test
    void batchRollsBackWhenAnyStatementFails() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("INSERT INTO u (name) VALUES ('a')"),
                      db.prepare("INSERT INTO u (name) VALUES ('a')")))
          .isInstanceOf(D1ConstraintException.class);
      assertThat((Object) db.prepare("SELECT count(*) AS n FROM u").first("n")).isEqualTo(0L);
    }

    @Test
    void emptyBatchFailsLikeD1WithoutARequest() {
      int before = fx.server.requestCount();
      assertThatThrownBy(() -> db.batch(List.of()))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: No SQL statements detected.");
      assertThat(fx.server.requestCount()).isEqualTo(before);
    }
  }

  @Nested
  class Exec {
    @Test
    void countsNonBlankLinesAndRunsThemAsOneBatch() {
      D1ExecResult r =
          db.exec(
              "INSERT INTO u (name) VALUES ('a')\n\n"
                  + "INSERT INTO u (name) VALUES ('b')\n"
                  + "   \n"
                  + "SELECT 1");
      assertThat(r.count()).isEqualTo(3);
      assertThat((Object) db.prepare("SELECT count(*) AS n FROM u").first("n")).isEqualTo(2L);
    }

    @Test
    void failureNamesLineOneAndRollsBack() {
      assertThatThrownBy(() -> db.exec("INSERT INTO u (name) VALUES ('w1')\nSELEC 1"))
          .isInstanceOf(D1ExecException.class)
          .hasMessageStartingWith(
              "D1_EXEC_ERROR: Error in line 1: INSERT INTO u (name) VALUES ('w1'): near \"SELEC\":"
                  + " syntax error");
      assertThat((Object) db.prepare("SELECT count(*) AS n FROM u").first("n")).isEqualTo(0L);
    }

    @Test
    void emptyInputFailsAsD1Does() {
      assertThatThrownBy(() -> db.exec(""))
          .isInstanceOf(D1ExecException.class)
          .hasMessage("D1_EXEC_ERROR: Error in line 1: : No SQL statements detected.");
    }
  }

  @Nested
  class DumpAndSessions {
    @Test
    void dumpPointsToExport() {
      assertThatThrownBy(() -> db.dump())
          .isInstanceOf(D1DumpException.class)
          .hasMessageContaining("export");
    }

    @Test
    void sessionRunsQueriesAndNeverLearnsABookmark() {
      var s = db.withSession("first-primary");
      assertThat(s.getBookmark()).isNull();
      s.prepare("INSERT INTO u (name) VALUES ('s')").run();
      assertThat(s.batch(s.prepare("SELECT name FROM u")).get(0).results())
          .containsExactly(Map.of("name", "s"));
      assertThat(s.getBookmark()).isNull();
    }

    @Test
    void sessionFromABookmarkReturnsIt() {
      String b = "00000000-0000006a-00000000-00000000000000000000000000000000";
      var s = db.withSession(b);
      s.prepare("SELECT 1").all();
      assertThat(s.getBookmark()).isEqualTo(b);
    }

    @Test
    void closedDatabaseRefusesCalls() {
      db.close();
      db.close();
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: Database is closed.");
    }
  }
}
