package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.sql.SqlSplitException;
import io.github.d1java.sqlite.D1Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8's three imports that did damage: a variable SQLite reads as {@code #a} that a lexer took
 * for the start of a string, hiding {@code COMMIT;BEGIN} and then the writable_schema trick or
 * {@code foreign_keys=OFF}. Each must be refused and leave the database as it was.
 */
class SqlImportDamageTest {

  private static final String HIDE = "SELECT #a(');COMMIT;BEGIN;--');\n";

  @TempDir Path dir;
  private D1Database db;

  @BeforeEach
  void schema() {
    db = D1Sqlite.open(dir.resolve("db.sqlite"));
    db.exec("CREATE TABLE parent(id INTEGER PRIMARY KEY)");
    db.exec("CREATE TABLE child(p INTEGER REFERENCES parent(id))");
    db.exec("INSERT INTO parent VALUES (1)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<List<Object>> snapshot() {
    return db.prepare(
            "SELECT type, name, sql, (SELECT count(*) FROM parent), (SELECT count(*) FROM child)"
                + " FROM sqlite_schema ORDER BY name")
        .raw();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INSERT INTO child VALUES (1);\n" + HIDE + "INSERT INTO child VALUES (1);\n",
        "INSERT INTO child VALUES (1);\n"
            + HIDE
            + "PRAGMA writable_schema=1;\nDELETE FROM sqlite_schema WHERE name = 'child';\n",
        "INSERT INTO child VALUES (1);\n"
            + HIDE
            + "PRAGMA foreign_keys=OFF;\n"
            + "INSERT INTO child VALUES (99);\n"
      })
  void isRefusedAndChangesNothing(String sql) throws IOException, SQLException {
    List<List<Object>> before = snapshot();
    Path file = dir.resolve("damage.sql");
    Files.writeString(file, sql);

    assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE))
        // split as SQLite splits it, the text holds a COMMIT and a BEGIN that is never committed
        .isInstanceOfAny(SqlImportException.class, SqlSplitException.class);

    assertThat(snapshot()).isEqualTo(before);
    // D1 does not allow integrity_check: ask SQLite directly
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    assertThatThrownBy(() -> db.prepare("INSERT INTO child VALUES (42)").run())
        .hasMessageContaining("FOREIGN KEY constraint failed");
  }
}
