package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Exception;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link D1SqliteDatabase#executeScript} recognises dump-shaped INSERTs ({@code INSERT INTO <name>
 * VALUES(<literals>)}) by their tokens and reuses D1's verdict on their table name: every text here
 * must get exactly the verdict {@code batch} gives it (the same error, or the same rows), whether
 * it has that shape, nearly has it, or only looks like it. Guards against the shortcut opening a
 * way around D1's rules.
 */
class D1SqliteScriptInsertShapeTest {

  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE t (a, b, c, d, e)",
          "CREATE TABLE \"odd name\" (a)",
          "CREATE VIRTUAL TABLE ft USING fts5(x)",
          "CREATE TABLE trig (a)",
          "CREATE TRIGGER trig_ins AFTER INSERT ON trig BEGIN"
              + " INSERT INTO t VALUES (sqlite_version(), 0, 0, 0, 0); END",
          "CREATE VIEW v AS SELECT sqlite_version() AS a");

  private static D1SqliteDatabase open() {
    D1SqliteDatabase db = D1Sqlite.inMemory();
    for (String sql : SCHEMA) {
      db.prepare(sql).run();
    }
    return db;
  }

  /**
   * The error without D1's offset (which only {@code batch} reports), or the rows of the tables.
   */
  private static String outcome(D1SqliteDatabase db, Runnable run) {
    try {
      run.run();
    } catch (D1Exception e) {
      return "error " + e.getMessage().replaceAll(" at offset \\d+", "");
    }
    StringBuilder rows = new StringBuilder("ok");
    for (String table : List.of("t", "\"odd name\"", "trig", "ft")) {
      for (Map<String, Object> row : db.prepare("SELECT * FROM " + table).all().results()) {
        rows.append(' ').append(table);
        row.forEach(
            (k, v) ->
                rows.append(' ')
                    .append(k)
                    .append('=')
                    .append(v instanceof byte[] ? HexFormat.of().formatHex((byte[]) v) : v));
      }
    }
    return rows.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the shape, allowed
        "INSERT INTO t VALUES(1,'it''s; fine',2.5,X'00ff',NULL)",
        "INSERT INTO \"t\" VALUES(-1,+2,-3.5e2,'',x'')",
        "INSERT INTO [t] VALUES(1,2,3,4,5)  ",
        "INSERT INTO `odd name` VALUES('a')",
        "insert into t values(1,2,3,4,5)",
        "INSERT /* c */ INTO t -- c\n VALUES(1,2,3,4,5)",
        // the shape, refused by D1's rules on the name or by the schema's rules
        "INSERT INTO sqlite_master VALUES(1,2,3,4,5)",
        "INSERT INTO \"sqlite_schema\" VALUES(1,2,3,4,5)",
        "INSERT INTO _cf_KV VALUES(1,2)",
        "INSERT INTO _cf_METADATA VALUES(1,2)",
        "INSERT INTO ft_data VALUES(1,X'00')",
        "INSERT INTO ft_config VALUES('k','v')",
        "INSERT INTO trig VALUES(1)",
        "INSERT INTO v VALUES(1)",
        "INSERT INTO nope VALUES(1)",
        // SQLite's own errors on the shape
        "INSERT INTO t VALUES(1)",
        "INSERT INTO t VALUES(1,2,3,4,X'0')",
        // near the shape: the full rules apply
        "INSERT INTO t VALUES(sqlite_version(),2,3,4,5)",
        "INSERT INTO t VALUES(1,2,3,4,5); INSERT INTO sqlite_master VALUES(1,2,3,4,5)",
        "INSERT INTO t VALUES(1,2,3,4,5) RETURNING sqlite_version()",
        "INSERT INTO t VALUES(1,2,3,4,5),(sqlite_version(),2,3,4,5)",
        "INSERT INTO t VALUES(?,2,3,4,5)",
        "INSERT INTO t VALUES(1,2,3,4,5) /* open comment",
        "INSERT INTO t VALUES(1,2,3,4,'open string)",
        "INSERT INTO main.t VALUES(1,2,3,4,5)",
        "INSERT INTO main.sqlite_master VALUES(1,2,3,4,5)",
        "INSERT INTO 't' VALUES(1,2,3,4,5)",
        "INSERT INTO t VALUES(\"a\",2,3,4,5)",
        "INSERT INTO t VALUES(-'1',2,3,4,5)",
        "INSERT INTO t VALUES(1,2,3,4,5)\u0000; INSERT INTO sqlite_master VALUES(1,2,3,4,5)",
        "INSERT INTO t SELECT * FROM v",
        "REPLACE INTO t VALUES(1,2,3,4,5)"
      })
  void getsTheVerdictBatchGives(String sql) {
    try (D1SqliteDatabase viaBatch = open();
        D1SqliteDatabase viaScript = open()) {
      String expected = outcome(viaBatch, () -> viaBatch.batch(List.of(viaBatch.prepare(sql))));
      String actual = outcome(viaScript, () -> viaScript.executeScript(List.of(sql)));
      assertThat(actual).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite_master", "_cf_KV", "ft_data", "trig"})
  void aRefusedInsertAmongAllowedOnesRefusesTheWholeScript(String table) {
    try (D1SqliteDatabase viaBatch = open();
        D1SqliteDatabase viaScript = open()) {
      List<String> sql =
          List.of(
              "INSERT INTO t VALUES(1,2,3,4,5)",
              "INSERT INTO " + table + " VALUES(1,2,3,4,5)",
              "INSERT INTO t VALUES(6,7,8,9,10)");
      String expected =
          outcome(viaBatch, () -> viaBatch.batch(sql.stream().map(viaBatch::prepare).toList()));
      String actual = outcome(viaScript, () -> viaScript.executeScript(sql));
      assertThat(actual).startsWith("error ").isEqualTo(expected);
    }
  }
}
