package io.github.d1java.testkit;

// snippet:start example
import static io.github.d1java.testkit.D1Assertions.assertThat;

import io.github.d1java.D1Database;
import org.junit.jupiter.api.Test;

/** Orders placed and shipped against a migrated, seeded database. */
@D1Test(migrations = "testkit/migrations", schema = "testkit/schema.sql", seed = "testkit/seed.sql")
class ReadmeExampleTest {

  /** The code under test: it only knows D1's binding API. */
  static final class Orders {
    private final D1Database db;

    Orders(D1Database db) {
      this.db = db;
    }

    long place(String item) {
      return db.prepare("INSERT INTO orders (item) VALUES (?)").bind(item).run().meta().lastRowId();
    }

    void ship(long id) {
      db.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").bind(id).run();
    }
  }

  @D1Inject D1Database db; // a fresh copy of the migrated, seeded database for every test

  @Test
  void placesAnOrder() {
    long id = new Orders(db).place("cake");

    assertThat(db).table("orders").hasRowCount(2).containsRow("id", id, "item", "cake");
    assertThat(db).table("audit").containsRow("order_id", id, "note", "other");
  }

  @Test
  void shipsAnOrder() {
    new Orders(db).ship(1);

    assertThat(db.prepare("SELECT * FROM open_orders").all()).hasNoRows();
    assertThat(db.prepare("SELECT status FROM orders").all())
        .column("status")
        .containsExactly("shipped");
  }
}
// snippet:end example
