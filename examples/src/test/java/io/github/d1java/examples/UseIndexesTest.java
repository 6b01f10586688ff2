package io.github.d1java.examples;

import static io.github.d1java.testkit.D1Assertions.assertThat;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.testkit.D1Inject;
import io.github.d1java.testkit.D1Test;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * D1's "Use indexes" guide as a test: a query on an unindexed column reads the whole table ({@code
 * meta.rows_read} is what D1 bills), and after {@code CREATE INDEX} the same query reads only the
 * rows it touches. The local engine counts rows as D1 does, so this proves the index works before
 * deploying.
 */
@D1Test
class UseIndexesTest {

  static final int ORDERS = 1_000;
  static final int CUSTOMERS = 100;

  @D1Inject D1Database db;

  @BeforeEach
  void orders() {
    db.prepare(
            "CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,"
                + " total REAL NOT NULL)")
        .run();
    D1PreparedStatement insert =
        db.prepare("INSERT INTO orders (customer_id, total) VALUES (?, ?)");
    List<D1PreparedStatement> batch = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      batch.add(insert.bind(i % CUSTOMERS, i * 1.5));
    }
    db.batch(batch);
  }

  @Test
  void anIndexCutsTheRowsRead() {
    D1PreparedStatement byCustomer =
        db.prepare("SELECT * FROM orders WHERE customer_id = ?").bind(42);

    // without an index: a full scan, every order is read (and billed)
    assertThat(byCustomer.all()).hasRowCount(ORDERS / CUSTOMERS).readRows(ORDERS);

    db.prepare("CREATE INDEX IF NOT EXISTS idx_orders_customer_id ON orders (customer_id)").run();

    // with the index: the 10 matching entries and at most one more
    assertThat(byCustomer.all()).hasRowCount(ORDERS / CUSTOMERS).readAtMost(ORDERS / CUSTOMERS + 1);
  }

  @Test
  void creatingTheIndexWritesOneEntryPerRow() {
    assertThat(db.prepare("CREATE INDEX idx_orders_customer_id ON orders (customer_id)").run())
        .wroteRows(ORDERS + 1);
  }
}
