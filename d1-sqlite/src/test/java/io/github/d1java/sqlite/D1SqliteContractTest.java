package io.github.d1java.sqlite;

import io.github.d1java.D1Database;
import io.github.d1java.contract.D1DatabaseContract;

/** The contract suite against the local engine's in-memory database. */
class D1SqliteContractTest extends D1DatabaseContract {

  @Override
  protected D1Database newDatabase() {
    return D1Sqlite.inMemory();
  }
}
