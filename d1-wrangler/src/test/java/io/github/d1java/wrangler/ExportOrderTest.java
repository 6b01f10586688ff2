package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.testkit.Wrangler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exports that import back: referenced tables first, cycles created before they are filled. */
class ExportOrderTest {

  @TempDir Path dir;

  /** Chinook's shape: Album is created before the Artist it references. */
  private static final String FORWARD =
      "CREATE TABLE Album(AlbumId INTEGER PRIMARY KEY, Title TEXT NOT NULL,"
          + " ArtistId INTEGER NOT NULL REFERENCES Artist(ArtistId));"
          + "CREATE TABLE Track(TrackId INTEGER PRIMARY KEY, Name TEXT,"
          + " AlbumId INTEGER REFERENCES Album(AlbumId), Bytes BLOB);"
          + "CREATE TABLE Artist(ArtistId INTEGER PRIMARY KEY, Name TEXT UNIQUE);"
          + "CREATE INDEX IFK_AlbumArtistId ON Album(ArtistId);"
          + "INSERT INTO Artist VALUES (1, 'AC/DC'), (2, 'Accept');"
          + "INSERT INTO Album VALUES (1, 'For Those About To Rock', 1), (2, 'Balls', 2);"
          + "INSERT INTO Track VALUES (1, 'Fast As a Shark', 2, X'00ff'), (2, 'It''s', 1, NULL);";

  /** Two tables that reference each other, and one that references itself. */
  private static final String CYCLE =
      "CREATE TABLE emp(id INTEGER PRIMARY KEY, dept INTEGER REFERENCES dept(id),"
          + " boss INTEGER REFERENCES emp(id));"
          + "CREATE TABLE dept(id INTEGER PRIMARY KEY, head INTEGER REFERENCES emp(id));"
          + "CREATE TABLE note(emp INTEGER REFERENCES emp(id), text TEXT);"
          + "INSERT INTO dept VALUES (10, NULL);"
          + "INSERT INTO emp VALUES (1, 10, NULL), (2, 10, 3), (3, 10, 1);"
          + "UPDATE dept SET head = 2;"
          + "INSERT INTO note VALUES (3, 'x');";

  private static String export(D1Database db) {
    StringWriter out = new StringWriter();
    SqlExport.export(db, out, ExportOptions.ALL, SqlProgress.NONE);
    return out.toString();
  }

  private static List<String> tables(D1Database db) {
    return db
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                + " '\\_cf%' ESCAPE '\\' ORDER BY name")
        .raw()
        .stream()
        .map(r -> (String) r.get(0))
        .toList();
  }

  private static void assertSameTables(D1Database expected, D1Database actual) {
    assertThat(tables(actual)).isEqualTo(tables(expected));
    for (String t : tables(expected)) {
      String sql = "SELECT * FROM \"" + t + "\" ORDER BY 1, 2";
      assertThat(actual.prepare(sql).raw())
          .as(t)
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(expected.prepare(sql).raw());
    }
  }

  @Test
  void referencedTablesAreCreatedAndFilledFirst() {
    try (D1Database db = D1Sqlite.inMemory()) {
      db.exec(FORWARD);

      assertThat(export(db))
          .isEqualTo(
              "PRAGMA defer_foreign_keys=TRUE;\n"
                  + "CREATE TABLE Artist(ArtistId INTEGER PRIMARY KEY, Name TEXT UNIQUE);\n"
                  + "INSERT INTO \"Artist\" (\"ArtistId\",\"Name\") VALUES(1,'AC/DC');\n"
                  + "INSERT INTO \"Artist\" (\"ArtistId\",\"Name\") VALUES(2,'Accept');\n"
                  + "CREATE TABLE Album(AlbumId INTEGER PRIMARY KEY, Title TEXT NOT NULL,"
                  + " ArtistId INTEGER NOT NULL REFERENCES Artist(ArtistId));\n"
                  + "INSERT INTO \"Album\" (\"AlbumId\",\"Title\",\"ArtistId\")"
                  + " VALUES(1,'For Those About To Rock',1);\n"
                  + "INSERT INTO \"Album\" (\"AlbumId\",\"Title\",\"ArtistId\")"
                  + " VALUES(2,'Balls',2);\n"
                  + "CREATE TABLE Track(TrackId INTEGER PRIMARY KEY, Name TEXT,"
                  + " AlbumId INTEGER REFERENCES Album(AlbumId), Bytes BLOB);\n"
                  + "INSERT INTO \"Track\" (\"TrackId\",\"Name\",\"AlbumId\",\"Bytes\")"
                  + " VALUES(1,'Fast As a Shark',2,X'00ff');\n"
                  + "INSERT INTO \"Track\" (\"TrackId\",\"Name\",\"AlbumId\",\"Bytes\")"
                  + " VALUES(2,'It''s',1,NULL);\n"
                  + "CREATE INDEX IFK_AlbumArtistId ON Album(ArtistId);");
    }
  }

  @Test
  void aCycleIsCreatedWholeBeforeItIsFilled() {
    try (D1Database db = D1Sqlite.inMemory()) {
      db.exec(CYCLE);

      List<String> lines = export(db).lines().toList();

      assertThat(lines.get(1)).startsWith("CREATE TABLE emp(");
      assertThat(lines.get(2)).startsWith("CREATE TABLE dept(");
      assertThat(lines.subList(3, 6)).allMatch(l -> l.startsWith("INSERT INTO \"emp\""));
      assertThat(lines.get(6)).startsWith("INSERT INTO \"dept\"");
      assertThat(lines.get(7)).startsWith("CREATE TABLE note(");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"forward", "cycle"})
  void theExportImportsBackIntoAnEmptyDatabase(String schema) {
    for (ImportOptions options :
        List.of(ImportOptions.DEFAULTS, ImportOptions.SINGLE_TRANSACTION)) {
      try (D1Database source = D1Sqlite.inMemory();
          D1Database target = D1Sqlite.inMemory()) {
        source.exec(schema.equals("forward") ? FORWARD : CYCLE);
        String dump = export(source);

        SqlImport.run(target, new StringReader(dump), options, null);

        assertSameTables(source, target);
        assertThat(export(target)).isEqualTo(dump);
      }
    }
  }

  @Test
  void aWranglerExportWithForwardReferencesStopsSayingWhatToDo() throws IOException {
    // what wrangler writes for FORWARD: tables in creation order
    Path file = dir.resolve("wrangler.sql");
    Files.writeString(
        file,
        "PRAGMA defer_foreign_keys=TRUE;\n"
            + "CREATE TABLE Album(AlbumId INTEGER PRIMARY KEY, Title TEXT NOT NULL,"
            + " ArtistId INTEGER NOT NULL REFERENCES Artist(ArtistId));\n"
            + "INSERT INTO \"Album\" (\"AlbumId\",\"Title\",\"ArtistId\") VALUES(2,'Balls',2);\n"
            + "CREATE TABLE Artist(ArtistId INTEGER PRIMARY KEY, Name TEXT UNIQUE);\n"
            + "INSERT INTO \"Artist\" (\"ArtistId\",\"Name\") VALUES(2,'Accept');");
    try (D1Database db = D1Sqlite.inMemory()) {
      assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, null))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.detail())
                    .isEqualTo(
                        "Error on line 3: D1_ERROR: no such table: main.Artist: SQLITE_ERROR (a foreign"
                            + " key of the table this statement writes references Artist, which does not"
                            + " exist yet. A wrangler export creates tables in creation order, so a table"
                            + " that references one created after it cannot be filled: export again with"
                            + " d1 export, which creates every referenced table first, or move the CREATE"
                            + " TABLE of Artist and its INSERTs above line 3)");
              });
      assertThat(tables(db)).isEmpty();
    }
  }

  @Test
  void aParentRowInALaterChunkIsExplainedAndImportsAsOneTransaction() throws IOException {
    Path file = dir.resolve("self.sql");
    Files.writeString(
        file,
        "PRAGMA defer_foreign_keys=TRUE;\n"
            + "CREATE TABLE e(id INTEGER PRIMARY KEY, boss INTEGER REFERENCES e(id));\n"
            + "INSERT INTO e VALUES (1, 2);\nINSERT INTO e VALUES (2, NULL);\n");
    try (D1Database db = D1Sqlite.inMemory()) {
      assertThatThrownBy(() -> SqlImport.run(db, file, new ImportOptions(3, Long.MAX_VALUE), null))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e ->
                  assertThat(e.explanation())
                      .startsWith("FOREIGN KEY constraint failed")
                      .contains("Import the file as one transaction (--chunk-size 0"));
      assertThat(tables(db)).isEmpty();

      SqlImport.run(db, file, ImportOptions.SINGLE_TRANSACTION, null);

      assertThat(db.prepare("SELECT count(*) AS n FROM e").<Long>first("n")).isEqualTo(2L);
    }
  }

  @Test
  void aStatementOverD1sLimitNamesItsLineSizeAndTheLimit() throws IOException {
    Path file = dir.resolve("big.sql");
    Files.writeString(
        file,
        "CREATE TABLE t(b BLOB);\n\nINSERT INTO t VALUES (X'" + "ab".repeat(60_000) + "');\n");
    try (D1Database db = D1Sqlite.inMemory()) {
      assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, null))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.detail())
                    .startsWith(
                        "Error on line 3: D1_ERROR: statement too long: SQLITE_TOOBIG (the statement is"
                            + " 120,027 bytes; D1 accepts at most 100,000 bytes per statement. Split the"
                            + " INSERT into several")
                    .contains("bind the value as a parameter");
              });
      assertThat(tables(db)).isEmpty();
    }
  }

  /** The real wrangler imports our export of schemas it cannot round-trip itself. */
  @EnabledIf("io.github.d1java.testkit.Wrangler#nodeOnPath")
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"forward", "cycle"})
  void wranglerImportsOurExportBack(String schema) throws Exception {
    Files.writeString(
        dir.resolve("wrangler.jsonc"),
        "{\"name\": \"order\", \"compatibility_date\": \"2025-01-01\", \"d1_databases\":"
            + " [{\"binding\": \"DB\", \"database_name\": \"app\","
            + " \"database_id\": \"51e7c314-456e-4167-b6c3-869ad188fc23\"}]}\n");
    try (D1Database source = D1Sqlite.inMemory()) {
      source.exec(schema.equals("forward") ? FORWARD : CYCLE);
      Files.writeString(dir.resolve("ours.sql"), export(source));

      Wrangler.run(dir, "d1", "execute", "app", "--local", "--file", "ours.sql");

      try (D1Database imported = WranglerProject.find(dir, null).openLocal("app", null)) {
        assertSameTables(source, imported);
      }
    }
  }
}
