package io.github.d1java.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1SqlException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HikariCP reader pool behind a file database. */
class ReaderPoolTest {

  @TempDir Path dir;

  private EngineConfig config(int readers) {
    return new EngineConfig(dir.resolve("p.db"), null, readers, 5000, 1_000_000, 16);
  }

  @Test
  void aReaderIsReadOnlyKeepsItsStatementCacheAndHasD1Limits() throws Exception {
    try (SqliteEngine engine = SqliteEngine.open(config(1))) {
      engine.exec("CREATE TABLE t (v)");
      Connections connections = Connections.open(config(1));
      try {
        Conn first = connections.takeReader();
        assertThat(first.connection().isReadOnly()).isTrue();
        assertThatThrownBy(() -> first.prepare("INSERT INTO t VALUES (1)").executeUpdate())
            .hasMessageContaining("readonly");
        String six = String.join(" UNION ", java.util.Collections.nCopies(6, "SELECT 1"));
        assertThatThrownBy(() -> first.prepare(six)).hasMessageContaining("too many terms");
        connections.returnReader(first);
        Conn again = connections.takeReader();
        assertThat(again).as("the same physical connection and statement cache").isSameAs(first);
        connections.returnReader(again);
      } finally {
        connections.markClosed();
        connections.closeReaders(connections.closeWriter());
      }
    }
  }

  @Test
  void aThreadWaitingForTheOnlyReaderFailsWhenTheDatabaseCloses() throws Exception {
    Connections connections = Connections.open(config(1));
    Conn held = connections.takeReader();
    CompletableFuture<Conn> waiter = CompletableFuture.supplyAsync(connections::takeReader);
    connections.markClosed();
    assertThatThrownBy(() -> waiter.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(D1SqlException.class)
        .hasMessageContaining("Database is closed.");
    connections.returnReader(held);
    assertThat(connections.closeReaders(connections.closeWriter())).isNull();
  }
}
