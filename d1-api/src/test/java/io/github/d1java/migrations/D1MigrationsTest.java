package io.github.d1java.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1SqlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class D1MigrationsTest {

  @TempDir Path dir;

  private Path write(String name, String sql) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, sql);
  }

  private List<String> names(D1Migrations migrations) {
    return migrations.migrations().stream().map(D1Migration::name).collect(Collectors.toList());
  }

  @Nested
  class Order {

    @Test
    void sortsByLeadingNumberNotText() {
      List<String> names = new ArrayList<>(List.of("10_c.sql", "9_b.sql", "1_a.sql", "0002_x.sql"));
      names.sort(D1Migrations.ORDER);
      assertThat(names).containsExactly("1_a.sql", "0002_x.sql", "9_b.sql", "10_c.sql");
    }

    @Test
    void putsNumberedBeforeUnnumberedAndSortsUnnumberedByText() {
      List<String> names = new ArrayList<>(List.of("zeta.sql", "alpha.sql", "0003_c.sql", "B.sql"));
      names.sort(D1Migrations.ORDER);
      assertThat(names).containsExactly("0003_c.sql", "B.sql", "alpha.sql", "zeta.sql");
    }

    @Test
    void breaksNumberTiesByText() {
      List<String> names = new ArrayList<>(List.of("0001_b.sql", "1_a.sql", "0001_a.sql"));
      names.sort(D1Migrations.ORDER);
      assertThat(names).containsExactly("0001_a.sql", "0001_b.sql", "1_a.sql");
    }

    @Test
    void comparesNestedPathsSegmentBySegment() {
      List<String> names =
          new ArrayList<>(
              List.of("10_x/migration.sql", "2_y/b.sql", "2_y/a.sql", "2_y", "2_y/1_z.sql"));
      names.sort(D1Migrations.ORDER);
      assertThat(names)
          .containsExactly("2_y", "2_y/1_z.sql", "2_y/a.sql", "2_y/b.sql", "10_x/migration.sql");
    }

    @Property
    void isAConsistentTotalOrder(
        @ForAll List<@net.jqwik.api.constraints.StringLength(max = 8) String> raw) {
      List<String> names =
          raw.stream().map(s -> s.replace('\u0000', 'x')).collect(Collectors.toList());
      List<String> once = new ArrayList<>(names);
      once.sort(D1Migrations.ORDER);
      List<String> shuffled = new ArrayList<>(names);
      Collections.reverse(shuffled);
      shuffled.sort(D1Migrations.ORDER);
      assertThat(shuffled).isEqualTo(once);
    }

    @ParameterizedTest
    @CsvSource({"0001,1", "12abc,12", "' 7',7", "-3,-3", "+4,4", "007_x,7"})
    void parsesLeadingIntegersLikeJavaScript(String text, double expected) {
      assertThat(D1Migrations.parseInt(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-", "_1", "x12"})
    void givesNanWithoutLeadingDigits(String text) {
      assertThat(D1Migrations.parseInt(text)).isNaN();
    }
  }

  @Nested
  class Migrations {

    @Test
    void listsSqlFilesOfTheDirectoryInOrderWithRelativeNames() throws IOException {
      write("0002_b.sql", "");
      write("0001_a.sql", "");
      write("notes.txt", "");
      write(".hidden.sql", "");
      write("sub/0003_c.sql", "");
      assertThat(names(D1Migrations.of(dir))).containsExactly("0001_a.sql", "0002_b.sql");
    }

    @Test
    void followsAPatternIntoSubdirectories() throws IOException {
      write("0002_b/migration.sql", "");
      write("0001_a/migration.sql", "");
      write("0001_a/snapshot.json", "");
      assertThat(names(D1Migrations.builder().directory(dir).pattern("*/migration.sql").build()))
          .containsExactly("0001_a/migration.sql", "0002_b/migration.sql");
    }

    @Test
    void failsWithWranglersMessageWhenTheDirectoryIsMissing() {
      Path missing = dir.resolve("nope");
      assertThatThrownBy(() -> D1Migrations.of(missing).migrations())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("No migrations present at " + missing.toAbsolutePath() + ".");
    }

    @Test
    void readsAMigrationsSql() throws IOException {
      write("0001_a.sql", "CREATE TABLE é(x);");
      assertThat(D1Migrations.of(dir).migrations().get(0).sql()).isEqualTo("CREATE TABLE é(x);");
    }

    @Test
    void reportsAnUnreadableMigration() {
      D1Migration gone = new D1Migration("0001_gone.sql", dir.resolve("0001_gone.sql"));
      assertThatThrownBy(gone::sql)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("Cannot read")
          .hasMessageContaining("0001_gone.sql");
    }
  }

  @Nested
  class Create {

    private final Clock clock =
        Clock.fixed(Instant.parse("2026-11-25T05:41:32.007Z"), ZoneOffset.UTC);

    @Test
    void startsAt0001WithWranglersContent() throws IOException {
      D1Migrations migrations = D1Migrations.builder().directory(dir).clock(clock).build();
      D1Migration created = migrations.create("create users table");
      assertThat(created.name()).isEqualTo("0001_create_users_table.sql");
      assertThat(Files.readString(created.path()))
          .isEqualTo("-- Migration number: 0001 \t 2026-11-25T05:41:32.007Z\n");
    }

    @Test
    void numbersAfterTheHighestExistingMigration() throws IOException {
      write("0003_c.sql", "");
      write("12_late.sql", "");
      write("readme.sql", "");
      D1Migration created = D1Migrations.builder().directory(dir).clock(clock).build().create("x");
      assertThat(created.name()).isEqualTo("0013_x.sql");
    }

    @Test
    void createsAMissingDirectory() {
      Path nested = dir.resolve("db/migrations");
      D1Migration created =
          D1Migrations.builder().directory(nested).clock(clock).build().create("a");
      assertThat(created.path()).isEqualTo(nested.resolve("0001_a.sql")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b"})
    void rejectsPathSeparatorsInTheMessage(String message) {
      assertThatThrownBy(() -> D1Migrations.of(dir).create(message))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not contain");
      assertThat(dir).isEmptyDirectory();
    }

    @Test
    void rejectsABlankMessage() {
      assertThatThrownBy(() -> D1Migrations.of(dir).create(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("message must not be blank");
    }
  }

  @Nested
  class Configuration {

    @Test
    void hasWranglersDefaults() {
      D1Migrations migrations = D1Migrations.builder().build();
      assertThat(migrations.directory()).isEqualTo(Path.of("migrations"));
      assertThat(migrations.table()).isEqualTo("d1_migrations");
      assertThat(migrations.pattern()).isEqualTo("*.sql");
    }

    @Test
    void quotesTheTableNameInWranglersDdl() {
      assertThat(D1Migrations.createTableSql("my \"odd\" table"))
          .isEqualTo(
              "CREATE TABLE IF NOT EXISTS \"my \"\"odd\"\" table\"(\n"
                  + "\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                  + "\t\tname       TEXT UNIQUE,\n"
                  + "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n);");
    }

    @Test
    void rejectsABlankTable() {
      assertThatThrownBy(() -> D1Migrations.builder().table(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("table must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[a"})
    void rejectsABadPattern(String pattern) {
      assertThatThrownBy(() -> D1Migrations.builder().pattern(pattern))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("pattern ");
    }
  }

  @Nested
  class ScriptException {

    @Test
    void namesFileLineAndStatementAndKeepsTheSqliteCode() {
      D1SqlException cause = D1SqlException.of("no such table: nope: SQLITE_ERROR", null);
      D1ScriptException e =
          new D1ScriptException("0002_b.sql", "INSERT INTO nope VALUES (1)", 3, cause);
      assertThat(e)
          .hasMessage(
              "D1_SCRIPT_ERROR: 0002_b.sql failed at line 3: INSERT INTO nope VALUES (1): "
                  + "D1_ERROR: no such table: nope: SQLITE_ERROR");
      assertThat(e.sqliteCode()).isEqualTo("SQLITE_ERROR");
      assertThat(e.getCause().getCause()).isSameAs(cause);
      assertThat(e.script()).isEqualTo("0002_b.sql");
      assertThat(e.statement()).isEqualTo("INSERT INTO nope VALUES (1)");
      assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void shortensLongStatementsInTheMessageOnly() {
      String statement = "SELECT " + "1, ".repeat(200) + "1";
      D1ScriptException e =
          new D1ScriptException("s.sql", statement, 1, D1SqlException.of("x", null));
      assertThat(e.getMessage()).endsWith(", 1...: D1_ERROR: x").hasSizeLessThan(300);
      assertThat(e.statement()).isEqualTo(statement);
    }

    @Test
    void reportsAnUnsplittableScriptWithItsLine() {
      assertThatThrownBy(() -> D1Scripts.parse("seed.sql", "SELECT 1;\nSELECT 'open"))
          .isInstanceOf(D1ScriptException.class)
          .hasMessage(
              "D1_SCRIPT_ERROR: seed.sql failed at line 2: "
                  + "D1_ERROR: unterminated string literal starting at line 2: 'open");
    }
  }
}
