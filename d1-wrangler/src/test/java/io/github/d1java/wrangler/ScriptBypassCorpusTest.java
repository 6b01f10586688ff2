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
 * the same message (without D1's offset, which only {@code batch} reports).
 */
class ScriptBypassCorpusTest {

  private static final Path CASES = Path.of("..", "conformance", "cases");

  static Stream<Arguments> corpus() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().startsWith("16-bypass-")).sorted().toList()) {
        for (JsonNode c : json.readTree(file.toFile())) {
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

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("corpus")
  void scriptsAndImportsRefuseExactlyWhatBatchRefuses(String name, List<String> setup, String sql) {
    String expected;
    try (D1SqliteDatabase db = open(setup)) {
      expected = verdict(() -> db.batch(List.of(db.prepare(sql))));
    }
    try (D1SqliteDatabase db = open(setup)) {
      assertThat(verdict(() -> db.executeScript(List.of(sql)))).as("executeScript").isEqualTo(expected);
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
      } else if (expected.startsWith("error ")) {
        // the import splits the text itself: a refused statement is refused there too
        assertThat(imported).as("import").startsWith("error ");
      } else {
        assertThat(imported).as("import").isEqualTo(expected);
      }
    }
  }
}
