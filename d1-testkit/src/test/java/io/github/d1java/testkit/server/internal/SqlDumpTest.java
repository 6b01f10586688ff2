package io.github.d1java.testkit.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlDumpTest {

  @ParameterizedTest
  @CsvSource({
    "3.0, 3", "1.5, 1.5", "-0.0, 0", "1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7",
    "0.000001, 0.000001", "123.456, 123.456", "1.2345e25, 1.2345e+25", "-2.5e-10, -2.5e-10",
    "1152921504606846976, 1152921504606847000"
  })
  void formatsNumbersAsJavaScriptDoes(double value, String js) {
    assertThat(SqlDump.jsNumber(value)).isEqualTo(js);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "plain|'plain'",
        "it's|'it''s'",
        "a\\nb|replace('a\\nb','\\n',char(10))",
      })
  void quotesStringsAsD1Does(String raw, String expected) {
    String value = raw.replace("\\n", "\n");
    assertThat(SqlDump.literal(value)).isEqualTo(expected);
  }

  /**
   * The same statements run on Miniflare 4.20260730.0 and exported with {@code PRAGMA
   * miniflare_d1_export(...)} gave exactly these texts (D1's dumpSql, spec §9): everything, no
   * schema, no data, and only table {@code foo}.
   */
  @org.junit.jupiter.api.Test
  void exportMatchesMiniflareByteForByte() {
    try (io.github.d1java.D1Database db = io.github.d1java.sqlite.D1Sqlite.inMemory()) {
      for (String s : new String[] {
          "CREATE TABLE foo(id INTEGER PRIMARY KEY, value TEXT, r REAL, b BLOB)",
          "CREATE TABLE \"q t\"(\"a\"\"b\" TEXT)",
          "CREATE INDEX foo_value ON foo(value)",
          "CREATE VIEW v AS SELECT id FROM foo",
          "CREATE TRIGGER tr AFTER INSERT ON foo BEGIN SELECT 1; END",
          "INSERT INTO foo VALUES (1, 'it''s', 3.0, x'01ab')",
          "INSERT INTO foo VALUES (2, 'a' || char(13) || char(10) || 'b', 1e21, NULL)",
          "INSERT INTO foo VALUES (3, 'x' || char(10) || 'y', 1e-7, x'')",
          "INSERT INTO foo VALUES (4, NULL, 123.456, NULL)",
          "INSERT INTO \"q t\" VALUES ('z')"}) {
        db.prepare(s).run();
      }
      assertThat(SqlDump.dump(db, false, false, java.util.List.of())).isEqualTo(
            "PRAGMA defer_foreign_keys=TRUE;\n"
            + "CREATE TABLE foo(id INTEGER PRIMARY KEY, value TEXT, r REAL, b BLOB);\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(1,'it''s',3,X'01ab');\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(2,replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10)),1e+21,NULL);\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(3,replace('x\\ny','\\n',char(10)),1e-7,X'');\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(4,NULL,123.456,NULL);\n"
            + "CREATE TABLE IF NOT EXISTS \"q t\"(\"a\"\"b\" TEXT);\n"
            + "INSERT INTO \"q t\" (\"a\"\"b\") VALUES('z');\n"
            + "CREATE INDEX foo_value ON foo(value);\n"
            + "CREATE TRIGGER tr AFTER INSERT ON foo BEGIN SELECT 1; END;\n"
            + "CREATE VIEW v AS SELECT id FROM foo;");
      assertThat(SqlDump.dump(db, true, false, java.util.List.of())).isEqualTo(
          "PRAGMA defer_foreign_keys=TRUE;\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(1,'it''s',3,X'01ab');\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(2,replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10)),1e+21,NULL);\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(3,replace('x\\ny','\\n',char(10)),1e-7,X'');\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(4,NULL,123.456,NULL);\n"
            + "INSERT INTO \"q t\" (\"a\"\"b\") VALUES('z');");
      assertThat(SqlDump.dump(db, false, true, java.util.List.of())).isEqualTo(
          "PRAGMA defer_foreign_keys=TRUE;\n"
            + "CREATE TABLE foo(id INTEGER PRIMARY KEY, value TEXT, r REAL, b BLOB);\n"
            + "CREATE TABLE IF NOT EXISTS \"q t\"(\"a\"\"b\" TEXT);\n"
            + "CREATE INDEX foo_value ON foo(value);\n"
            + "CREATE TRIGGER tr AFTER INSERT ON foo BEGIN SELECT 1; END;\n"
            + "CREATE VIEW v AS SELECT id FROM foo;");
      assertThat(SqlDump.dump(db, false, false, java.util.List.of("foo"))).isEqualTo(
          "PRAGMA defer_foreign_keys=TRUE;\n"
            + "CREATE TABLE foo(id INTEGER PRIMARY KEY, value TEXT, r REAL, b BLOB);\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(1,'it''s',3,X'01ab');\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(2,replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10)),1e+21,NULL);\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(3,replace('x\\ny','\\n',char(10)),1e-7,X'');\n"
            + "INSERT INTO \"foo\" (\"id\",\"value\",\"r\",\"b\") VALUES(4,NULL,123.456,NULL);");
    }
  }

  @org.junit.jupiter.api.Test
  void quotesCrLfAndBlobs() {
    assertThat(SqlDump.literal("a\r\nb")).isEqualTo("replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10))");
    assertThat(SqlDump.literal(new byte[] {1, (byte) 0xab})).isEqualTo("X'01ab'");
    assertThat(SqlDump.literal(null)).isEqualTo("NULL");
    assertThat(SqlDump.literal(42L)).isEqualTo("42");
  }
}
