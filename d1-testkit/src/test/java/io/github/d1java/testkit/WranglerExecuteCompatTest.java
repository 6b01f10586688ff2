package io.github.d1java.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.D1Database;
import io.github.d1java.migrations.D1Scripts;
import io.github.d1java.sql.SqlSplitter;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one SQL file through {@code wrangler d1 execute --local --file} (Miniflare) and through
 * {@link D1Scripts} on the local engine: the splitter finds the same statements, and both databases
 * end up with the same rows. The file holds the constructs that wrangler's splitter gets right
 * (strings, quoted identifiers, comments, a trigger body with CASE ... END;, a BEGIN
 * TRANSACTION/COMMIT pair); the cases it gets wrong are documented on {@link SqlSplitter}.
 */
@EnabledIf("io.github.d1java.testkit.Wrangler#nodeOnPath")
class WranglerExecuteCompatTest {

  private static final String SQL =
      "-- a comment; with a semicolon\n"
          + "BEGIN TRANSACTION;\n"
          + "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, \"odd;name\" TEXT);\n"
          + "CREATE TABLE log (note TEXT);\n"
          + "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n"
          + "  INSERT INTO log SELECT CASE WHEN new.s IS NULL THEN 'null;' ELSE 'set' END;\n"
          + "END;\n"
          + "INSERT INTO t (s, \"odd;name\") VALUES ('it''s; fine', 'x'); /* block; comment */\n"
          + "INSERT INTO t (s) VALUES ('multi\nline; text');\n"
          + "INSERT INTO t (s) VALUES (NULL);\n"
          + "COMMIT;\n"
          + "SELECT count(*) AS n FROM t WHERE s LIKE '%;%';\n";

  @TempDir Path project;

  private static List<String> rows(D1Database db, String sql) {
    return db.prepare(sql).raw().stream().map(String::valueOf).collect(Collectors.toList());
  }

  @Test
  void splitsAndRunsAFileAsWranglerDoes() throws Exception {
    Files.writeString(project.resolve("wrangler.toml"), Wrangler.WRANGLER_TOML);
    Files.writeString(project.resolve("script.sql"), SQL);

    String json =
        Wrangler.run(project, "d1", "execute", "DB", "--local", "--file", "script.sql", "--json");

    JsonNode results = new ObjectMapper().readTree(json);
    try (D1SqliteDatabase local = D1Sqlite.inMemory();
        D1SqliteDatabase wrangler = D1Sqlite.open(Wrangler.databaseFile(project))) {
      List<?> ours = D1Scripts.run(local, "script.sql", SQL);
      assertThat(ours).hasSize(results.size());
      assertThat(SqlSplitter.stripTransaction(SqlSplitter.statements(SQL))).hasSize(7);
      assertThat(results.get(6).get("results").get(0).get("n").asLong()).isEqualTo(2);
      for (String query :
          List.of("SELECT * FROM t ORDER BY id", "SELECT * FROM log ORDER BY rowid")) {
        assertThat(rows(local, query)).as(query).isEqualTo(rows(wrangler, query));
      }
    }
  }
}
