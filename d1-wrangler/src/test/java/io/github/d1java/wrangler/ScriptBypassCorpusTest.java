package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.D1Exception;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bypass corpus ({@code conformance/cases/16-bypass-*.json}, the statements D1 refuses or
 * allows at the edges of its rules) run through the bulk-loading paths, which check statements
 * their own way (dump-shaped INSERTs by their tokens, on the reading thread): each statement must
 * be refused by {@code executeScript} and by an import exactly when {@code batch} refuses it, with
 * the same message (without D1's offset, which only {@code batch} reports). The cases of a
 * statement left in progress before the call's last ({@code bypass/in-progress-*}, {@code
 * bypass/explain-trigger-then-*}) are not run: only a call's statements stay open between steps.
 */
class ScriptBypassCorpusTest {

  private static final Path CASES = Path.of("..", "conformance", "cases");

  static Stream<Arguments> corpus() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path file :
          files
              .filter(
                  p ->
                      p.getFileName().toString().startsWith("16-bypass-")
                          || p.getFileName().toString().startsWith("19-bypass-"))
              .sorted()
              .toList()) {
        for (JsonNode c : json.readTree(file.toFile())) {
          String name = c.path("name").asText();
          if (name.startsWith("bypass/in-progress-")
              || name.startsWith("bypass/explain-trigger-then-")) {
            // a property of a call's statements run one step at a time (workerd's binding); a
            // script runs each statement to its end (sqlite3_exec)
            continue;
          }
          List<String> setup = new ArrayList<>();
          c.path("setup").forEach(s -> setup.add(s.asText()));
          for (JsonNode call : c.path("calls")) {
            if (call.has("sql") && !call.has("params") && !call.has("statements")) {
              out.add(Arguments.of(c.path("name").asText(), setup, call.get("sql").asText()));
            }
          }
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(300);
    return out.stream();
  }

  private static D1SqliteDatabase open(List<String> setup) {
    D1SqliteDatabase db = D1Sqlite.inMemory();
    for (String sql : setup) {
      db.prepare(sql).run();
    }
    return db;
  }

  /** "ok" or the error's message without D1's offset. */
  private static String verdict(Runnable run) {
    try {
      run.run();
      return "ok";
    } catch (SqlImportException e) {
      return "error " + e.failure().getMessage().replaceAll(" at offset \\d+", "");
    } catch (D1Exception e) {
      return "error " + e.getMessage().replaceAll(" at offset \\d+", "");
    }
  }

  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE t (a, b, c, d, e)",
          "CREATE VIRTUAL TABLE ft USING fts5(x)",
          "CREATE TABLE trig (a)",
          "CREATE TRIGGER trig_ins AFTER INSERT ON trig BEGIN"
              + " INSERT INTO t VALUES (sqlite_version(), 0, 0, 0, 0); END",
          "CREATE VIEW v AS SELECT sqlite_version() AS a");

  /** Dump-shaped INSERTs and near misses, which the import checks on the splitter's tokens. */
  static Stream<Arguments> insertShapes() {
    return Stream.of(
            "INSERT INTO t VALUES(1,'it''s; fine',2.5,X'00ff',NULL)",
            "INSERT INTO \"t\" VALUES(-1,+2,-3.5e2,'',x'')",
            "INSERT INTO [t] VALUES(1,2,3,4,5)",
            "INSERT /* c */ INTO t -- c\n VALUES(1,2,3,4,5)",
            "INSERT INTO sqlite_master VALUES(1,2,3,4,5)",
            "INSERT INTO _cf_KV VALUES(1,2)",
            "INSERT INTO _cf_METADATA VALUES(1,2)",
            "INSERT INTO ft_data VALUES(1,X'00')",
            "INSERT INTO trig VALUES(1)",
            "INSERT INTO v VALUES(1)",
            "INSERT INTO t VALUES(1)",
            "INSERT INTO t VALUES(sqlite_version(),2,3,4,5)",
            "INSERT INTO t VALUES(1,2,3,4,5) RETURNING sqlite_version()",
            "INSERT INTO t VALUES(1,2,3,4,5),(sqlite_version(),2,3,4,5)",
            "INSERT INTO main.sqlite_master VALUES(1,2,3,4,5)",
            "INSERT INTO t VALUES(\"a\",2,3,4,5)")
        .map(sql -> Arguments.of("insert shape", SCHEMA, sql));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource({"corpus", "insertShapes"})
  void scriptsAndImportsRefuseExactlyWhatBatchRefuses(String name, List<String> setup, String sql) {
    String expected;
    try (D1SqliteDatabase db = open(setup)) {
      expected = verdict(() -> db.batch(List.of(db.prepare(sql))));
    }
    try (D1SqliteDatabase db = open(setup)) {
      assertThat(verdict(() -> db.executeScript(List.of(sql))))
          .as("executeScript")
          .isEqualTo(expected);
    }
    try (D1SqliteDatabase db = open(setup)) {
      String imported =
          verdict(
              () ->
                  SqlImport.run(
                      db, new StringReader(sql), ImportOptions.DEFAULTS, SqlProgress.NONE));
      if (expected.endsWith(SqlImport.NOT_A_STATEMENT)) {
        // what follows the last ';' (a comment left open) is not a statement of the file: the
        // import's splitter drops it, as wrangler's does, where a call refuses the whole text
        assertThat(imported).as("import").isIn("ok", expected);
      } else if (sql.matches("(?is)\\s*BEGIN\\b.*\\bCOMMIT\\s*;?\\s*")) {
        // the import removes one BEGIN TRANSACTION/COMMIT pair, so sqlite3 .dump files load as is
        assertThat(imported).as("import").isIn("ok", expected);
      } else if (expected.startsWith("error ")) {
        // the import splits the text itself: a refused statement is refused there too
        assertThat(imported).as("import").startsWith("error ");
      } else {
        assertThat(imported).as("import").isEqualTo(expected);
      }
    }
  }
}
