package io.github.d1java.testkit;

import static io.github.d1java.testkit.D1Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.D1Result;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class D1AssertionsTest {

  @RegisterExtension final D1Extension d1 = D1Extension.builder().build();

  private D1Database db;

  @BeforeEach
  void createTable() {
    db = d1.database();
    db.prepare(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, price REAL, data BLOB, flag INTEGER)")
        .run();
    db.prepare(
            "INSERT INTO t (name, price, data, flag) VALUES ('tea', 2.5, x'0102', 1), ('cake', 4, NULL, 0)")
        .run();
  }

  private D1Result<Map<String, Object>> all() {
    return db.prepare("SELECT * FROM t ORDER BY id").all();
  }

  @Nested
  class Results {

    @Test
    void passWhenTheRowsMatch() {
      assertThat(all())
          .hasRowCount(2)
          .containsRow(Map.of("id", 1, "name", "tea"))
          .containsRow("name", "cake", "price", 4.0, "data", null)
          .containsRow("data", new byte[] {1, 2}, "flag", true)
          .doesNotContainRow("name", "coffee")
          .doesNotContainRow(Map.of("name", "tea", "price", 3.0));
      assertThat(all()).column("name").containsExactly("tea", "cake");
      assertThat(all()).column("id").containsExactly(1, 2L);
      assertThat(all()).column("price").containsExactly(2.5f, 4);
    }

    @Test
    void checkMeta() {
      assertThat(db.prepare("UPDATE t SET price = price + 1").run()).hasChanges(2).hasNoRows();
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('pie')").run()).hasLastRowId(3);
    }

    @Test
    void failOnTheRowCountListingTheRows() {
      assertThatThrownBy(() -> assertThat(all()).hasRowCount(3))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting 3 row(s) but found 2")
          .hasMessageContaining("name=tea");
    }

    @Test
    void failOnAMissingRow() {
      assertThatThrownBy(() -> assertThat(all()).containsRow("name", "coffee"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting a row with")
          .hasMessageContaining("{name=coffee}");
    }

    @Test
    void failOnAnUnexpectedRow() {
      assertThatThrownBy(() -> assertThat(all()).doesNotContainRow("name", "tea"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting no row with");
    }

    @Test
    void failOnAMissingColumn() {
      assertThatThrownBy(() -> assertThat(all()).column("nope"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expecting column nope but the columns are [id, name, price, data, flag]");
    }

    @Test
    void failOnColumnValues() {
      assertThatThrownBy(() -> assertThat(all()).column("name").containsExactly("cake", "tea"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("column name");
    }

    @Test
    void failOnChangesAndLastRowId() {
      D1Result<Map<String, Object>> insert =
          db.prepare("INSERT INTO t (name) VALUES ('pie')").run();
      assertThatThrownBy(() -> assertThat(insert).hasChanges(2))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting 2 change(s) but meta.changes is 1");
      assertThatThrownBy(() -> assertThat(insert).hasLastRowId(9))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting last row id 9 but meta.last_row_id is 3");
    }

    @Test
    void checkUsageFigures() {
      assertThat(db.prepare("SELECT * FROM t WHERE name = 'cake'").all()).readRows(2).readAtMost(2);
      assertThat(db.prepare("SELECT * FROM t WHERE id = 2").all()).readRows(1).readAtMost(1);
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('pie')").run()).wroteRows(1).readRows(0);
    }

    @Test
    void failOnUsageFigures() {
      D1Result<Map<String, Object>> scan = db.prepare("SELECT * FROM t WHERE name = 'cake'").all();
      assertThatThrownBy(() -> assertThat(scan).readAtMost(1))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting at most 1 row(s) read but meta.rows_read is 2");
      assertThatThrownBy(() -> assertThat(scan).readRows(1))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting 1 row(s) read but meta.rows_read is 2");
      assertThatThrownBy(() -> assertThat(scan).wroteRows(1))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting 1 row(s) written but meta.rows_written is 0");
    }

    @Test
    void failOnRowsThatAreNotMaps() {
      D1Result<String> mapped = db.prepare("SELECT name FROM t").all(String.class);
      assertThatThrownBy(() -> assertThat(mapped).hasRowCount(2))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting rows as maps");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rejectMalformedKeyValues(int count) {
      Object[] args = count == 1 ? new Object[] {"name"} : new Object[] {"name", "tea", "price"};
      assertThatThrownBy(() -> assertThat(all()).containsRow(args))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("odd count");
    }

    @Test
    void rejectANonStringColumnName() {
      assertThatThrownBy(() -> assertThat(all()).containsRow(1, "tea"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column name at position 0 is not a String: 1");
    }

    @Test
    void failOnNull() {
      assertThatThrownBy(() -> assertThat((D1Result<?>) null).hasRowCount(0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
    }
  }

  @Nested
  class Tables {

    @Test
    void passWhenTheTableMatches() {
      assertThat(db).hasTable("t").table("t").hasRowCount(2).containsRow("name", "tea");
      assertThat(db).table("t").column("name").containsExactlyInAnyOrder("cake", "tea");
      db.prepare("DELETE FROM t").run();
      assertThat(db).table("t").hasNoRows();
    }

    @Test
    void failNamingTheTable() {
      assertThatThrownBy(() -> assertThat(db).table("t").hasRowCount(5))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("[table t]")
          .hasMessageContaining("Expecting 5 row(s) but found 2");
    }

    @Test
    void failOnAMissingTable() {
      assertThatThrownBy(() -> assertThat(db).table("nope").hasRowCount(0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expecting table nope to be readable, but: D1_ERROR: no such table: nope");
      assertThatThrownBy(() -> assertThat(db).hasTable("nope"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting table nope to exist");
    }

    @Test
    void quoteTheTableName() {
      db.prepare("CREATE TABLE \"odd \"\"name\"\"\" (x)").run();
      assertThat(db).table("odd \"name\"").hasNoRows();
    }
  }
}
