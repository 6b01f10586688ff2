package io.github.d1java.testkit.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake server's export orders tables so that it imports back, as {@code d1 export} does. */
class SqlDumpOrderTest {

  private static List<String> statements(String schema) {
    try (D1Database db = D1Sqlite.inMemory()) {
      db.exec(schema);
      return SqlDump.dump(db, false, false, List.of()).lines().toList();
    }
  }

  @Test
  void creationOrderIsKeptWhenItWorks() {
    assertThat(
            statements(
                "CREATE TABLE b(id INTEGER PRIMARY KEY); CREATE TABLE a(x REFERENCES b);"
                    + " INSERT INTO b VALUES (1); INSERT INTO a VALUES (1);"))
        .containsExactly(
            "PRAGMA defer_foreign_keys=TRUE;",
            "CREATE TABLE b(id INTEGER PRIMARY KEY);",
            "INSERT INTO \"b\" (\"id\") VALUES(1);",
            "CREATE TABLE a(x REFERENCES b);",
            "INSERT INTO \"a\" (\"x\") VALUES(1);");
  }

  @Test
  void aReferencedTableCreatedLaterIsWrittenFirst() {
    assertThat(
            statements(
                "CREATE TABLE a(x REFERENCES b); CREATE TABLE B(id INTEGER PRIMARY KEY);"
                    + " INSERT INTO b VALUES (1); INSERT INTO a VALUES (1);"))
        .containsExactly(
            "PRAGMA defer_foreign_keys=TRUE;",
            "CREATE TABLE B(id INTEGER PRIMARY KEY);",
            "INSERT INTO \"B\" (\"id\") VALUES(1);",
            "CREATE TABLE a(x REFERENCES b);",
            "INSERT INTO \"a\" (\"x\") VALUES(1);");
  }

  @Test
  void aCycleIsCreatedWholeThenFilled() {
    assertThat(
            statements(
                "CREATE TABLE a(id INTEGER PRIMARY KEY, b REFERENCES b);"
                    + " CREATE TABLE b(id INTEGER PRIMARY KEY, a REFERENCES a); CREATE TABLE c(a REFERENCES a);"
                    + " INSERT INTO a VALUES (1, NULL); INSERT INTO b VALUES (2, 1);"
                    + " UPDATE a SET b = 2; INSERT INTO c VALUES (1);"))
        .containsExactly(
            "PRAGMA defer_foreign_keys=TRUE;",
            "CREATE TABLE a(id INTEGER PRIMARY KEY, b REFERENCES b);",
            "CREATE TABLE b(id INTEGER PRIMARY KEY, a REFERENCES a);",
            "INSERT INTO \"a\" (\"id\",\"b\") VALUES(1,2);",
            "INSERT INTO \"b\" (\"id\",\"a\") VALUES(2,1);",
            "CREATE TABLE c(a REFERENCES a);",
            "INSERT INTO \"c\" (\"a\") VALUES(1);");
  }
}
