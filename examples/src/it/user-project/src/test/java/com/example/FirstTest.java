package com.example;

import static io.github.d1java.testkit.D1Assertions.assertThat;

import io.github.d1java.D1Database;
import io.github.d1java.testkit.D1Inject;
import io.github.d1java.testkit.D1Test;
import org.junit.jupiter.api.Test;

@D1Test
class FirstTest {
  @D1Inject D1Database db;

  @Test
  void runsAgainstAFreshDatabase() {
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
    db.prepare("INSERT INTO notes (text) VALUES (?)").bind("hello").run();
    assertThat(db).table("notes").hasRowCount(1).containsRow("text", "hello");
  }
}
