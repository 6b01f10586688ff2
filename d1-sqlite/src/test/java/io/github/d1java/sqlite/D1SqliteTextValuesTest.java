package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TEXT values as rows carry them: read from SQLite's bytes in the database's encoding, decoded as
 * sqlite-jdbc decodes them.
 */
class D1SqliteTextValuesTest {

  @TempDir Path dir;

  private static final String TEXTS =
      "SELECT '' AS empty, 'plain' AS ascii, 'héllo wörld ✓ 𝄞' AS wide,"
          + " 'a' || char(0) || 'b' AS nul, CAST(x'ff41' AS TEXT) AS invalid,"
          + " CAST(x'' AS TEXT) AS empty_cast, x'' AS empty_blob, NULL AS missing";

  private static void assertTexts(Map<String, Object> row) {
    assertThat(row.get("empty")).isEqualTo("");
    assertThat(row.get("ascii")).isEqualTo("plain");
    assertThat(row.get("wide")).isEqualTo("héllo wörld ✓ 𝄞");
    assertThat(row.get("nul")).isEqualTo("a\0b");
    // an invalid byte becomes U+FFFD, as sqlite-jdbc's getString gives it
    assertThat(row.get("invalid")).isEqualTo("\uFFFDA");
    assertThat(row.get("empty_cast")).isEqualTo("");
    assertThat(row.get("empty_blob")).isInstanceOf(byte[].class);
    assertThat((byte[]) row.get("empty_blob")).isEmpty();
    assertThat(row).containsEntry("missing", null);
  }

  @Test
  void textsReadInMemoryAsSqliteJdbcDecodesThem() {
    try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
      assertTexts(db.prepare(TEXTS).first());
    }
  }

  @Test
  void textsReadOnPooledReadersAndOnTheWriter() {
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("utf8.sqlite"))) {
      // a read on a reader, then the same inside a batch on the writer
      assertTexts(db.prepare(TEXTS).first());
      assertTexts(db.batch(List.of(db.prepare(TEXTS))).get(0).results().get(0));
    }
  }

  @Test
  void aUtf16DatabaseFileIsReadThroughSqliteDecodingNotAsUtf8() throws Exception {
    Path file = dir.resolve("utf16.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA encoding = 'UTF-16le'");
      st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT)");
      st.execute("INSERT INTO t VALUES (1, 'héllo ✓ 𝄞'), (2, ''), (3, 'plain')");
    }
    try (D1SqliteDatabase db = D1Sqlite.open(file)) {
      List<Map<String, Object>> rows = db.prepare("SELECT s FROM t ORDER BY id").all().results();
      assertThat(rows).extracting(r -> r.get("s")).containsExactly("héllo ✓ 𝄞", "", "plain");
      assertThat(db.prepare("PRAGMA table_info(t)").all().results())
          .extracting(r -> r.get("name"))
          .containsExactly("id", "s");
    }
  }
}
