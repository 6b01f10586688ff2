package io.github.d1java.testkit;

import static io.github.d1java.testkit.D1Assertions.assertThat;

import io.github.d1java.D1Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code D1Extension} example of d1-testkit/README.md. */
class D1ExtensionReadmeTest {

  // snippet:start extension
  @RegisterExtension
  final D1Extension d1 =
      D1Extension.builder()
          .migrations("testkit/migrations") // or .migrations(Path), or .migrations(D1Migrations)
          .schema("testkit/schema.sql")
          .seed("testkit/seed.sql")
          .inMemory() // or .file()
          .build();

  @Test
  void test() {
    D1Database db = d1.database();
    assertThat(db).table("orders").hasRowCount(1);
  }
  // snippet:end extension
}
