package io.github.d1java.contract;

import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1DumpException;
import org.junit.jupiter.api.Nested;

/**
 * The behaviour every {@link D1Database} backend must show, as an abstract JUnit 5 test class: a
 * backend's test subclasses it and implements {@link #newDatabase()}.
 *
 * <pre>{@code
 * class D1SqliteContractTest extends D1DatabaseContract {
 *   @Override
 *   protected D1Database newDatabase() {
 *     return D1Sqlite.inMemory();
 *   }
 * }
 * }</pre>
 *
 * <p>This class is a facade: each area of the API has its own abstract class in this package
 * ({@link PrepareContract}, {@link BatchContract}, {@link ErrorsContract}, ...), and this class
 * runs every one of them as a {@code @Nested} test class against {@link #newDatabase()}. A backend
 * that wants only some areas extends those classes directly.
 *
 * <p>Expected values are D1's, from Cloudflare's binding code and from running the same calls on
 * Miniflare (the {@code conformance} module re-checks them). Where this library deliberately
 * differs from Miniflare the Java API's documented semantics are asserted: integers bind and read
 * back as exact 64-bit {@link Long}s, REALs read as {@link Double}, BLOBs as {@code byte[]}.
 *
 * <p>Every test gets a fresh, empty database from {@link #newDatabase()}, which the suite closes
 * after the test. Backends that legitimately differ override the capability hooks ({@link
 * #supportsDump()}, {@link #supportsSessionBookmarks()}); the suite then asserts the documented
 * alternative behaviour instead of skipping.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class D1DatabaseContract {

  /** The exact message D1 gives for SQL {@code BEGIN} and {@code SAVEPOINT} (spec §4.2). */
  public static final String TRANSACTION_MESSAGE = ContractSupport.TRANSACTION_MESSAGE;

  /** Creates a test. */
  protected D1DatabaseContract() {}

  /**
   * A new, empty database. Called once before every test; the suite closes it afterwards.
   *
   * @return a database nobody else uses; never null
   */
  protected abstract D1Database newDatabase();

  /**
   * Whether {@link D1Database#dump()} returns the database file. When false the suite asserts that
   * {@code dump()} throws {@link D1DumpException} instead.
   *
   * @return true by default
   */
  protected boolean supportsDump() {
    return true;
  }

  /**
   * Whether sessions receive bookmarks from the backend. When false the suite asserts that {@link
   * D1DatabaseSession#getBookmark()} stays null for sessions not started from a bookmark.
   *
   * @return true by default
   */
  protected boolean supportsSessionBookmarks() {
    return true;
  }

  /**
   * See {@link TypesContract#bindsUnsafeIntegersAsText()}.
   *
   * @return false by default
   */
  protected boolean bindsUnsafeIntegersAsText() {
    return false;
  }

  /**
   * See {@link TypesContract#readsNumbersAsJavaScriptNumbers()}.
   *
   * @return false by default
   */
  protected boolean readsNumbersAsJavaScriptNumbers() {
    return false;
  }

  /**
   * See {@link TypesContract#bindsNumbersAsReal()}.
   *
   * @return false by default
   */
  protected boolean bindsNumbersAsReal() {
    return false;
  }

  /**
   * See {@link ForeignKeysContract#reportsDeferredViolationAsObjectReset()}.
   *
   * @return false by default
   */
  protected boolean reportsDeferredViolationAsObjectReset() {
    return false;
  }

  /** {@link PrepareContract} against this backend. */
  @Nested
  class Prepare extends PrepareContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link BindContract} against this backend. */
  @Nested
  class Bind extends BindContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link TypesContract} against this backend. */
  @Nested
  class Types extends TypesContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }

    @Override
    protected boolean bindsUnsafeIntegersAsText() {
      return D1DatabaseContract.this.bindsUnsafeIntegersAsText();
    }

    @Override
    protected boolean readsNumbersAsJavaScriptNumbers() {
      return D1DatabaseContract.this.readsNumbersAsJavaScriptNumbers();
    }

    @Override
    protected boolean bindsNumbersAsReal() {
      return D1DatabaseContract.this.bindsNumbersAsReal();
    }
  }

  /** {@link FreshDatabaseContract} against this backend. */
  @Nested
  class FreshDatabase extends FreshDatabaseContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link AllAndRunContract} against this backend. */
  @Nested
  class AllAndRun extends AllAndRunContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link FirstContract} against this backend. */
  @Nested
  class First extends FirstContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link RawContract} against this backend. */
  @Nested
  class Raw extends RawContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link MultipleStatementsContract} against this backend. */
  @Nested
  class MultipleStatements extends MultipleStatementsContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link BatchContract} against this backend. */
  @Nested
  class Batch extends BatchContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link ExecContract} against this backend. */
  @Nested
  class Exec extends ExecContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link MetaContract} against this backend. */
  @Nested
  class Meta extends MetaContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link ForeignKeysContract} against this backend. */
  @Nested
  class ForeignKeys extends ForeignKeysContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }

    @Override
    protected boolean reportsDeferredViolationAsObjectReset() {
      return D1DatabaseContract.this.reportsDeferredViolationAsObjectReset();
    }
  }

  /** {@link AuthorizerContract} against this backend. */
  @Nested
  class Authorizer extends AuthorizerContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link LimitsContract} against this backend. */
  @Nested
  class Limits extends LimitsContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link ErrorsContract} against this backend. */
  @Nested
  class Errors extends ErrorsContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link SessionsContract} against this backend. */
  @Nested
  class Sessions extends SessionsContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }

    @Override
    protected boolean supportsSessionBookmarks() {
      return D1DatabaseContract.this.supportsSessionBookmarks();
    }
  }

  /** {@link TypedMappingContract} against this backend. */
  @Nested
  class TypedMapping extends TypedMappingContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link IdempotentContract} against this backend. */
  @Nested
  class Idempotent extends IdempotentContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link DumpContract} against this backend. */
  @Nested
  class Dump extends DumpContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }

    @Override
    protected boolean supportsDump() {
      return D1DatabaseContract.this.supportsDump();
    }
  }

  /** {@link CloseContract} against this backend. */
  @Nested
  class Close extends CloseContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link ThreadSafetyContract} against this backend. */
  @Nested
  class ThreadSafety extends ThreadSafetyContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link WorkerdHappyPathContract} against this backend. */
  @Nested
  class WorkerdHappyPath extends WorkerdHappyPathContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }

  /** {@link MiniflareSuiteContract} against this backend. */
  @Nested
  class MiniflareSuite extends MiniflareSuiteContract {
    @Override
    protected D1Database newDatabase() {
      return D1DatabaseContract.this.newDatabase();
    }
  }
}
