package io.github.d1java.examples;

// snippet:start testing
import static io.github.d1java.testkit.D1Assertions.assertThat;

import io.github.d1java.D1Database;
import io.github.d1java.testkit.D1Inject;
import io.github.d1java.testkit.D1Test;
import org.junit.jupiter.api.Test;

@D1Test(migrations = "migrations", seed = "seed.sql")
class OrdersTest {
  @D1Inject D1Database db; // a fresh, migrated, seeded copy for every test

  @Test
  void placesAnOrder() {
    db.prepare("INSERT INTO orders (item) VALUES (?)").bind("cake").run();
    assertThat(db).table("orders").hasRowCount(2).containsRow("item", "cake");
  }
}
// snippet:end testing
