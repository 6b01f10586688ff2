package io.github.d1java.sqlite;

import io.github.d1java.D1Database;
import io.github.d1java.contract.D1DatabaseContract;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite against the local engine's file database (WAL). */
class D1SqliteFileContractTest extends D1DatabaseContract {

  @TempDir Path dir;

  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected D1Database newDatabase() {
    return D1Sqlite.open(dir.resolve("contract-" + files.incrementAndGet() + ".sqlite"));
  }
}
