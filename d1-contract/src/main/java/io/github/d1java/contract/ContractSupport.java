package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.d1java.D1ColumnNotFoundException;
import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every area of the contract suite shares: the database under test, opened fresh from {@link
 * #newDatabase()} before every test and closed after it, and the helpers the tests use.
 *
 * <p>Subclass one of the area classes ({@link BatchContract}, {@link ErrorsContract}, ...) or the
 * {@link D1DatabaseContract} facade that runs them all; this class has no tests of its own.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ContractSupport {

  /** The exact message D1 gives for SQL {@code BEGIN} and {@code SAVEPOINT} (spec §4.2). */
  public static final String TRANSACTION_MESSAGE =
      "D1_ERROR: To execute a transaction, please use the state.storage.transaction() or"
          + " state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or"
          + " SAVEPOINT statements. The JavaScript API is safer because it will automatically"
          + " roll back on exceptions, and because it interacts correctly with Durable Objects'"
          + " automatic atomic write coalescing.";

  /** The database under test; fresh and empty for every test, null before the first. */
  protected D1Database db;

  /** Creates a test. */
  protected ContractSupport() {}

  /**
   * A new, empty database. Called once before every test; the suite closes it afterwards.
   *
   * @return a database nobody else uses; never null
   */
  protected abstract D1Database newDatabase();

  @BeforeEach
  final void openDatabase() {
    db = newDatabase();
    assertThat(db).as("newDatabase()").isNotNull();
  }

  @AfterEach
  final void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }

  /**
   * Runs each statement with {@code run()}.
   *
   * @param statements SQL statements without parameters
   */
  protected final void sql(String... statements) {
    for (String s : statements) {
      db.prepare(s).run();
    }
  }

  /**
   * Asserts that {@code call} throws {@code type} with exactly {@code message}, and that its cause
   * carries the message without the code prefix, as D1's errors do ({@code D1_COLUMN_NOTFOUND}'s
   * cause says only {@code Column not found}).
   *
   * @param type the expected exception type
   * @param message the exact expected message
   * @param call the call
   * @param <E> the exception type
   * @return the exception
   */
  protected static <E extends D1Exception> E assertD1Error(
      Class<E> type, String message, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(type).hasMessage(message);
    E e = type.cast(t);
    assertThat(e.getCause()).as("cause of " + message).isNotNull();
    String causeMessage = e instanceof D1ColumnNotFoundException ? "Column not found" : e.detail();
    assertThat(e.getCause().getMessage()).isEqualTo(causeMessage);
    return e;
  }

  /**
   * The number of rows in {@code table}.
   *
   * @param table a table name, inserted into the SQL as is
   * @return {@code SELECT count(*)} of the table
   */
  protected final long count(String table) {
    Long n = db.prepare("SELECT count(*) AS n FROM " + table).first("n");
    return n;
  }

  /**
   * A row as D1 returns it: an ordered map.
   *
   * @param keysAndValues column name, value, column name, value, ...; values may be null
   * @return a new mutable map in the given order
   */
  protected static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * {@code text} repeated {@code n} times, every {@code #} replaced by the repetition's number
   * (from 1).
   *
   * @param text the text to repeat
   * @param n how many times
   * @return the concatenation
   */
  protected static String repeat(String text, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> text.replace("#", Integer.toString(i)))
        .collect(Collectors.joining());
  }
}
