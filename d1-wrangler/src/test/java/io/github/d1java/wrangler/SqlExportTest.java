package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SqlExportTest {

  private final D1Database db = D1Sqlite.inMemory();
  private final List<long[]> progress = new ArrayList<>();

  @AfterEach
  void close() {
    db.close();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = SqlExportTest.class.getResourceAsStream("/wrangler-4.125.0/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void load(String sql) {
    SqlImport.run(
        db,
        new StringReader(sql),
        ImportOptions.DEFAULTS,
        SqlProgress.NONE,
        StatementListener.NONE);
  }

  private String export(ExportOptions options) {
    StringWriter out = new StringWriter();
    SqlExport.export(db, out, options, (done, total) -> progress.add(new long[] {done, total}));
    return out.toString();
  }

  @Nested
  class WranglersFormat {
    @Test
    void wholeDatabaseMatchesWhatWranglerWrote() throws IOException {
      load(resource("golden.sql"));

      assertThat(export(ExportOptions.ALL)).isEqualTo(resource("golden-export.sql"));
    }

    @Test
    void wranglersOwnExportImportsAndExportsBackUnchanged() throws IOException {
      load(resource("golden-export.sql"));

      assertThat(export(ExportOptions.ALL)).isEqualTo(resource("golden-export.sql"));
    }

    @Test
    void insertsNameEveryColumnQuoted() throws IOException {
      load(resource("golden.sql"));

      assertThat(export(ExportOptions.ALL))
          .contains("INSERT INTO \"quoted table\" (\"a b\",\"c\") VALUES('x',-42);");
    }

    @Test
    void tableFilterKeepsOnlyThatTableAndDropsItsIndexesAsWranglerDoes() throws IOException {
      load(resource("golden.sql"));

      assertThat(export(ExportOptions.ALL.withTables(List.of("users"))))
          .isEqualTo(resource("golden-users.sql"));
    }

    @Test
    void schemaOnlyMatchesWrangler() throws IOException {
      load(resource("golden.sql"));

      assertThat(export(ExportOptions.ALL.schemaOnly())).isEqualTo(resource("golden-nodata.sql"));
    }

    @Test
    void dataOnlyMatchesWrangler() throws IOException {
      load(resource("golden.sql"));

      assertThat(export(ExportOptions.ALL.dataOnly())).isEqualTo(resource("golden-noschema.sql"));
    }

    @Test
    void dataOnlyStillStartsWithThePragmaAndHasNoDdl() throws IOException {
      load(resource("golden.sql"));

      String dump = export(ExportOptions.ALL.dataOnly());

      assertThat(dump).startsWith("PRAGMA defer_foreign_keys=TRUE;\nINSERT INTO \"users\"");
      assertThat(dump).doesNotContain("CREATE").doesNotContain("DELETE FROM sqlite_sequence");
    }

    @Test
    void emptyDatabaseIsJustThePragma() {
      assertThat(export(ExportOptions.ALL)).isEqualTo("PRAGMA defer_foreign_keys=TRUE;");
    }

    @Test
    void integersBeyond2To53AndIntegerValuedRealsKeepTheirValueAndType() {
      load("CREATE TABLE n(i INTEGER, r REAL); INSERT INTO n VALUES (9223372036854775807, 3.0);");

      assertThat(export(ExportOptions.ALL))
          .endsWith("INSERT INTO \"n\" (\"i\",\"r\") VALUES(9223372036854775807,3.0);");
    }

    @Test
    void virtualTablesFailTheExportWithD1sMessage() {
      load("CREATE VIRTUAL TABLE docs USING fts5(body);");

      assertThatThrownBy(() -> export(ExportOptions.ALL))
          .isInstanceOf(WranglerException.class)
          .hasMessage(
              "D1_WRANGLER_ERROR: D1 Export error: cannot export databases with Virtual Tables"
                  + " (fts5)");
    }

    @Test
    void bothSchemaAndDataExcludedIsRefusedWithWranglersMessage() {
      assertThatThrownBy(() -> new ExportOptions(List.of(), false, false))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining("Cannot use --no-schema and --no-data together.");
    }
  }

  @Nested
  class Paging {
    @Test
    void rowsBeyondOnePageAreAllExportedInOrderAndProgressIsReported() {
      load("CREATE TABLE t(x); CREATE TABLE w(k INTEGER PRIMARY KEY, v) WITHOUT ROWID;");
      int n = SqlExport.PAGE_SIZE * 2 + 7;
      db.prepare(
              "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?)"
                  + " INSERT INTO t SELECT i FROM c")
          .bind(n)
          .run();
      db.prepare(
              "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?)"
                  + " INSERT INTO w SELECT i, i * 2 FROM c")
          .bind(n)
          .run();

      String dump = export(ExportOptions.ALL.dataOnly());

      List<String> lines = dump.lines().toList();
      assertThat(lines).hasSize(1 + 2 * n);
      assertThat(lines.get(1)).isEqualTo("INSERT INTO \"t\" (\"x\") VALUES(1);");
      assertThat(lines.get(n)).isEqualTo("INSERT INTO \"t\" (\"x\") VALUES(" + n + ");");
      assertThat(lines.get(2 * n))
          .isEqualTo("INSERT INTO \"w\" (\"k\",\"v\") VALUES(" + n + "," + 2 * n + ");");
      assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(2L * n, 2L * n));
    }

    @Test
    void withoutRowidTablesWithCompositeKeysArePagedByKeyInKeyOrder() {
      load("CREATE TABLE c(a TEXT, b INTEGER, v, PRIMARY KEY (a, b)) WITHOUT ROWID;");
      int n = SqlExport.PAGE_SIZE + 3;
      db.prepare(
              "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?)"
                  + " INSERT INTO c SELECT 'k' || (i % 3), i, i FROM c")
          .bind(n)
          .run();

      List<String> lines = export(ExportOptions.ALL.dataOnly()).lines().skip(1).toList();

      assertThat(lines).hasSize(n).doesNotHaveDuplicates();
      assertThat(lines.get(0)).isEqualTo("INSERT INTO \"c\" (\"a\",\"b\",\"v\") VALUES('k0',3,3);");
      assertThat(lines.get(n - 1)).startsWith("INSERT INTO \"c\" (\"a\",\"b\",\"v\") VALUES('k2',");
    }

    @Test
    void aColumnNamedRowidDoesNotBreakPaging() {
      load("CREATE TABLE r(rowid TEXT, oid TEXT); INSERT INTO r VALUES ('a', 'b');");

      assertThat(export(ExportOptions.ALL.dataOnly()))
          .endsWith("INSERT INTO \"r\" (\"rowid\",\"oid\") VALUES('a','b');");
    }
  }

  @Nested
  class ToFile {
    @TempDir Path dir;

    @Test
    void writesTheFileWithoutATrailingNewline() throws IOException {
      load("CREATE TABLE t(a); INSERT INTO t VALUES (1);");
      Path file = dir.resolve("out/dump.sql");

      long statements = SqlExport.export(db, file, ExportOptions.ALL, SqlProgress.NONE);

      assertThat(statements).isEqualTo(3);
      assertThat(Files.readString(file))
          .isEqualTo(
              "PRAGMA defer_foreign_keys=TRUE;\nCREATE TABLE t(a);\nINSERT INTO \"t\" (\"a\") VALUES(1);");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileGetsTheSamePermissionsAsAnyNewFile() throws IOException {
      Path reference = Files.createFile(dir.resolve("reference"));
      Path file = dir.resolve("dump.sql");

      SqlExport.export(db, file, ExportOptions.ALL, SqlProgress.NONE);

      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aFailedExportLeavesTheExistingFileAndNoLeftovers() throws IOException {
      load("CREATE VIRTUAL TABLE docs USING fts5(body);");
      Path file = dir.resolve("dump.sql");
      Files.writeString(file, "keep me");

      assertThatThrownBy(() -> SqlExport.export(db, file, ExportOptions.ALL, SqlProgress.NONE))
          .isInstanceOf(WranglerException.class);

      assertThat(Files.readString(file)).isEqualTo("keep me");
      try (var files = Files.list(dir)) {
        assertThat(files).containsExactly(file);
      }
    }

    @Test
    void aDirectoryIsRefusedWithWranglersMessage() {
      assertThatThrownBy(() -> SqlExport.export(db, dir, ExportOptions.ALL, SqlProgress.NONE))
          .isInstanceOf(WranglerException.class)
          .hasMessage(
              "D1_WRANGLER_ERROR: Please specify a file path for --output, not a directory.");
    }
  }
}
