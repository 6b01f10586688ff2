package io.github.d1java.testkit.contract;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;

/**
 * A backend test written against the suite's old name still compiles and runs every area: the
 * deprecated alias re-exports {@code d1-contract}'s suite.
 */
@SuppressWarnings("deprecation")
class DeprecatedContractAliasTest extends D1DatabaseContract {

  @Override
  protected D1Database newDatabase() {
    return D1Sqlite.inMemory();
  }
}
