package io.github.d1java.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.d1java.D1ColumnNotFoundException;
import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1DumpException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import io.github.d1java.D1MappingException;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TypeException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
 * <p>Expected values are D1's, from Cloudflare's binding code and from running the same calls on
 * Miniflare (the {@code conformance} module re-checks them). Where this library deliberately
 * differs from Miniflare the Java API's documented semantics are asserted: integers bind and read
 * back as exact 64-bit {@link Long}s, REALs read as {@link Double}, BLOBs as {@code byte[]}.
 *
 * <p>Every test gets a fresh, empty database from {@link #newDatabase()}, which this class closes
 * after the test. Backends that legitimately differ override the capability hooks ({@link
 * #supportsDump()}, {@link #supportsSessionBookmarks()}); the suite then asserts the documented
 * alternative behaviour instead of skipping.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class D1DatabaseContract {

  /** The database under test; fresh and empty for every test. */
  protected D1Database db;

  /** The exact message D1 gives for SQL {@code BEGIN} and {@code SAVEPOINT} (spec §4.2). */
  public static final String TRANSACTION_MESSAGE =
      "D1_ERROR: To execute a transaction, please use the state.storage.transaction() or"
          + " state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or"
          + " SAVEPOINT statements. The JavaScript API is safer because it will automatically"
          + " roll back on exceptions, and because it interacts correctly with Durable Objects'"
          + " automatic atomic write coalescing.";

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
   * Whether a bound integer beyond &plusmn;2<sup>53</sup> travels as the text of its digits, as the
   * JSON transports (REST and Worker) send it so that D1's JavaScript numbers cannot round it. When
   * true the suite expects such a value back as a {@link String} with {@code typeof} {@code text}
   * where the column has no INTEGER affinity (for example {@code SELECT ?}); in an INTEGER column
   * it is stored exactly either way.
   *
   * @return false by default
   */
  protected boolean bindsUnsafeIntegersAsText() {
    return false;
  }

  /**
   * Whether the backend reads numbers as D1's JSON transport carries them, as JavaScript numbers:
   * a REAL with an integral value arrives as a {@link Long} ({@code 1.0} as {@code 1L}) and an
   * integer beyond &plusmn;2<sup>53</sup> arrives rounded. True for D1 itself (through the Worker
   * binding); the suite then expects those values as D1 gives them.
   *
   * @return false by default
   */
  protected boolean readsNumbersAsJavaScriptNumbers() {
    return false;
  }

  /**
   * Whether the backend binds every number as a SQLite REAL, as Miniflare's workerd does ({@code
   * sqlite3_bind_double} for any JavaScript number, see conformance/divergences.json {@code
   * types/integer-bind}): {@code typeof(?)} of a bound {@code 42} is {@code real} there. When
   * true the suite expects {@code real} for bound Java integers and booleans.
   *
   * @return false by default
   */
  protected boolean bindsNumbersAsReal() {
    return false;
  }

  /**
   * Whether a foreign key violation left at commit (deferred) is reported as the Durable Object
   * reset that workerd's D1 raises ({@code D1_ERROR: Durable Object was reset and rolled back ...:
   * FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)})
   * rather than as SQLite's own text. Either way it is a {@link
   * io.github.d1java.D1ConstraintException} and nothing is committed.
   *
   * @return false by default
   */
  protected boolean reportsDeferredViolationAsObjectReset() {
    return false;
  }

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

  // ---------------------------------------------------------------------------------------------
  // helpers

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

  private long count(String table) {
    Long n = db.prepare("SELECT count(*) AS n FROM " + table).first("n");
    return n;
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static String repeat(String text, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> text.replace("#", Integer.toString(i)))
        .collect(Collectors.joining());
  }

  // ---------------------------------------------------------------------------------------------

  /** {@code prepare}: no I/O, no validation, exposes its SQL. */
  @Nested
  class Prepare {

    @Test
    void exposesStatementAndEmptyParams() {
      D1PreparedStatement st = db.prepare("SELECT 1");
      assertThat(st.statement()).isEqualTo("SELECT 1");
      assertThat(st.params()).isEmpty();
    }

    @Test
    void doesNotValidateUntilRun() {
      D1PreparedStatement st = db.prepare("SELEC nonsense");
      assertThat(st.statement()).isEqualTo("SELEC nonsense");
      assertThatThrownBy(st::all).isInstanceOf(D1SqlException.class);
    }

    @Test
    void rejectsNullSql() {
      assertThatThrownBy(() -> db.prepare(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void statementCanRunManyTimes() {
      sql("CREATE TABLE t (v INTEGER)");
      D1PreparedStatement insert = db.prepare("INSERT INTO t VALUES (?)");
      for (long i = 0; i < 5; i++) {
        insert.bind(i).run();
      }
      assertThat(count("t")).isEqualTo(5L);
    }
  }

  /** {@code bind}: immutable, eager type checks, arity checked at run time. */
  @Nested
  class Bind {

    @Test
    void returnsNewStatementAndLeavesOriginalUntouched() {
      D1PreparedStatement st = db.prepare("SELECT ? AS v");
      D1PreparedStatement bound = st.bind(1);
      assertThat(bound).isNotSameAs(st);
      assertThat(st.params()).isEmpty();
      assertThat(bound.params()).containsExactly(1L);
      assertThat(bound.statement()).isEqualTo(st.statement());
    }

    @Test
    void secondBindReplacesValues() {
      D1PreparedStatement st = db.prepare("SELECT ? AS v").bind(1).bind(2);
      assertThat(st.params()).containsExactly(2L);
      assertThat((Long) st.first("v")).isEqualTo(2L);
    }

    @Test
    void paramsAreConvertedAndUnmodifiable() {
      D1PreparedStatement st =
          db.prepare("SELECT ?, ?, ?, ?, ?")
              .bind(1, true, 2.5f, ByteBuffer.wrap(new byte[] {7}), null);
      assertThat(st.params()).hasSize(5);
      assertThat(st.params().get(0)).isEqualTo(1L);
      assertThat(st.params().get(1)).isEqualTo(1L);
      assertThat(st.params().get(2)).isEqualTo(2.5d);
      assertThat(st.params().get(3)).isEqualTo(new byte[] {7});
      assertThat(st.params().get(4)).isNull();
      assertThatThrownBy(() -> st.params().add(1))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesByteArraysAtBindTime() {
      byte[] bytes = {1, 2, 3};
      D1PreparedStatement st = db.prepare("SELECT ? AS b").bind((Object) bytes);
      bytes[0] = 99;
      assertThat((byte[]) st.first("b")).containsExactly(1, 2, 3);
    }

    @Test
    void nullArrayBindsOneNull() {
      D1PreparedStatement st = db.prepare("SELECT ? AS v").bind((Object[]) null);
      assertThat(st.params()).containsExactly((Object) null);
      assertThat((Object) st.first("v")).isNull();
    }

    static Stream<Arguments> unsupportedValues() {
      return Stream.of(
          Arguments.of(
              Map.of("a", 1),
              "D1_TYPE_ERROR: Type 'object' not supported for value" + " '[object Object]'"),
          Arguments.of(
              List.of(1, 256), "D1_TYPE_ERROR: Type 'object' not supported for value" + " '1,256'"),
          Arguments.of(
              BigInteger.TEN, "D1_TYPE_ERROR: Type 'bigint' not supported for value" + " '10'"),
          Arguments.of(
              LocalDate.of(2024, 1, 2),
              "D1_TYPE_ERROR: Type 'object' not supported" + " for value '2024-01-02'"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedValues")
    void rejectsUnsupportedTypesEagerlyWithD1TypeError(Object value, String message) {
      D1PreparedStatement st = db.prepare("SELECT ?");
      assertD1Error(D1TypeException.class, message, () -> st.bind(value));
      assertThat(st.params()).isEmpty();
    }

    @Test
    void unsupportedValueInTheMiddleRejectsTheWholeBind() {
      assertThatThrownBy(() -> db.prepare("SELECT ?, ?, ?").bind(1, Map.of(), 3))
          .isInstanceOf(D1TypeException.class);
    }

    static Stream<Arguments> wrongArity() {
      return Stream.of(
          Arguments.of("SELECT ?, ?", new Object[] {1}),
          Arguments.of("SELECT ?", new Object[] {1, 2}),
          Arguments.of("SELECT ?", new Object[] {}),
          Arguments.of("SELECT '?' AS q", new Object[] {1}),
          Arguments.of("SELECT ?2 AS v", new Object[] {1}));
    }

    @ParameterizedTest
    @MethodSource("wrongArity")
    void checksArityWhenRun(String sql, Object[] values) {
      D1PreparedStatement st = db.prepare(sql).bind(values);
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: Wrong number of parameter bindings for SQL query.",
          st::all);
    }

    @Test
    void unboundPlaceholderFailsLikeWrongArity() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: Wrong number of parameter bindings for SQL query.",
          () -> db.prepare("SELECT ?").all());
    }

    @Test
    void orderedParametersFollowTheirNumbers() {
      assertThat(db.prepare("SELECT ?3 AS a, ?1 AS b, ?2 AS c").bind("x", "y", "z").first())
          .isEqualTo(row("a", "z", "b", "x", "c", "y"));
    }

    @Test
    void anonymousAfterNumberedReusesTheNumber() {
      assertThat(db.prepare("SELECT ? AS a, ?1 AS b").bind(7).first())
          .isEqualTo(row("a", 7L, "b", 7L));
    }

    @Test
    void namedPlaceholdersBindPositionallyInOrderOfFirstUse() {
      assertThat(db.prepare("SELECT :a AS a, @b AS b, $c AS c, :a AS a2").bind(1, 2, 3).first())
          .isEqualTo(row("a", 1L, "b", 2L, "c", 3L, "a2", 1L));
    }

    @Test
    void likePatternBinds() {
      sql(
          "CREATE TABLE c (name TEXT)",
          "INSERT INTO c VALUES ('Bs Beverages'), ('Alfreds Futterkiste'), ('Never Mind')");
      assertThat(
              db.prepare("SELECT name FROM c WHERE name LIKE ? ORDER BY name").bind("%eve%").raw())
          .containsExactly(List.of("Bs Beverages"), List.of("Never Mind"));
    }
  }

  /** Every supported Java type through {@code bind} and back. */
  @Nested
  class Types {

    static Stream<Arguments> roundTrips() {
      return Stream.of(
          Arguments.of("Long.MAX_VALUE", Long.MAX_VALUE, Long.MAX_VALUE, "integer"),
          Arguments.of("Long.MIN_VALUE", Long.MIN_VALUE, Long.MIN_VALUE, "integer"),
          Arguments.of("2^53+1 exact", 9007199254740993L, 9007199254740993L, "integer"),
          Arguments.of("Integer", 42, 42L, "integer"),
          Arguments.of("Short", (short) -7, -7L, "integer"),
          Arguments.of("Byte", (byte) 5, 5L, "integer"),
          Arguments.of("Double", 1.5d, 1.5d, "real"),
          Arguments.of("Float", 0.25f, 0.25d, "real"),
          Arguments.of("whole Double", 2.0d, 2.0d, "real"),
          Arguments.of("String", "hi", "hi", "text"),
          Arguments.of("empty String", "", "", "text"),
          Arguments.of("emoji", "héllo 👋🏽 世界", "héllo 👋🏽 世界", "text"),
          Arguments.of(
              "byte[]", new byte[] {0, 1, 2, (byte) 255}, new byte[] {0, 1, 2, (byte) 255}, "blob"),
          Arguments.of("empty byte[]", new byte[0], new byte[0], "blob"),
          Arguments.of("Boolean true", true, 1L, "integer"),
          Arguments.of("Boolean false", false, 0L, "integer"),
          Arguments.of("null", null, null, "null"),
          Arguments.of("NaN", Double.NaN, null, "null"),
          Arguments.of("Infinity", Double.POSITIVE_INFINITY, null, "null"),
          Arguments.of("-Infinity", Double.NEGATIVE_INFINITY, null, "null"),
          Arguments.of("Float NaN", Float.NaN, null, "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void bindsAndReadsBack(String label, Object value, Object expected, String sqliteType) {
      if (bindsUnsafeIntegersAsText() && isUnsafeInteger(value)) {
        expected = value.toString();
        sqliteType = "text";
      }
      if (bindsNumbersAsReal() && "integer".equals(sqliteType)) {
        sqliteType = "real";
      }
      if (readsNumbersAsJavaScriptNumbers() && expected instanceof Double) {
        expected = jsNumber((Double) expected);
      }
      Map<String, Object> r = db.prepare("SELECT ? AS v, typeof(?1) AS t").bind(value).first();
      assertThat(r.get("v")).isEqualTo(expected);
      assertThat(r.get("t")).isEqualTo(sqliteType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void storesAndReadsBackFromAnUntypedColumn(
        String label, Object value, Object expected, String sqliteType) {
      if (bindsUnsafeIntegersAsText() && isUnsafeInteger(value)) {
        expected = value.toString();
        sqliteType = "text";
      }
      if (bindsNumbersAsReal() && "integer".equals(sqliteType)) {
        sqliteType = "real";
      }
      if (readsNumbersAsJavaScriptNumbers() && expected instanceof Double) {
        expected = jsNumber((Double) expected);
      }
      sql("CREATE TABLE v (x)");
      db.prepare("INSERT INTO v VALUES (?)").bind(value).run();
      List<List<Object>> rows = db.prepare("SELECT x, typeof(x) AS t FROM v").raw();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).get(0)).isEqualTo(expected);
      assertThat(rows.get(0).get(1)).isEqualTo(sqliteType);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 9007199254740993L, -9007199254740993L})
    void storesUnsafeIntegersExactlyInAnIntegerColumn(long value) {
      sql("CREATE TABLE v (x INTEGER)");
      db.prepare("INSERT INTO v VALUES (?)").bind(value).run();
      Map<String, Object> r =
          db.prepare("SELECT CAST(x AS TEXT) AS s, typeof(x) AS t, x = ? AS eq FROM v")
              .bind(value)
              .first();
      assertThat(r).containsEntry("s", Long.toString(value)).containsEntry("t", "integer");
      assertThat(r.get("eq")).isEqualTo(1L);
    }

    @Test
    void byteBufferBindsItsRemainingBytes() {
      ByteBuffer buf = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
      buf.position(1);
      assertThat((byte[]) db.prepare("SELECT ? AS b").bind(buf).first("b"))
          .containsExactly(8, 7, 6);
      assertThat(buf.position()).as("the caller's buffer is not consumed").isEqualTo(1);
    }

    @Test
    void readsIntegerExtremesExactly() {
      assertThat(
              db.prepare(
                      "SELECT 9223372036854775807 AS mx, -9223372036854775808 AS mn,"
                          + " 9007199254740993 AS p")
                  .first())
          .isEqualTo(
              readsNumbersAsJavaScriptNumbers()
                  ? row("mx", 9.223372036854776E18, "mn", -9.223372036854776E18, "p", 1L << 53)
                  : row("mx", Long.MAX_VALUE, "mn", Long.MIN_VALUE, "p", 9007199254740993L));
    }

    @Test
    void readsRealsAsDoubles() {
      assertThat(db.prepare("SELECT 1.0 AS v, 0.1 + 0.2 AS s").first())
          .isEqualTo(row("v", jsNumberIfD1(1.0d), "s", 0.30000000000000004d));
    }

    @Test
    void readsBlobsAsByteArrays() {
      Map<String, Object> r = db.prepare("SELECT x'0102ff' AS b, zeroblob(0) AS z").first();
      assertThat((byte[]) r.get("b")).containsExactly(1, 2, 255);
      assertThat((byte[]) r.get("z")).isEmpty();
    }

    @Test
    void textIntoIntegerColumnTakesIntegerAffinity() {
      sql("CREATE TABLE ai (i INTEGER)");
      db.prepare("INSERT INTO ai VALUES (?)").bind("123").run();
      assertThat(db.prepare("SELECT i, typeof(i) AS t FROM ai").first())
          .isEqualTo(row("i", 123L, "t", "integer"));
    }

    @Test
    void realIntoIntegerColumnStaysRealUnlessWhole() {
      sql("CREATE TABLE ri (i INTEGER)");
      db.prepare("INSERT INTO ri VALUES (?), (?)").bind(1.5, 2.0).run();
      assertThat(db.prepare("SELECT i, typeof(i) FROM ri").raw())
          .containsExactly(List.of(1.5d, "real"), List.of(2L, "integer"));
    }

    @Test
    void numericTextStaysText() {
      assertThat(db.prepare("SELECT ?, typeof(?1), ? + 1").bind("007", "41").raw())
          .containsExactly(List.of("007", "text", 42L));
    }

    @Test
    void strictTableRejectsText() {
      sql("CREATE TABLE st (i INTEGER) STRICT");
      assertD1Error(
          D1ConstraintException.class,
          "D1_ERROR: cannot store TEXT value in INTEGER column st.i: SQLITE_CONSTRAINT"
              + " (extended: SQLITE_CONSTRAINT_DATATYPE)",
          () -> db.prepare("INSERT INTO st VALUES (?)").bind("abc").run());
    }

    @Test
    void strictTableRejectsFractionalReal() {
      sql("CREATE TABLE st (i INTEGER) STRICT");
      assertD1Error(
          D1ConstraintException.class,
          "D1_ERROR: cannot store REAL value in INTEGER column st.i: SQLITE_CONSTRAINT"
              + " (extended: SQLITE_CONSTRAINT_DATATYPE)",
          () -> db.prepare("INSERT INTO st VALUES (?)").bind(1.5).run());
    }

    @Test
    void largeTextAndBlobRoundTrip() {
      String text = "ü".repeat(300_000);
      byte[] blob = new byte[500_000];
      Arrays.fill(blob, (byte) 0x5a);
      Map<String, Object> r = db.prepare("SELECT ? AS t, ? AS b").bind(text, blob).first();
      assertThat(r.get("t")).isEqualTo(text);
      assertThat((byte[]) r.get("b")).isEqualTo(blob);
    }
  }

  /** Reads on a database nobody has written to yet. */
  @Nested
  class FreshDatabase {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1 AS v",
          "SELECT 1 AS x; SELECT 2 AS y",
          "PRAGMA foreign_keys",
          "PRAGMA quick_check",
          "PRAGMA foreign_key_check",
          "PRAGMA table_list"
        })
    void readDoesNotChangeTheDatabase(String sql) {
      D1Meta m = db.prepare(sql).all().meta();
      assertThat(m.changes()).isZero();
      assertThat(m.lastRowId()).isZero();
      assertThat(m.changedDb()).as("changed_db").isFalse();
    }

    @Test
    void batchOfReadsDoesNotChangeTheDatabase() {
      List<D1Result<Map<String, Object>>> rs =
          db.batch(db.prepare("SELECT 1 AS a, 2 AS a"), db.prepare("SELECT 2 AS v"));
      assertThat(rs.get(0).results()).containsExactly(row("a", 2L));
      assertThat(rs).extracting(r -> r.meta().changedDb()).containsOnly(false);
    }

    @Test
    void hasNoUserTables() {
      assertThat(
              db.prepare(
                      "SELECT name FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
                  .raw())
          .isEmpty();
    }
  }

  /** {@code all()} and {@code run()}: rows as ordered maps plus meta. */
  @Nested
  class AllAndRun {

    @BeforeEach
    void table() {
      sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    }

    @Test
    void allReturnsRowsInColumnOrder() {
      sql("INSERT INTO t (name) VALUES ('a'), ('b')");
      D1Result<Map<String, Object>> r = db.prepare("SELECT name, id FROM t ORDER BY id").all();
      assertThat(r.success()).isTrue();
      assertThat(r.results())
          .containsExactly(row("name", "a", "id", 1L), row("name", "b", "id", 2L));
      assertThat(new ArrayList<>(r.results().get(0).keySet())).containsExactly("name", "id");
    }

    @Test
    void writeWithoutReturningHasEmptyResults() {
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('a')").all().results()).isEmpty();
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('b')").run().results()).isEmpty();
      assertThat(count("t")).isEqualTo(2L);
    }

    @Test
    void runReturnsRowsLikeAll() {
      sql("INSERT INTO t (name) VALUES ('a')");
      assertThat(db.prepare("SELECT name FROM t").run().results())
          .containsExactly(row("name", "a"));
    }

    @Test
    void returningRowsComeBackFromAllAndRun() {
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('a') RETURNING *").run().results())
          .containsExactly(row("id", 1L, "name", "a"));
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('b') RETURNING id").all().results())
          .containsExactly(row("id", 2L));
    }

    @Test
    void emptySelectHasEmptyResults() {
      assertThat(db.prepare("SELECT * FROM t").all().results()).isEmpty();
      assertThat(db.prepare("SELECT * FROM t").run().results()).isEmpty();
    }

    @Test
    void expressionColumnsAreNamedByTheirText() {
      assertThat(db.prepare("SELECT 1, count(*), 1+1").all().results())
          .containsExactly(row("1", 1L, "count(*)", 1L, "1+1", 2L));
      assertThat(db.prepare("SELECT 1 -- c").raw(true).get(0)).containsExactly("1 -- c");
    }

    @Test
    void resultsAreUnmodifiable() {
      D1Result<Map<String, Object>> r = db.prepare("SELECT 1 AS v").all();
      assertThatThrownBy(() -> r.results().add(Map.of()))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  /** {@code first()} and {@code first(column)}. */
  @Nested
  class First {

    @BeforeEach
    void table() {
      sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    }

    @Test
    void returnsNullWithoutRows() {
      assertThat(db.prepare("SELECT * FROM t").first()).isNull();
    }

    @Test
    void missingColumnWithoutRowsIsNullNotAnError() {
      assertThat((Object) db.prepare("SELECT * FROM t").first("missing")).isNull();
    }

    @Test
    void missingColumnOnARowThrowsColumnNotFound() {
      D1ColumnNotFoundException e =
          assertD1Error(
              D1ColumnNotFoundException.class,
              "D1_COLUMN_NOTFOUND: Column not found (missing)",
              () -> db.prepare("SELECT 1 AS name").first("missing"));
      assertThat(e.getCause()).hasMessage("Column not found");
      assertThat(e.column()).isEqualTo("missing");
    }

    @Test
    void columnLookupIsCaseSensitive() {
      assertThatThrownBy(() -> db.prepare("SELECT 'x' AS name").first("NAME"))
          .isInstanceOf(D1ColumnNotFoundException.class)
          .hasMessage("D1_COLUMN_NOTFOUND: Column not found (NAME)");
    }

    @Test
    void sqlNullValueIsNull() {
      assertThat((Object) db.prepare("SELECT NULL AS v").first("v")).isNull();
    }

    @Test
    void duplicateColumnNamesLastOneWins() {
      assertThat((String) db.prepare("SELECT 'A' AS c, 'B' AS d, 'C' AS c").first("c"))
          .isEqualTo("C");
      assertThat(db.prepare("SELECT 'A' AS c, 'B' AS d, 'C' AS c").first())
          .isEqualTo(row("c", "C", "d", "B"));
    }

    @Test
    void writeExecutesAndReturnsNull() {
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('a')").first()).isNull();
      assertThat(count("t")).isEqualTo(1L);
    }

    @Test
    void returnsTheFirstOfManyRows() {
      sql("INSERT INTO t (name) VALUES ('a'), ('b')");
      assertThat(db.prepare("SELECT * FROM t ORDER BY id").first())
          .isEqualTo(row("id", 1L, "name", "a"));
      assertThat((String) db.prepare("SELECT * FROM t ORDER BY id DESC").first("name"))
          .isEqualTo("b");
    }
  }

  /** {@code raw()} and {@code raw(true)}. */
  @Nested
  class Raw {

    @BeforeEach
    void table() {
      sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)");
    }

    @Test
    void returnsRowsAsListsInColumnOrder() {
      sql("INSERT INTO t (name, age) VALUES ('a', 1), ('b', NULL)");
      assertThat(db.prepare("SELECT * FROM t ORDER BY id").raw())
          .containsExactly(List.of(1L, "a", 1L), Arrays.asList(2L, "b", null));
    }

    @Test
    void emptySelectGivesNoRowsAndHeaderOnlyWithColumnNames() {
      assertThat(db.prepare("SELECT * FROM t").raw()).isEmpty();
      assertThat(db.prepare("SELECT * FROM t").raw(false)).isEmpty();
      assertThat(db.prepare("SELECT * FROM t").raw(true))
          .containsExactly(List.of("id", "name", "age"));
    }

    @Test
    void writeWithColumnNamesGivesOneEmptyHeaderRow() {
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('a')").raw(true))
          .containsExactly(List.of());
      assertThat(db.prepare("INSERT INTO t (name) VALUES ('b')").raw()).isEmpty();
      assertThat(count("t")).isEqualTo(2L);
    }

    @Test
    void keepsDuplicateColumns() {
      assertThat(db.prepare("SELECT 1 AS a, 2 AS b, 3 AS c, 'A' AS c").raw(true))
          .containsExactly(List.of("a", "b", "c", "c"), List.of(1L, 2L, 3L, "A"));
    }

    @Test
    void returningRowsWithHeader() {
      assertThat(
              db.prepare("INSERT INTO t (name) VALUES ('a'), ('b') RETURNING id, name").raw(true))
          .containsExactly(List.of("id", "name"), List.of(1L, "a"), List.of(2L, "b"));
    }

    @Test
    void columnNamesFalseIsRaw() {
      sql("INSERT INTO t (name, age) VALUES ('a', 1)");
      assertThat(db.prepare("SELECT * FROM t").raw(false))
          .isEqualTo(db.prepare("SELECT * FROM t").raw());
    }
  }

  /** Several {@code ;}-separated statements in one {@code prepare}. */
  @Nested
  class MultipleStatements {

    @Test
    void onlyTheLastStatementsRowsAreReturned() {
      assertThat(db.prepare("SELECT 1 AS x; SELECT 2 AS y").all().results())
          .containsExactly(row("y", 2L));
    }

    @Test
    void changesCoverEveryStatement() {
      sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
      D1Meta meta =
          db.prepare("INSERT INTO t (v) VALUES ('a'); INSERT INTO t (v) VALUES ('b')").run().meta();
      assertThat(meta.changes()).isEqualTo(2);
      assertThat(meta.lastRowId()).isEqualTo(2);
      assertThat(count("t")).isEqualTo(2L);
    }

    @Test
    void lastStatementMayHaveParameters() {
      assertThat((Long) db.prepare("SELECT 1; SELECT ? AS v").bind(5).first("v")).isEqualTo(5L);
    }

    @Test
    void parametersInAnEarlierStatementAreRejected() {
      sql("CREATE TABLE t (v TEXT)");
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: When executing multiple SQL statements in a single call, only the last"
              + " statement can have parameters.",
          () -> db.prepare("INSERT INTO t VALUES (?); SELECT 1").bind("a").run());
      assertThat(count("t")).isZero();
    }

    @Test
    void trailingCommentAfterTheLastSemicolonIsRejected() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: SQL code did not contain a statement.",
          () -> db.prepare("SELECT 1; -- c").all());
    }

    @Test
    void leadingCommentIsFine() {
      assertThat(db.prepare("-- c\nSELECT 1 AS v").all().results()).containsExactly(row("v", 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n  ", "  -- c"})
    void emptySqlIsRejected(String sql) {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: No SQL statements detected.",
          () -> db.prepare(sql).all());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "-- c"})
    void sqlWithoutAStatementIsRejected(String sql) {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: SQL code did not contain a statement.",
          () -> db.prepare(sql).all());
    }

    @Test
    void failingLaterStatementRollsBackEarlierOnes() {
      sql("CREATE TABLE u (name TEXT UNIQUE)");
      assertThatThrownBy(
              () -> db.prepare("INSERT INTO u VALUES ('a'); INSERT INTO u VALUES ('a')").run())
          .isInstanceOf(D1ConstraintException.class);
      assertThat(count("u")).isZero();
    }
  }

  /** {@code batch}: one transaction, results in order, all or nothing. */
  @Nested
  class Batch {

    @BeforeEach
    void table() {
      sql("CREATE TABLE bt (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
    }

    @Test
    void returnsOneResultPerStatementInOrder() {
      D1PreparedStatement insert = db.prepare("INSERT INTO bt (v) VALUES (?)");
      List<D1Result<Map<String, Object>>> rs =
          db.batch(insert.bind("a"), insert.bind("b"), db.prepare("SELECT v FROM bt ORDER BY id"));
      assertThat(rs).hasSize(3);
      assertThat(rs).allSatisfy(r -> assertThat(r.success()).isTrue());
      assertThat(rs.get(0).results()).isEmpty();
      assertThat(rs.get(0).meta().changes()).isEqualTo(1);
      assertThat(rs.get(0).meta().lastRowId()).isEqualTo(1);
      assertThat(rs.get(1).meta().lastRowId()).isEqualTo(2);
      assertThat(rs.get(2).results()).containsExactly(row("v", "a"), row("v", "b"));
    }

    @Test
    void emptyBatchIsRejected() {
      assertD1Error(
          D1SqlException.class, "D1_ERROR: No SQL statements detected.", () -> db.batch(List.of()));
    }

    @Test
    void rollsBackEverythingOnAConstraintViolationInTheMiddle() {
      assertD1Error(
          D1ConstraintException.class,
          "D1_ERROR: UNIQUE constraint failed: bt.v: SQLITE_CONSTRAINT"
              + " (extended: SQLITE_CONSTRAINT_UNIQUE)",
          () ->
              db.batch(
                  db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                  db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                  db.prepare("INSERT INTO bt (v) VALUES ('c')")));
      assertThat(count("bt")).isZero();
    }

    @Test
    void rollsBackEverythingOnASyntaxErrorInTheMiddle() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR",
          () ->
              db.batch(
                  db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                  db.prepare("SELEC 1"),
                  db.prepare("INSERT INTO bt (v) VALUES ('c')")));
      assertThat(count("bt")).isZero();
    }

    @Test
    void rollsBackOnWrongArityInALaterStatement() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("INSERT INTO bt (v) VALUES (?)").bind("a"),
                      db.prepare("INSERT INTO bt (v) VALUES (?)")))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
      assertThat(count("bt")).isZero();
    }

    @Test
    void statementMayHoldSeveralStatements() {
      List<D1Result<Map<String, Object>>> rs =
          db.batch(
              db.prepare("INSERT INTO bt (v) VALUES ('a'); INSERT INTO bt (v) VALUES ('b')"),
              db.prepare("SELECT count(*) AS n FROM bt"));
      assertThat(rs.get(0).meta().changes()).isEqualTo(2);
      assertThat(rs.get(1).results()).containsExactly(row("n", 2L));
    }

    @Test
    void statementsPreparedElsewhereRunOnTheReceiver() {
      try (D1Database other = newDatabase()) {
        D1PreparedStatement foreign = other.prepare("INSERT INTO bt (v) VALUES (?)").bind("x");
        db.batch(List.of(foreign));
      }
      assertThat(count("bt")).isEqualTo(1L);
    }

    @Test
    void laterStatementsSeeEarlierWrites() {
      List<D1Result<Map<String, Object>>> rs =
          db.batch(
              db.prepare("INSERT INTO bt (v) VALUES ('a')"),
              db.prepare("UPDATE bt SET v = 'b' WHERE v = 'a'"),
              db.prepare("SELECT v FROM bt"));
      assertThat(rs.get(1).meta().changes()).isEqualTo(1);
      assertThat(rs.get(2).results()).containsExactly(row("v", "b"));
    }

    @Test
    void ddlAndInsertsReportTheirOwnMeta() {
      List<D1Result<Map<String, Object>>> rs =
          db.batch(
              db.prepare("CREATE TABLE abc (a INT, b INT, c INT);"),
              db.prepare("CREATE TABLE cde (c TEXT, d TEXT, e TEXT);"),
              db.prepare("INSERT INTO abc VALUES (1,2,3),(4,5,6);"),
              db.prepare("INSERT INTO cde VALUES ('A', 'B', 'C'),('D','E','F'),('G','H','I');"));
      assertThat(rs.get(0).meta().changedDb()).isTrue();
      assertThat(rs.get(0).meta().changes()).isZero();
      assertThat(rs.get(1).meta().changes()).isZero();
      assertThat(rs.get(2).meta().changes()).isEqualTo(2);
      assertThat(rs.get(2).meta().lastRowId()).isEqualTo(2);
      assertThat(rs.get(3).meta().changes()).isEqualTo(3);
      assertThat(rs.get(3).meta().lastRowId()).isEqualTo(3);
    }

    @Test
    void dropsStatementsThatAreOnlyAnIndentedComment() {
      List<D1Result<Map<String, Object>>> rs =
          db.batch(
              db.prepare("SELECT 1 AS v"),
              db.prepare("   -- only a comment"),
              db.prepare("SELECT 2 AS v"));
      assertThat(rs)
          .extracting(D1Result::results)
          .containsExactly(List.of(row("v", 1L)), List.of(row("v", 2L)));
    }

    @Test
    void rejectsNullList() {
      assertThatThrownBy(() -> db.batch((List<D1PreparedStatement>) null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  /** {@code exec}: newline-split lines, one transaction, D1's line-1 error quirk (§2.3). */
  @Nested
  class Exec {

    @Test
    void runsOneLine() {
      D1ExecResult r = db.exec("select 1");
      assertThat(r.count()).isEqualTo(1);
      assertThat(r.duration()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void countsEachLine() {
      assertThat(db.exec("CREATE TABLE t (v TEXT);\nINSERT INTO t VALUES ('a');").count())
          .isEqualTo(2);
      assertThat(count("t")).isEqualTo(1L);
    }

    @Test
    void blankAndWhitespaceLinesAreNotCounted() {
      assertThat(
              db.exec("CREATE TABLE t (v TEXT);\nINSERT INTO t VALUES ('a');\n\n   \nSELECT 1")
                  .count())
          .isEqualTo(3);
    }

    @Test
    void severalStatementsOnOneLineRunButCountOnce() {
      assertThat(db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('a')").count())
          .isEqualTo(1);
      assertThat(count("t")).isEqualTo(1L);
    }

    @Test
    void crlfLineEndingsWork() {
      assertThat(db.exec("CREATE TABLE t (v TEXT);\r\nINSERT INTO t VALUES ('a');\r\n").count())
          .isEqualTo(2);
      assertThat(count("t")).isEqualTo(1L);
    }

    @Test
    void errorAlwaysNamesLineOneAndQuotesTheFirstLine() {
      sql("CREATE TABLE bt (v TEXT)");
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: INSERT INTO bt (v) VALUES ('w1'): near \"SELEC\":"
              + " syntax error at offset 0: SQLITE_ERROR",
          () -> db.exec("INSERT INTO bt (v) VALUES ('w1')\nSELEC 1"));
    }

    @Test
    void failureRollsBackEarlierLines() {
      sql("CREATE TABLE bt (v TEXT)");
      assertThatThrownBy(() -> db.exec("INSERT INTO bt (v) VALUES ('w1')\nSELEC 1"))
          .isInstanceOf(D1ExecException.class);
      assertThat(count("bt")).isZero();
    }

    @Test
    void statementSplitOverLinesFails() {
      sql("CREATE TABLE bt (v TEXT)");
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: INSERT INTO bt (v): incomplete input: SQLITE_ERROR",
          () -> db.exec("INSERT INTO bt (v)\nVALUES ('x')"));
    }

    @Test
    void commentLineAtColumnZeroFails() {
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: -- hello: SQL code did not contain a statement.",
          () -> db.exec("-- hello\nSELECT 1"));
    }

    @Test
    void indentedCommentLineAfterTheFirstIsDropped() {
      assertThat(db.exec("SELECT 1\n   -- hello\nSELECT 2").count()).isEqualTo(2);
    }

    @Test
    void indentedCommentOnTheFirstLineIsTrimmedAndFails() {
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: -- c: SQL code did not contain a statement.",
          () -> db.exec("   -- c\nSELECT 1"));
    }

    @Test
    void lineWithOnlyASemicolonFails() {
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: SELECT 1: SQL code did not contain a statement.",
          () -> db.exec("SELECT 1\n;"));
    }

    @Test
    void trailingNewlinesAreTrimmed() {
      assertThat(db.exec("SELECT 1\n\n\n").count()).isEqualTo(1);
    }

    @Test
    void emptyInputFails() {
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: : No SQL statements detected.",
          () -> db.exec(""));
    }

    @Test
    void parametersFail() {
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: SELECT ?: Wrong number of parameter bindings for SQL"
              + " query.",
          () -> db.exec("SELECT ?"));
    }

    @Test
    void invalidSqlFailsWithExecError() {
      assertD1Error(
          D1ExecException.class,
          "D1_EXEC_ERROR: Error in line 1: INVALID SQL: near \"INVALID\": syntax error at offset 0:"
              + " SQLITE_ERROR",
          () -> db.exec("INVALID SQL"));
    }
  }

  /** {@code meta}: the changes delta, sticky last_row_id, changed_db, size_after (§5.2). */
  @Nested
  class Meta {

    @BeforeEach
    void table() {
      sql("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT UNIQUE, age INTEGER)");
    }

    @Test
    void createTableChangesTheDatabaseWithoutChangedRows() {
      D1Meta m = db.prepare("CREATE TABLE v (x)").run().meta();
      assertThat(m.changes()).isZero();
      assertThat(m.changedDb()).isTrue();
      assertThat(m.sizeAfter()).isPositive();
      assertThat(m.duration()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void insertReportsChangesAndRowId() {
      D1Meta m = db.prepare("INSERT INTO u (name, age) VALUES (?, ?)").bind("a", 1).run().meta();
      assertThat(m.changes()).isEqualTo(1);
      assertThat(m.lastRowId()).isEqualTo(1);
      assertThat(m.changedDb()).isTrue();
      assertThat(m.rowsWritten()).isPositive();
      D1Meta m2 = db.prepare("INSERT INTO u (name, age) VALUES ('b', 2), ('c', 3)").run().meta();
      assertThat(m2.changes()).isEqualTo(2);
      assertThat(m2.lastRowId()).isEqualTo(3);
    }

    @Test
    void selectKeepsTheLastRowIdAndChangesNothing() {
      sql("INSERT INTO u (name, age) VALUES ('a', 1), ('b', 2), ('c', 3)");
      D1Meta m = db.prepare("SELECT * FROM u").all().meta();
      assertThat(m.changes()).isZero();
      assertThat(m.lastRowId()).isEqualTo(3);
      assertThat(m.changedDb()).isFalse();
      assertThat(m.rowsRead()).isEqualTo(3);
      assertThat(m.rowsWritten()).isZero();
    }

    @Test
    void lastRowIdIsStickyAcrossTables() {
      sql("CREATE TABLE a (id INTEGER PRIMARY KEY)", "CREATE TABLE b (id INTEGER PRIMARY KEY)");
      assertThat(db.prepare("INSERT INTO a VALUES (41)").run().meta().lastRowId()).isEqualTo(41);
      assertThat(db.prepare("SELECT * FROM b").all().meta().lastRowId()).isEqualTo(41);
      assertThat(db.prepare("DELETE FROM b").run().meta().lastRowId()).isEqualTo(41);
    }

    @Test
    void updateMatchingNothingDoesNotChangeTheDatabase() {
      sql("INSERT INTO u (name, age) VALUES ('a', 1)");
      D1Meta m = db.prepare("UPDATE u SET age = 9 WHERE id = -5").run().meta();
      assertThat(m.changes()).isZero();
      assertThat(m.changedDb()).isFalse();
    }

    @Test
    void updateAndDeleteCountChangedRows() {
      sql("INSERT INTO u (name, age) VALUES ('a', 1), ('b', 2), ('c', 3)");
      D1Meta up = db.prepare("UPDATE u SET age = age + 1").run().meta();
      assertThat(up.changes()).isEqualTo(3);
      assertThat(up.changedDb()).isTrue();
      D1Meta del = db.prepare("DELETE FROM u WHERE id <= 2").run().meta();
      assertThat(del.changes()).isEqualTo(2);
      assertThat(del.changedDb()).isTrue();
      assertThat(del.rowsWritten()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void triggerChangesAreCounted() {
      sql(
          "CREATE TABLE log (v TEXT)",
          "CREATE TRIGGER tr AFTER INSERT ON u BEGIN INSERT INTO log VALUES (new.name); END");
      D1Meta m = db.prepare("INSERT INTO u (name) VALUES ('a')").run().meta();
      assertThat(m.changes()).isEqualTo(2);
      assertThat(m.lastRowId()).isEqualTo(1);
      assertThat(db.prepare("SELECT v FROM log").raw()).containsExactly(List.of("a"));
    }

    @Test
    void sizeAfterGrowsWithData() {
      long before = db.prepare("SELECT 1").all().meta().sizeAfter();
      byte[] big = new byte[200_000];
      long after = db.prepare("INSERT INTO u (name) VALUES (?)").bind(big).run().meta().sizeAfter();
      assertThat(before).isPositive();
      assertThat(after).isGreaterThan(before + 100_000);
    }

    @Test
    void toD1MapHasD1sFieldNames() {
      D1Meta m = db.prepare("SELECT 1").all().meta();
      assertThat(m.toD1Map())
          .containsKeys(
              "duration",
              "changes",
              "last_row_id",
              "changed_db",
              "size_after",
              "rows_read",
              "rows_written");
    }
  }

  /** Foreign keys: always on; {@code defer_foreign_keys} lasts for one batch (§13). */
  @Nested
  class ForeignKeys {

    @BeforeEach
    void tables() {
      sql(
          "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
          "CREATE TABLE child (pid INTEGER REFERENCES parent(id) ON DELETE CASCADE)");
    }

    @Test
    void areOnByDefault() {
      assertThat(db.prepare("PRAGMA foreign_keys").all().results())
          .containsExactly(row("foreign_keys", 1L));
    }

    @Test
    void cannotBeTurnedOff() {
      db.prepare("PRAGMA foreign_keys = off").run();
      assertThat((Long) db.prepare("PRAGMA foreign_keys").first("foreign_keys")).isEqualTo(1L);
      assertThatThrownBy(() -> db.prepare("INSERT INTO child VALUES (5)").run())
          .isInstanceOf(D1ConstraintException.class);
    }

    @Test
    void violationIsAConstraintError() {
      D1ConstraintException e =
          assertD1Error(
              D1ConstraintException.class,
              "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_FOREIGNKEY)",
              () -> db.prepare("INSERT INTO child VALUES (5)").run());
      assertThat(e.sqliteCode()).isEqualTo("SQLITE_CONSTRAINT");
      assertThat(e.sqliteExtendedCode()).isEqualTo("SQLITE_CONSTRAINT_FOREIGNKEY");
      assertThat(e.sqliteResultCode()).isEqualTo(787);
    }

    @Test
    void deferredChecksLetABatchInsertChildBeforeParent() {
      db.batch(
          db.prepare("PRAGMA defer_foreign_keys = on"),
          db.prepare("INSERT INTO child VALUES (5)"),
          db.prepare("INSERT INTO parent VALUES (5)"));
      assertThat(count("parent")).isEqualTo(1L);
      assertThat(count("child")).isEqualTo(1L);
    }

    @Test
    void deferralEndsWithTheBatch() {
      db.batch(
          db.prepare("PRAGMA defer_foreign_keys = on"),
          db.prepare("INSERT INTO parent VALUES (1)"));
      assertThat((Long) db.prepare("PRAGMA defer_foreign_keys").first("defer_foreign_keys"))
          .isZero();
      assertThatThrownBy(() -> db.prepare("INSERT INTO child VALUES (6)").run())
          .isInstanceOf(D1ConstraintException.class)
          .hasMessageStartingWith("D1_ERROR: FOREIGN KEY constraint failed");
    }

    @Test
    void deferredChecksAlsoSpanOneMultiStatementCall() {
      D1Meta m =
          db.prepare(
                  "PRAGMA defer_foreign_keys = on; INSERT INTO child VALUES (5);"
                      + " INSERT INTO parent VALUES (5)")
              .run()
              .meta();
      assertThat(m.changes()).isEqualTo(2);
      assertThat(count("child")).isEqualTo(1L);
    }

    @Test
    void unresolvedDeferredViolationFailsTheBatchAndRollsBack() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("PRAGMA defer_foreign_keys = on"),
                      db.prepare("INSERT INTO parent VALUES (1)"),
                      db.prepare("INSERT INTO child VALUES (5)")))
          .isInstanceOf(D1ConstraintException.class)
          .hasMessageStartingWith(
              reportsDeferredViolationAsObjectReset()
                  ? "D1_ERROR: Durable Object was reset and rolled back to its last known good"
                      + " state because the application left the database in a state where"
                      + " constraints were violated: FOREIGN KEY constraint failed:"
                      + " SQLITE_CONSTRAINT"
                  : "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT");
      assertThat(count("parent")).isZero();
      assertThat(count("child")).isZero();
    }

    @Test
    void cascadeDeletes() {
      sql("INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (1)");
      D1Meta m = db.prepare("DELETE FROM parent").run().meta();
      assertThat(m.changes()).isEqualTo(2);
      assertThat(count("child")).isZero();
    }
  }

  /** D1's authorizer: PRAGMA allow-list, transactions, ATTACH, TEMP, {@code _cf_} names. */
  @Nested
  class Authorizer {

    @BeforeEach
    void tables() {
      sql(
          "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
          "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, pid INTEGER REFERENCES"
              + " parent(id))");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "PRAGMA table_list",
          "PRAGMA table_info(t)",
          "PRAGMA table_xinfo(t)",
          "PRAGMA foreign_key_list(t)",
          "PRAGMA index_list(t)",
          "PRAGMA index_info(sqlite_autoindex_t_1)",
          "PRAGMA foreign_key_check",
          "PRAGMA foreign_key_check(t)",
          "PRAGMA quick_check",
          "PRAGMA data_version",
          "PRAGMA case_sensitive_like = true",
          "PRAGMA recursive_triggers = off",
          "PRAGMA defer_foreign_keys",
          "PRAGMA optimize"
        })
    void allowsListedPragmas(String pragma) {
      assertThat(db.prepare(pragma).all().success()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "PRAGMA journal_mode",
          "PRAGMA journal_mode = delete",
          "PRAGMA user_version",
          "PRAGMA user_version = 3",
          "PRAGMA cache_size",
          "PRAGMA max_page_count",
          "PRAGMA page_size",
          "PRAGMA page_size = 8192",
          "PRAGMA table_info(_cf_KV)",
          "PRAGMA writable_schema = on"
        })
    void deniesOtherPragmas(String pragma) {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: not authorized: SQLITE_AUTH",
          () -> db.prepare(pragma).all());
    }

    @Test
    void recursiveTriggersAreOffByDefault() {
      assertThat(db.prepare("PRAGMA recursive_triggers").raw()).containsExactly(List.of(0L));
    }

    @Test
    void tableInfoListsColumns() {
      assertThat(db.prepare("PRAGMA table_info(parent)").raw())
          .containsExactly(Arrays.asList(0L, "id", "INTEGER", 0L, null, 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "BEGIN TRANSACTION", "SAVEPOINT sp", "COMMIT", "ROLLBACK"})
    void rejectsTransactionStatements(String sql) {
      assertD1Error(D1SqlException.class, TRANSACTION_MESSAGE, () -> db.prepare(sql).run());
    }

    @Test
    void rejectsTransactionStatementsInExecAndBatch() {
      assertThatThrownBy(() -> db.exec("BEGIN;\nINSERT INTO parent VALUES (1);\nCOMMIT;"))
          .isInstanceOf(D1ExecException.class)
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: BEGIN;: " + TRANSACTION_MESSAGE.substring(10));
      assertThatThrownBy(
              () -> db.batch(db.prepare("INSERT INTO parent VALUES (1)"), db.prepare("BEGIN")))
          .hasMessage(TRANSACTION_MESSAGE);
      assertThat(count("parent")).isZero();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ATTACH DATABASE ':memory:' AS other",
          "CREATE TEMP TABLE tt (v TEXT)",
          "CREATE TEMPORARY VIEW tv AS SELECT 1",
          "CREATE TABLE _cf_mine (v TEXT)",
          "CREATE TABLE _CF_Mine (v TEXT)",
          "CREATE INDEX _cf_idx ON t (name)",
          "ALTER TABLE t RENAME TO _cf_t"
        })
    void deniesAttachTempAndReservedNames(String sql) {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: not authorized: SQLITE_AUTH",
          () -> db.prepare(sql).run());
    }

    @Test
    void reservedWordInsideAStringIsNotAName() {
      sql("INSERT INTO t (name) VALUES ('_cf_value; BEGIN')");
      assertThat((String) db.prepare("SELECT name FROM t").first("name"))
          .isEqualTo("_cf_value; BEGIN");
    }

    @Test
    void deniesFunctionsOutsideTheAllowList() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: not authorized to use function: sqlite_version at offset 7: SQLITE_ERROR",
          () -> db.prepare("SELECT sqlite_version()").all());
    }

    @Test
    void deniesOtherInternalFunctionsAndExtensionLoading() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: not authorized to use function: sqlite_source_id at offset 7: SQLITE_ERROR",
          () -> db.prepare("SELECT sqlite_source_id()").all());
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: not authorized: SQLITE_ERROR",
          () -> db.prepare("SELECT load_extension('x')").all());
    }

    @Test
    void unknownFunctionIsAnSqlError() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: no such function: nope at offset 7: SQLITE_ERROR",
          () -> db.prepare("SELECT nope(1)").all());
    }

    @Test
    void allowsFts5UpsertAndAutoincrement() {
      D1Meta fts = db.prepare("CREATE VIRTUAL TABLE ft USING fts5(body)").run().meta();
      assertThat(fts.changes()).isEqualTo(3);
      db.prepare("INSERT INTO ft (body) VALUES ('hello world'), ('goodbye moon')").run();
      assertThat(db.prepare("SELECT body FROM ft WHERE ft MATCH 'hello'").raw())
          .containsExactly(List.of("hello world"));
      sql("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)");
      String upsert =
          "INSERT INTO kv VALUES ('a', 1) ON CONFLICT (k) DO UPDATE SET v = v + 1 RETURNING *";
      assertThat(db.prepare(upsert).run().results()).containsExactly(row("k", "a", "v", 1L));
      assertThat(db.prepare(upsert).run().results()).containsExactly(row("k", "a", "v", 2L));
      D1Meta ignored = db.prepare("INSERT OR IGNORE INTO kv VALUES ('a', 9)").run().meta();
      assertThat(ignored.changes()).isZero();
      assertThat(ignored.changedDb()).isFalse();
      sql("CREATE TABLE ai (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)");
      db.prepare("INSERT INTO ai (v) VALUES ('a'), ('b')").run();
      assertThat(db.prepare("SELECT name, seq FROM sqlite_sequence").raw())
          .containsExactly(List.of("ai", 2L));
    }

    @Test
    void rejectsVacuum() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: cannot VACUUM from within a transaction: SQLITE_ERROR",
          () -> db.prepare("VACUUM").run());
    }

    @Test
    void schemaTablesAreReadable() {
      assertThat(
              db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 't'")
                  .raw())
          .containsExactly(List.of("t"));
    }

    @Test
    void allowsRecursiveCtesJsonAndGeneratedColumns() {
      assertThat(
              db.prepare(
                      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3)"
                          + " SELECT x FROM n")
                  .raw())
          .containsExactly(List.of(1L), List.of(2L), List.of(3L));
      assertThat(db.prepare("SELECT json_extract('{\"a\":[1,2]}', '$.a[1]') AS v").first())
          .isEqualTo(row("v", 2L));
      sql("CREATE TABLE g (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL)");
      db.prepare("INSERT INTO g (a) VALUES (?)").bind(21).run();
      assertThat(db.prepare("SELECT b FROM g").raw()).containsExactly(List.of(42L));
    }
  }

  /** D1's SQLite limits (§10) with their exact errors. */
  @Nested
  class Limits {

    @Test
    void allowsOneHundredParameters() {
      Object[] values = IntStream.rangeClosed(1, 100).boxed().toArray();
      assertThat(db.prepare("SELECT ?100 AS v").bind(values).first()).isEqualTo(row("v", 100L));
      String sql = "SELECT " + repeat("?,", 99) + "?";
      assertThat(db.prepare(sql).bind(values).raw().get(0)).hasSize(100);
    }

    @Test
    void rejectsTheHundredAndFirstParameter() {
      Object[] values = IntStream.rangeClosed(1, 101).boxed().toArray();
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: too many SQL variables at offset 207: SQLITE_ERROR",
          () -> db.prepare("SELECT " + repeat("?,", 100) + "?").bind(values).raw());
    }

    @Test
    void rejectsParameterNumberAboveOneHundred() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: variable number must be between ?1 and ?100 at offset 7: SQLITE_ERROR",
          () -> db.prepare("SELECT ?101").bind(1).raw());
    }

    @Test
    void allowsSqlOfOneHundredThousandBytes() {
      String sql = "SELECT length('" + "x".repeat(99_983) + "')";
      assertThat(sql.getBytes(StandardCharsets.UTF_8)).hasSize(100_000);
      assertThat(db.prepare(sql).raw()).containsExactly(List.of(99_983L));
    }

    @Test
    void rejectsLongerSql() {
      String sql = "SELECT length('" + "x".repeat(99_984) + "')";
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: statement too long: SQLITE_TOOBIG",
          () -> db.prepare(sql).raw());
    }

    @Test
    void allowsOneHundredColumnsAndRejectsMore() {
      db.prepare("CREATE TABLE ok (" + repeat("c# INT, ", 99) + "last INT)").run();
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: too many columns on wide: SQLITE_ERROR",
          () -> db.prepare("CREATE TABLE wide (" + repeat("c# INT, ", 100) + "last INT)").run());
    }

    @Test
    void rejectsMoreThanOneHundredResultColumns() {
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: too many columns in result set: SQLITE_ERROR",
          () -> db.prepare("SELECT " + repeat("1, ", 100) + "1").raw());
    }

    @Test
    void allowsFiveCompoundTermsAndRejectsSix() {
      String five = "SELECT 1" + repeat(" UNION ALL SELECT #", 4);
      assertThat(db.prepare(five).raw()).hasSize(5);
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: too many terms in compound SELECT: SQLITE_ERROR",
          () -> db.prepare(five + " UNION ALL SELECT 6").raw());
    }

    @Test
    void allowsOneHundredTwentySevenFunctionArgumentsAndRejectsMore() {
      assertThat(db.prepare("SELECT max(" + repeat("#, ", 126) + "127)").raw())
          .containsExactly(List.of(127L));
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: too many arguments on function max at offset 7: SQLITE_ERROR",
          () -> db.prepare("SELECT max(" + repeat("#, ", 127) + "128)").raw());
    }

    @Test
    void allowsTwoMillionByteValuesAndRejectsThreeMillion() {
      assertThat(db.prepare("SELECT length(?) AS n").bind("x".repeat(2_000_000)).first())
          .isEqualTo(row("n", 2_000_000L));
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: string or blob too big: SQLITE_TOOBIG",
          () -> db.prepare("SELECT length(?) AS n").bind("x".repeat(3_000_000)).first());
    }

    @Test
    void allowsFiftyByteLikePatternsAndRejectsLonger() {
      assertThat(db.prepare("SELECT 'a' LIKE ? AS m").bind("%".repeat(50)).first())
          .isEqualTo(row("m", 1L));
      assertD1Error(
          D1SqlException.class,
          "D1_ERROR: LIKE or GLOB pattern too complex: SQLITE_ERROR",
          () -> db.prepare("SELECT 'a' LIKE ? AS m").bind("%".repeat(51)).first());
    }
  }

  /** The §8.3 error catalogue: exact texts, exception types and SQLite codes. */
  @Nested
  class Errors {

    static Stream<Arguments> catalogue() {
      return Stream.of(
          Arguments.of(
              "",
              "SELEC 1",
              D1SqlException.class,
              "near \"SELEC\": syntax error at offset 0: SQLITE_ERROR",
              1),
          Arguments.of(
              "",
              "SELECT * FROM nope",
              D1SqlException.class,
              "no such table: nope: SQLITE_ERROR",
              1),
          Arguments.of(
              "CREATE TABLE t (v TEXT)",
              "SELECT nope FROM t",
              D1SqlException.class,
              "no such column: nope at offset 7: SQLITE_ERROR",
              1),
          Arguments.of(
              "CREATE TABLE u (name TEXT UNIQUE); INSERT INTO u VALUES ('a')",
              "INSERT INTO u VALUES ('a')",
              D1ConstraintException.class,
              "UNIQUE constraint failed: u.name: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_UNIQUE)",
              2067),
          Arguments.of(
              "CREATE TABLE nn (x TEXT NOT NULL)",
              "INSERT INTO nn VALUES (NULL)",
              D1ConstraintException.class,
              "NOT NULL constraint failed: nn.x: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_NOTNULL)",
              1299),
          Arguments.of(
              "CREATE TABLE ck (x INTEGER CHECK (x > 0))",
              "INSERT INTO ck VALUES (-1)",
              D1ConstraintException.class,
              "CHECK constraint failed: x > 0: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_CHECK)",
              275),
          Arguments.of(
              "CREATE TABLE pk (a TEXT PRIMARY KEY); INSERT INTO pk VALUES ('a')",
              "INSERT INTO pk VALUES ('a')",
              D1ConstraintException.class,
              "UNIQUE constraint failed: pk.a: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_PRIMARYKEY)",
              1555),
          Arguments.of(
              "CREATE TABLE m (id INTEGER PRIMARY KEY)",
              "INSERT INTO m VALUES ('abc')",
              D1SqlException.class,
              "datatype mismatch: SQLITE_MISMATCH",
              20),
          Arguments.of(
              "",
              "SELECT 'abc",
              D1SqlException.class,
              "unrecognized token: \"'abc\" at offset 7: SQLITE_ERROR",
              1),
          Arguments.of(
              "",
              "SELECT 1, nope()",
              D1SqlException.class,
              "no such function: nope at offset 10: SQLITE_ERROR",
              1),
          Arguments.of(
              "",
              "SELECT 1 FROM WHERE",
              D1SqlException.class,
              "near \"WHERE\": syntax error at offset 14: SQLITE_ERROR",
              1),
          Arguments.of("", "SELECT (1", D1SqlException.class, "incomplete input: SQLITE_ERROR", 1),
          Arguments.of(
              "CREATE TABLE a (x, y)",
              "INSERT INTO a VALUES (1)",
              D1SqlException.class,
              "table a has 2 columns but 1 values were supplied: SQLITE_ERROR",
              1),
          Arguments.of(
              "",
              "DELETE FROM sqlite_master",
              D1SqlException.class,
              "table sqlite_master may not be modified: SQLITE_ERROR",
              1),
          Arguments.of(
              "CREATE TABLE a (x); CREATE TRIGGER no_neg BEFORE INSERT ON a WHEN new.x < 0 BEGIN"
                  + " SELECT RAISE(ABORT, 'negative not allowed'); END",
              "INSERT INTO a VALUES (-1)",
              D1ConstraintException.class,
              "negative not allowed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_TRIGGER)",
              1811),
          Arguments.of(
              "CREATE TABLE a (x INTEGER, CONSTRAINT positive CHECK (x > 0))",
              "INSERT INTO a VALUES (0)",
              D1ConstraintException.class,
              "CHECK constraint failed: positive: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_CHECK)",
              275),
          Arguments.of(
              "CREATE TABLE a (x, y, UNIQUE (x, y)); INSERT INTO a VALUES (1, 2)",
              "INSERT INTO a VALUES (1, 2)",
              D1ConstraintException.class,
              "UNIQUE constraint failed: a.x, a.y: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_UNIQUE)",
              2067));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("catalogue")
    void failsWithD1sExactText(
        String setup, String sql, Class<? extends D1Exception> type, String detail, int code) {
      if (!setup.isEmpty()) {
        db.prepare(setup).run();
      }
      D1Exception e = assertD1Error(type, "D1_ERROR: " + detail, () -> db.prepare(sql).run());
      assertThat(e.code()).isEqualTo("D1_ERROR");
      assertThat(e.detail()).isEqualTo(detail);
      assertThat(e.sqliteResultCode()).isEqualTo(code);
      assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void failedStatementLeavesNoTraceAndTheDatabaseStaysUsable() {
      sql("CREATE TABLE u (name TEXT UNIQUE)", "INSERT INTO u VALUES ('a')");
      assertThatThrownBy(() -> db.prepare("INSERT INTO u VALUES ('b'), ('a')").run())
          .isInstanceOf(D1ConstraintException.class);
      assertThat(count("u")).isEqualTo(1L);
      db.prepare("INSERT INTO u VALUES ('b')").run();
      assertThat(count("u")).isEqualTo(2L);
    }

    @Test
    void errorsSurviveTheRoundTripThroughFromMessage() {
      Throwable t = catchThrowable(() -> db.prepare("SELECT * FROM nope").all());
      D1Exception parsed = D1Exception.fromMessage(t.getMessage());
      assertThat(parsed).isExactlyInstanceOf(t.getClass()).hasMessage(t.getMessage());
    }
  }

  /** Sessions and bookmarks (§11, §16.11). */
  @Nested
  class Sessions {

    @BeforeEach
    void table() {
      sql("CREATE TABLE s (v TEXT)");
    }

    @Test
    void bookmarkIsNullBeforeTheFirstQuery() {
      assertThat(db.withSession().getBookmark()).isNull();
      assertThat(db.withSession(D1DatabaseSession.FIRST_PRIMARY).getBookmark()).isNull();
      assertThat(db.withSession(D1DatabaseSession.FIRST_UNCONSTRAINED).getBookmark()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankMeansFirstUnconstrained(String constraint) {
      assertThat(db.withSession(constraint).getBookmark()).isNull();
      assertThat(db.withSession(null).getBookmark()).isNull();
    }

    @Test
    void queryDeliversABookmarkInD1Format() {
      D1DatabaseSession session = db.withSession();
      session.prepare("SELECT * FROM s").all();
      if (supportsSessionBookmarks()) {
        assertThat(session.getBookmark())
            .matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");
      } else {
        assertThat(session.getBookmark()).isNull();
      }
    }

    @Test
    void writeAdvancesTheBookmark() {
      D1DatabaseSession session = db.withSession(D1DatabaseSession.FIRST_PRIMARY);
      session.prepare("SELECT * FROM s").all();
      String before = session.getBookmark();
      session.prepare("INSERT INTO s VALUES ('a')").run();
      String after = session.getBookmark();
      if (supportsSessionBookmarks()) {
        assertThat(after).isGreaterThan(before);
      } else {
        assertThat(after).isNull();
      }
    }

    @Test
    void sessionFromABookmarkReturnsItAtOnceAndMovesForward() {
      D1DatabaseSession first = db.withSession();
      first.prepare("INSERT INTO s VALUES ('a')").run();
      String bookmark =
          supportsSessionBookmarks()
              ? first.getBookmark()
              : "00000000-00000001-00000000-00000000000000000000000000000000";
      db.prepare("INSERT INTO s VALUES ('b')").run();
      D1DatabaseSession later = db.withSession(bookmark);
      assertThat(later.getBookmark()).isEqualTo(bookmark);
      assertThat(later.prepare("SELECT count(*) AS n FROM s").all().results())
          .containsExactly(row("n", 2L));
      assertThat(later.getBookmark()).isGreaterThanOrEqualTo(bookmark);
    }

    @Test
    void greaterBookmarkIsKept() {
      D1DatabaseSession session = db.withSession("garbage-bookmark");
      assertThat(session.getBookmark()).isEqualTo("garbage-bookmark");
      session.prepare("INSERT INTO s VALUES ('a')").run();
      assertThat(session.getBookmark()).isEqualTo("garbage-bookmark");
    }

    @Test
    void olderBookmarkIsReplacedAndNewerOneKept() {
      String oldest = "00000000-00000000-00000000-00000000000000000000000000000000";
      String future = "ffffffff-ffffffff-ffffffff-ffffffffffffffffffffffffffffffff";
      D1DatabaseSession old = db.withSession(oldest);
      D1DatabaseSession ahead = db.withSession(future);
      old.prepare("INSERT INTO s VALUES ('a')").run();
      ahead.prepare("INSERT INTO s VALUES ('b')").run();
      if (supportsSessionBookmarks()) {
        assertThat(old.getBookmark()).isGreaterThan(oldest);
      } else {
        assertThat(old.getBookmark()).isEqualTo(oldest);
      }
      assertThat(ahead.getBookmark()).isEqualTo(future);
    }

    @Test
    void bookmarksAreMonotonicAcrossManyWrites() {
      D1DatabaseSession session = db.withSession();
      String last = null;
      for (int i = 0; i < 5; i++) {
        session.prepare("INSERT INTO s VALUES (?)").bind("v" + i).run();
        String now = session.getBookmark();
        if (supportsSessionBookmarks()) {
          assertThat(now).isNotNull();
          if (last != null) {
            assertThat(now).isGreaterThan(last);
          }
        }
        last = now;
      }
    }

    @Test
    void sessionBatchIsAtomicAndSeesTheDatabase() {
      db.prepare("INSERT INTO s VALUES ('x')").run();
      D1DatabaseSession session = db.withSession();
      List<D1Result<Map<String, Object>>> rs =
          session.batch(
              session.prepare("INSERT INTO s VALUES ('y')"),
              session.prepare("SELECT count(*) AS n FROM s"));
      assertThat(rs.get(1).results()).containsExactly(row("n", 2L));
      sql("CREATE TABLE su (v TEXT UNIQUE)");
      assertThatThrownBy(
              () ->
                  session.batch(
                      session.prepare("INSERT INTO su VALUES ('a')"),
                      session.prepare("INSERT INTO su VALUES ('a')")))
          .isInstanceOf(D1ConstraintException.class);
      assertThat(count("su")).isZero();
    }

    @Test
    void emptySessionBatchIsRejected() {
      assertThatThrownBy(() -> db.withSession().batch(List.of()))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: No SQL statements detected.");
    }

    @Test
    void sessionStatementsFollowStatementRules() {
      D1DatabaseSession session = db.withSession();
      D1PreparedStatement st = session.prepare("SELECT ? AS v");
      assertThat(st.statement()).isEqualTo("SELECT ? AS v");
      assertThat((Long) st.bind(3).first("v")).isEqualTo(3L);
      assertThat(st.params()).isEmpty();
    }
  }

  /** Typed mapping: {@code all(Class)} and {@code first(Class)}. */
  @Nested
  class TypedMapping {

    @BeforeEach
    void table() {
      sql(
          "CREATE TABLE Customers (CustomerId INTEGER PRIMARY KEY, CompanyName TEXT, contact_name"
              + " TEXT, active INTEGER)",
          "INSERT INTO Customers VALUES (1, 'Alfreds Futterkiste', 'Maria Anders', 1),"
              + " (11, 'Bs Beverages', 'Victoria Ashworth', 0)");
    }

    @Test
    void mapsRowsToRecordsByFoldedColumnNames() {
      D1Result<Customer> r =
          db.prepare("SELECT * FROM Customers ORDER BY CustomerId").all(Customer.class);
      assertThat(r.results())
          .containsExactly(
              new Customer(1, "Alfreds Futterkiste", "Maria Anders", true),
              new Customer(11, "Bs Beverages", "Victoria Ashworth", false));
      assertThat(r.meta()).isNotNull();
    }

    @Test
    void mapsRowsToBeans() {
      CustomerBean b =
          db.prepare("SELECT * FROM Customers WHERE CustomerId = ?")
              .bind(11)
              .first(CustomerBean.class);
      assertThat(b.getCustomerId()).isEqualTo(11L);
      assertThat(b.getCompanyName()).isEqualTo("Bs Beverages");
      assertThat(b.getContactName()).isEqualTo("Victoria Ashworth");
    }

    @Test
    void mapsSingleValuesFromTheFirstColumn() {
      assertThat(
              db.prepare("SELECT CustomerId FROM Customers ORDER BY 1").all(Long.class).results())
          .containsExactly(1L, 11L);
      assertThat(db.prepare("SELECT CompanyName FROM Customers ORDER BY 1").first(String.class))
          .isEqualTo("Alfreds Futterkiste");
      assertThat(db.prepare("SELECT count(*) FROM Customers").first(Integer.class)).isEqualTo(2);
    }

    @Test
    void mapsToOrderedMaps() {
      @SuppressWarnings("rawtypes")
      Map first =
          db.prepare("SELECT CustomerId, CompanyName FROM Customers ORDER BY 1").first(Map.class);
      assertThat(first).isEqualTo(row("CustomerId", 1L, "CompanyName", "Alfreds Futterkiste"));
    }

    @Test
    void firstIsNullWithoutRows() {
      assertThat(db.prepare("SELECT * FROM Customers WHERE CustomerId < 0").first(Customer.class))
          .isNull();
      assertThat(
              db.prepare("SELECT * FROM Customers WHERE CustomerId < 0")
                  .all(Customer.class)
                  .results())
          .isEmpty();
    }

    @Test
    void unconvertibleValueFailsWithMappingError() {
      assertThatThrownBy(
              () ->
                  db.prepare(
                          "SELECT 'abc' AS CustomerId, 'x' AS CompanyName, 'y' AS contact_name,"
                              + " 1 AS active")
                      .first(Customer.class))
          .isInstanceOf(D1MappingException.class)
          .hasMessageStartingWith("D1_MAPPING_ERROR: ");
    }

    @Test
    void nullIntoPrimitiveFailsWithMappingError() {
      assertThatThrownBy(
              () ->
                  db.prepare(
                          "SELECT NULL AS CustomerId, 'x' AS CompanyName, 'y' AS contact_name,"
                              + " 1 AS active")
                      .first(Customer.class))
          .isInstanceOf(D1MappingException.class);
    }

    @Test
    void sqlErrorsStillSurfaceAsSqlErrors() {
      assertThatThrownBy(() -> db.prepare("SELECT * FROM nope").all(Customer.class))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
    }
  }

  /** {@code idempotent()}: a new marked statement that behaves the same. */
  @Nested
  class Idempotent {

    @Test
    void marksANewStatementAndKeepsTheMarkThroughBind() {
      D1PreparedStatement st = db.prepare("SELECT ? AS v");
      D1PreparedStatement marked = st.idempotent();
      assertThat(st.isIdempotent()).isFalse();
      assertThat(marked).isNotSameAs(st);
      assertThat(marked.isIdempotent()).isTrue();
      assertThat(marked.statement()).isEqualTo(st.statement());
      D1PreparedStatement bound = marked.bind(4);
      assertThat(bound.isIdempotent()).isTrue();
      assertThat((Long) bound.first("v")).isEqualTo(4L);
    }

    @Test
    void markedWritesRunOnce() {
      sql("CREATE TABLE t (v TEXT UNIQUE)");
      db.prepare("INSERT INTO t VALUES (?)").bind("a").idempotent().run();
      assertThat(count("t")).isEqualTo(1L);
    }
  }

  /** {@code dump()}. */
  @Nested
  class Dump {

    @Test
    void returnsTheDatabaseFileOrThrowsDumpError() {
      sql("CREATE TABLE d (v TEXT)", "INSERT INTO d VALUES ('x')");
      if (supportsDump()) {
        byte[] image = db.dump();
        assertThat(new String(image, 0, 16, StandardCharsets.US_ASCII))
            .isEqualTo("SQLite format 3\0");
        assertThat(image.length % 512).isZero();
      } else {
        assertThatThrownBy(db::dump)
            .isInstanceOf(D1DumpException.class)
            .hasMessageStartingWith("D1_DUMP_ERROR: ");
      }
    }
  }

  /** {@code close()}. */
  @Nested
  class Close {

    @Test
    void isIdempotentAndLaterCallsFail() {
      D1PreparedStatement st = db.prepare("SELECT 1");
      D1DatabaseSession session = db.withSession();
      db.close();
      db.close();
      assertThatThrownBy(st::all).isInstanceOf(D1Exception.class);
      assertThatThrownBy(() -> db.prepare("SELECT 1").all()).isInstanceOf(D1Exception.class);
      assertThatThrownBy(() -> db.exec("SELECT 1")).isInstanceOf(D1Exception.class);
      assertThatThrownBy(() -> db.batch(st)).isInstanceOf(D1Exception.class);
      assertThatThrownBy(() -> session.prepare("SELECT 1").all()).isInstanceOf(D1Exception.class);
    }
  }

  /** One database shared by several threads, as the API promises. */
  @Nested
  class ThreadSafety {

    @Test
    void concurrentWritersAndReadersLoseNothing() throws Exception {
      sql("CREATE TABLE c (id INTEGER PRIMARY KEY, worker INTEGER, n INTEGER)");
      int workers = 4;
      int perWorker = 50;
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      try {
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          long worker = w;
          tasks.add(
              () -> {
                List<Long> ids = new ArrayList<>();
                D1PreparedStatement insert = db.prepare("INSERT INTO c (worker, n) VALUES (?, ?)");
                for (long n = 0; n < perWorker; n++) {
                  ids.add(insert.bind(worker, n).run().meta().lastRowId());
                  db.prepare("SELECT count(*) AS k FROM c WHERE worker = ?")
                      .bind(worker)
                      .first("k");
                }
                return ids;
              });
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : pool.invokeAll(tasks)) {
          all.addAll(f.get());
        }
        assertThat(all).hasSize(workers * perWorker).doesNotHaveDuplicates();
      } finally {
        pool.shutdownNow();
      }
      assertThat(count("c")).isEqualTo((long) workers * perWorker);
      assertThat(db.prepare("SELECT worker, count(*) FROM c GROUP BY worker ORDER BY worker").raw())
          .containsExactly(List.of(0L, 50L), List.of(1L, 50L), List.of(2L, 50L), List.of(3L, 50L));
    }
  }

  /** workerd's {@code testD1ApiQueriesHappyPath}, ported call by call (spec §14 item 8). */
  @Nested
  class WorkerdHappyPath {

    private final Map<String, Object> albert =
        row(
            "user_id",
            1L,
            "name",
            "Albert Ross",
            "home",
            "sky",
            "features",
            "wingspan",
            "land_based",
            0L);
    private final Map<String, Object> alDente =
        row(
            "user_id",
            2L,
            "name",
            "Al Dente",
            "home",
            "bowl",
            "features",
            "mouthfeel",
            "land_based",
            1L);
    private static final String INSERT_RETURNING =
        "\n        INSERT INTO users (name, home, features, land_based) VALUES\n"
            + "          ('Albert Ross', 'sky', 'wingspan', false),\n"
            + "          ('Al Dente', 'bowl', 'mouthfeel', true)\n"
            + "        RETURNING *\n    ";

    @Test
    void runsTheHappyPath() {
      D1Result<Map<String, Object>> created =
          db.prepare(
                  " CREATE TABLE users\n        (\n            user_id    INTEGER PRIMARY KEY,\n"
                      + "            name       TEXT,\n            home       TEXT,\n"
                      + "            features   TEXT,\n            land_based BOOLEAN\n        );")
              .run();
      assertThat(created.success()).isTrue();
      assertThat(created.results()).isEmpty();

      D1Result<Map<String, Object>> empty = db.prepare("SELECT * FROM users;").all();
      assertThat(empty.results()).isEmpty();
      assertThat(empty.meta().changedDb()).isFalse();
      assertThat(db.prepare("SELECT * FROM users;").run().results()).isEmpty();
      assertThat(db.prepare("DELETE FROM users;").run().results()).isEmpty();

      assertThat(db.prepare(INSERT_RETURNING).all().results()).containsExactly(albert, alDente);
      assertThat(db.prepare("DELETE FROM users;").run().results()).isEmpty();
      assertThat(db.prepare(INSERT_RETURNING).run().results()).containsExactly(albert, alDente);

      D1PreparedStatement select1 = db.prepare("select 1;");
      assertThat(select1.all().results()).containsExactly(row("1", 1L));
      assertThat(select1.raw()).containsExactly(List.of(1L));
      assertThat(select1.first()).isEqualTo(row("1", 1L));
      assertThat((Long) select1.first("1")).isEqualTo(1L);

      D1PreparedStatement selectAll = db.prepare("SELECT * FROM users;");
      assertThat(selectAll.all().results()).containsExactly(albert, alDente);
      assertThat(selectAll.raw())
          .containsExactly(
              List.of(1L, "Albert Ross", "sky", "wingspan", 0L),
              List.of(2L, "Al Dente", "bowl", "mouthfeel", 1L));
      assertThat(selectAll.first()).isEqualTo(albert);
      assertThat((String) selectAll.first("name")).isEqualTo("Albert Ross");

      D1PreparedStatement selectOne = db.prepare("SELECT * FROM users WHERE user_id = ?;");
      assertThat(selectOne.bind(1).all().results()).containsExactly(albert);
      assertThat(selectOne.bind(1).raw())
          .containsExactly(List.of(1L, "Albert Ross", "sky", "wingspan", 0L));
      assertThat(selectOne.bind(1).first()).isEqualTo(albert);
      assertThat((String) selectOne.bind(1).first("name")).isEqualTo("Albert Ross");
      assertThat(selectOne.bind(2).all().results()).containsExactly(alDente);
      assertThat((String) selectOne.bind(2).first("name")).isEqualTo("Al Dente");

      List<D1Result<Map<String, Object>>> batch = db.batch(selectOne.bind(2), selectOne.bind(1));
      assertThat(batch)
          .extracting(D1Result::results)
          .containsExactly(List.of(alDente), List.of(albert));

      D1PreparedStatement countLand =
          db.prepare("SELECT count(1) as count FROM users WHERE land_based = ?");
      assertThat((Long) countLand.bind(true).first("count")).isEqualTo(1L);
      assertThat((Long) countLand.bind(false).first("count")).isEqualTo(1L);
      assertThat((Long) countLand.bind(0).first("count")).isEqualTo(1L);
      assertThat((Long) countLand.bind(1).first("count")).isEqualTo(1L);
      assertThat((Long) countLand.bind(2).first("count")).isEqualTo(0L);

      List<D1Result<Map<String, Object>>> tables =
          db.batch(
              db.prepare("CREATE TABLE abc (a INT, b INT, c INT);"),
              db.prepare("CREATE TABLE cde (c TEXT, d TEXT, e TEXT);"),
              db.prepare("INSERT INTO abc VALUES (1,2,3),(4,5,6);"),
              db.prepare(
                  "INSERT INTO cde VALUES (\"A\", \"B\","
                      + " \"C\"),(\"D\",\"E\",\"F\"),(\"G\",\"H\",\"I\");"));
      assertThat(tables).extracting(r -> r.meta().changedDb()).containsOnly(true);
      assertThat(tables).extracting(r -> r.meta().changes()).containsExactly(0L, 0L, 2L, 3L);
      assertThat(tables).extracting(r -> r.meta().lastRowId()).containsExactly(2L, 2L, 2L, 3L);

      D1Result<Map<String, Object>> join = db.prepare("SELECT * FROM abc, cde;").all();
      assertThat(join.results())
          .containsExactly(
              row("a", 1L, "b", 2L, "c", "A", "d", "B", "e", "C"),
              row("a", 1L, "b", 2L, "c", "D", "d", "E", "e", "F"),
              row("a", 1L, "b", 2L, "c", "G", "d", "H", "e", "I"),
              row("a", 4L, "b", 5L, "c", "A", "d", "B", "e", "C"),
              row("a", 4L, "b", 5L, "c", "D", "d", "E", "e", "F"),
              row("a", 4L, "b", 5L, "c", "G", "d", "H", "e", "I"));
      assertThat(join.meta().changedDb()).isFalse();
      assertThat(join.meta().changes()).isZero();
      assertThat(join.meta().rowsWritten()).isZero();

      List<List<Object>> rawJoin =
          List.of(
              List.of(1L, 2L, 3L, "A", "B", "C"),
              List.of(1L, 2L, 3L, "D", "E", "F"),
              List.of(1L, 2L, 3L, "G", "H", "I"),
              List.of(4L, 5L, 6L, "A", "B", "C"),
              List.of(4L, 5L, 6L, "D", "E", "F"),
              List.of(4L, 5L, 6L, "G", "H", "I"));
      assertThat(db.prepare("SELECT * FROM abc, cde;").raw()).isEqualTo(rawJoin);
      List<List<Object>> withHeader = new ArrayList<>();
      withHeader.add(List.of("a", "b", "c", "c", "d", "e"));
      withHeader.addAll(rawJoin);
      assertThat(db.prepare("SELECT * FROM abc, cde;").raw(true)).isEqualTo(withHeader);
      assertThat(db.prepare("SELECT * FROM abc, cde;").raw(false)).isEqualTo(rawJoin);

      D1Result<Map<String, Object>> in =
          db.prepare("SELECT * from cde WHERE c IN ('A','B','C','X','Y','Z')").all();
      assertThat(in.results()).containsExactly(row("c", "A", "d", "B", "e", "C"));
      assertThat(in.meta().rowsWritten()).isZero();

      List<D1Result<Map<String, Object>>> dropped =
          db.batch(
              db.prepare("DROP TABLE users;"),
              db.prepare("DROP TABLE abc;"),
              db.prepare("DROP TABLE cde;"));
      assertThat(dropped).extracting(r -> r.meta().changedDb()).containsOnly(true);
      assertThat(dropped).extracting(r -> r.meta().changes()).containsOnly(0L);
      assertThat(dropped).extracting(r -> r.meta().lastRowId()).containsOnly(3L);

      assertThat(db.exec("select 1").count()).isEqualTo(1);
      assertThatThrownBy(() -> db.exec("INVALID SQL"))
          .isInstanceOf(D1ExecException.class)
          .hasMessageContaining("D1_EXEC_ERROR");
    }
  }

  /** Miniflare's D1 suite items (spec §14 item 9). */
  @Nested
  class MiniflareSuite {

    @BeforeEach
    void tables() {
      sql(
          "CREATE TABLE colours (id INTEGER PRIMARY KEY, name TEXT NOT NULL, rgb INTEGER NOT NULL)",
          "CREATE TABLE kitchen_sink (id INTEGER PRIMARY KEY, int INTEGER, real REAL, text TEXT,"
              + " blob BLOB)",
          "INSERT INTO colours (id, name, rgb) VALUES (1, 'red', 16711680), (2, 'green', 65280),"
              + " (3, 'blue', 255)");
    }

    @Test
    void batchRollsBackOnABadStatementInTheMiddle() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("INSERT INTO colours (id, name, rgb) VALUES (4, 'yellow', 1)"),
                      db.prepare("SELECT * FROM nope"),
                      db.prepare("INSERT INTO colours (id, name, rgb) VALUES (5, 'pink', 2)")))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
      assertThat(count("colours")).isEqualTo(3L);
    }

    @Test
    void execMultiLineCountsTwo() {
      D1ExecResult r =
          db.exec(
              "UPDATE colours SET name = 'Red' WHERE id = 1;\nUPDATE colours SET name = 'Green'"
                  + " WHERE id = 2;");
      assertThat(r.count()).isEqualTo(2);
      assertThat(db.prepare("SELECT name FROM colours WHERE id <= 2 ORDER BY id").raw())
          .containsExactly(List.of("Red"), List.of("Green"));
    }

    @Test
    void bindsIntsRealsEmojiBlobsAndNull() {
      D1PreparedStatement insert =
          db.prepare("INSERT INTO kitchen_sink (id, int, real, text, blob) VALUES (?, ?, ?, ?, ?)");
      db.batch(
          insert.bind(1, 42, 3.141, "🙈", new byte[] {(byte) 0xff, 0, (byte) 0xa7}),
          insert.bind(2, null, null, null, null));
      List<Map<String, Object>> rows =
          db.prepare("SELECT * FROM kitchen_sink ORDER BY id").all().results();
      assertThat(rows.get(0))
          .containsEntry("int", 42L)
          .containsEntry("real", 3.141)
          .containsEntry("text", "🙈");
      assertThat((byte[]) rows.get(0).get("blob")).containsExactly(0xff, 0, 0xa7);
      assertThat(rows.get(1))
          .isEqualTo(row("id", 2L, "int", null, "real", null, "text", null, "blob", null));
    }

    @Test
    void bindsOrderedParameters() {
      assertThat(
              db.prepare(
                      "SELECT id, name FROM colours WHERE rgb = ?3 OR name = ?1 OR id = ?2 ORDER BY"
                          + " id")
                  .bind("red", 2, 255)
                  .raw())
          .containsExactly(List.of(1L, "red"), List.of(2L, "green"), List.of(3L, "blue"));
    }

    @Test
    void firstOnAWriteReturnsNull() {
      assertThat(db.prepare("INSERT INTO colours (id, name, rgb) VALUES (4, 'yellow', 1)").first())
          .isNull();
      assertThat(count("colours")).isEqualTo(4L);
    }

    @Test
    void runOfInsertReturningReportsMeta() {
      D1Result<Map<String, Object>> r =
          db.prepare(
                  "INSERT INTO colours (id, name, rgb) VALUES (4, 'purple', 8388736) RETURNING id")
              .run();
      assertThat(r.results()).containsExactly(row("id", 4L));
      assertThat(r.meta().changes()).isEqualTo(1);
      assertThat(r.meta().lastRowId()).isEqualTo(4);
      assertThat(r.meta().changedDb()).isTrue();
      assertThat(r.meta().rowsWritten()).isPositive();
      D1Meta plain =
          db.prepare("INSERT INTO colours (name, rgb) VALUES ('yellow', 16776960)").run().meta();
      assertThat(plain.changes()).isEqualTo(1);
      assertThat(plain.lastRowId()).isEqualTo(5);
    }

    @Test
    void rawWithColumnNamesOnAJoin() {
      sql(
          "CREATE TABLE owners (id INTEGER PRIMARY KEY, colour_id INTEGER REFERENCES colours(id))",
          "INSERT INTO owners VALUES (1, 1), (2, 3)");
      assertThat(
              db.prepare(
                      "SELECT o.id, c.name, c.id FROM owners o JOIN colours c ON c.id = o.colour_id"
                          + " ORDER BY o.id")
                  .raw(true))
          .containsExactly(
              List.of("id", "name", "id"), List.of(1L, "red", 1L), List.of(2L, "blue", 3L));
    }
  }

  /** A customer row, mapped by {@link TypedMapping}. */
  public record Customer(long customerId, String companyName, String contactName, boolean active) {}

  /** A customer JavaBean, mapped by {@link TypedMapping}. Not thread-safe. */
  private Object jsNumberIfD1(double d) {
    return readsNumbersAsJavaScriptNumbers() ? jsNumber(d) : d;
  }

  /** A double as JSON and JavaScript carry it: integral values become Long. */
  private static Object jsNumber(double d) {
    return d == Math.rint(d) && Math.abs(d) <= 9007199254740992d ? (Object) (long) d : d;
  }

  private static boolean isUnsafeInteger(Object value) {
    long limit = 1L << 53;
    return value instanceof Long && ((Long) value > limit || (Long) value < -limit);
  }

  public static final class CustomerBean {
    private long customerId;
    private String companyName;
    private String contactName;

    /** Creates an empty bean. */
    public CustomerBean() {}

    /**
     * @return the id
     */
    public long getCustomerId() {
      return customerId;
    }

    /**
     * @param customerId the id
     */
    public void setCustomerId(long customerId) {
      this.customerId = customerId;
    }

    /**
     * @return the company name
     */
    public String getCompanyName() {
      return companyName;
    }

    /**
     * @param companyName the company name
     */
    public void setCompanyName(String companyName) {
      this.companyName = companyName;
    }

    /**
     * @return the contact name
     */
    public String getContactName() {
      return contactName;
    }

    /**
     * @param contactName the contact name
     */
    public void setContactName(String contactName) {
      this.contactName = contactName;
    }
  }
}
