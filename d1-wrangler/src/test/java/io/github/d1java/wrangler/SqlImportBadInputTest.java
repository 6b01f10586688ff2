package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 8's bad input through {@link SqlImport}: each names its line and changes nothing. */
class SqlImportBadInputTest {

  private final D1Database db = D1Sqlite.inMemory();
  @TempDir Path dir;

  @AfterEach
  void close() {
    db.close();
  }

  private Path file(byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    Path file = dir.resolve("in.sql");
    Files.write(file, out.toByteArray());
    return file;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<List<Object>> schema() {
    return db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE '\\_cf%' ESCAPE '\\'")
        .raw();
  }

  @ParameterizedTest(name = "chunk of {0} statements")
  @ValueSource(ints = {1, 1000})
  void aNulByteBetweenStatementsIsRefusedWithD1sMessageAndItsLine(int chunk) throws IOException {
    Path file =
        file(
            text("CREATE TABLE t(x);\nINSERT INTO t VALUES (1);\n"),
            new byte[] {0},
            text("INSERT INTO t VALUES (2);\n"));

    assertThatThrownBy(
            () -> SqlImport.run(db, file, new ImportOptions(chunk, Long.MAX_VALUE), null))
        .isInstanceOfSatisfying(
            SqlImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.failure().getMessage())
                  .isEqualTo("D1_ERROR: SQL code did not contain a statement.");
              assertThat(e.detail())
                  .startsWith("Error on line 3: D1_ERROR: SQL code did not contain a statement.")
                  .contains("NUL byte at byte 45");
            });
    assertThat(schema()).isEmpty();
  }

  @Test
  void aNulByteInsideAStringIsRefusedToo() throws IOException {
    Path file =
        file(
            text("CREATE TABLE t(x);\n\nINSERT INTO t VALUES ('a"), new byte[] {0}, text("b');\n"));

    assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE))
        .isInstanceOfSatisfying(SqlImportException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThat(schema()).isEmpty();
  }

  @Test
  void invalidUtf8IsRefusedWithItsLineByDefault() throws IOException {
    Path file =
        file(
            text("CREATE TABLE t(x);\n-- é is fine\nINSERT INTO t VALUES ('caf"),
            new byte[] {(byte) 0xe9},
            text("');\n"));

    assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE))
        .isInstanceOfSatisfying(
            SqlImportException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.failure()).isNull();
              assertThat(e.detail())
                  .startsWith("Error on line 3: the file is not valid UTF-8 at byte 59.")
                  .contains("--replace-invalid-utf8");
            });
    assertThat(schema()).isEmpty();
  }

  @Test
  void aMultiByteSequenceCutAtTheEndOfTheFileIsInvalid() throws IOException {
    Path file = file(text("CREATE TABLE t(x);\n-- "), new byte[] {(byte) 0xe2, (byte) 0x82});

    assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE))
        .isInstanceOfSatisfying(SqlImportException.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThat(schema()).isEmpty();
  }

  @Test
  void invalidUtf8IsStoredAsReplacementCharactersWhenAsked() throws IOException {
    ImportOptions options = ImportOptions.DEFAULTS.withReplaceInvalidUtf8(true);
    Path file =
        file(
            text("CREATE TABLE t(x, y);\nINSERT INTO t VALUES ('caf"),
            new byte[] {(byte) 0xe9},
            text("', '€');\n"));

    SqlImport.run(db, file, options, SqlProgress.NONE);

    assertThat(db.prepare("SELECT x || y AS v FROM t").<String>first("v")).isEqualTo("caf\uFFFD€");
  }

  @Test
  void validUtf8AcrossTheReadBufferIsDecodedWhole() throws IOException {
    // 3-byte characters over more than one 64 KiB read, so some straddle a buffer boundary
    String value = "€".repeat(30_000);
    Path file = file(text("CREATE TABLE t(x);\nINSERT INTO t VALUES ('" + value + "');\n"));

    SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE);

    assertThat(db.prepare("SELECT x FROM t").<String>first("x")).isEqualTo(value);
  }

  @Test
  void aNullProgressListenerMeansNoProgress() throws IOException {
    Path file = file(text("CREATE TABLE t(x);\nINSERT INTO t VALUES (1);\n"));

    assertThat(SqlImport.run(db, file, ImportOptions.DEFAULTS, null).statements()).isEqualTo(2);
    assertThat(
            SqlImport.run(
                    db,
                    new StringReader("INSERT INTO t VALUES (2);"),
                    ImportOptions.DEFAULTS,
                    null,
                    StatementListener.NONE)
                .statements())
        .isEqualTo(1);
    assertThat(db.prepare("SELECT count(*) AS n FROM t").<Long>first("n")).isEqualTo(2L);
  }
}
