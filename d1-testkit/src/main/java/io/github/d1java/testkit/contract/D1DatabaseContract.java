package io.github.d1java.testkit.contract;

import io.github.d1java.D1Database;

/**
 * The backend contract suite under its old name, kept so that existing tests keep compiling and
 * running: it is {@link io.github.d1java.contract.D1DatabaseContract} from the {@code d1-contract}
 * artifact (which {@code d1-testkit} depends on), with every area of the suite.
 *
 * <p>Subclass it and implement {@link #newDatabase()}, exactly as before. Not thread-safe; JUnit
 * creates one instance per test.
 *
 * @deprecated extend {@link io.github.d1java.contract.D1DatabaseContract} (artifact {@code
 *     d1-contract}) instead; this alias will be removed in a later release.
 */
@Deprecated(since = "0.1.0")
public abstract class D1DatabaseContract extends io.github.d1java.contract.D1DatabaseContract {

  /** Creates a test. */
  protected D1DatabaseContract() {}

  @Override
  protected abstract D1Database newDatabase();
}
