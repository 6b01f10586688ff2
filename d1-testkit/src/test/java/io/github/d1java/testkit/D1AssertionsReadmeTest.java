package io.github.d1java.testkit;

import static io.github.d1java.testkit.D1Assertions.assertThat;

import io.github.d1java.D1Database;
import org.junit.jupiter.api.Test;

/** The {@code D1Assertions} example of d1-testkit/README.md, on the seeded orders plus one. */
@D1Test(migrations = "testkit/migrations", schema = "testkit/schema.sql", seed = "testkit/seed.sql")
class D1AssertionsReadmeTest {

  @D1Inject D1Database db;

  @Test
  void assertionsOfTheReadmeHold() {
    db.prepare("INSERT INTO orders (item) VALUES ('cake')").run();

    // snippet:start assertions
    assertThat(db.prepare("SELECT * FROM orders").all())
        .hasRowCount(2)
        .containsRow("id", 1, "item", "tea") // or containsRow(Map.of(...)); other columns ignored
        .doesNotContainRow("item", "coffee")
        .column("item")
        .containsExactly("tea", "cake"); // any AssertJ list assertion

    assertThat(db.prepare("DELETE FROM orders").run()).hasChanges(2);
    assertThat(db.prepare("INSERT INTO orders (item) VALUES ('pie')").run()).hasLastRowId(1);

    assertThat(db).hasTable("orders");
    assertThat(db).table("orders").hasRowCount(1).containsRow("item", "pie");
    assertThat(db.prepare("SELECT * FROM orders WHERE item = 'coffee'").all()).hasNoRows();
    // snippet:end assertions
  }
}
