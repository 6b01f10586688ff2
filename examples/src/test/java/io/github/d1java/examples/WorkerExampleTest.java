package io.github.d1java.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import org.junit.jupiter.api.Test;

class WorkerExampleTest {

  @Test
  void sessionCodeReadsItsWriteBackThroughABookmark() {
    try (D1Database db = D1Sqlite.inMemory()) {
      db.exec("CREATE TABLE Customers (CustomerId INTEGER PRIMARY KEY, CompanyName TEXT)");
      assertThat(WorkerExample.sessions(db)).containsEntry("CompanyName", "Bs Beverages");
    }
  }

  @Test
  void openNamesTheMissingVariableWhenTheEnvironmentHasNone() {
    assumeTrue(System.getenv("D1_WORKER_URL") == null, "D1_WORKER_URL is set here");
    assertThatThrownBy(WorkerExample::open).hasMessage("D1_WORKER_URL is not set");
  }
}
