package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1ConstraintException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every supported Java type through {@code bind} and back.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class TypesContract extends ContractSupport {

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
   * Whether the backend reads numbers as D1's JSON transport carries them, as JavaScript numbers: a
   * REAL with an integral value arrives as a {@link Long} ({@code 1.0} as {@code 1L}) and an
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
   * types/integer-bind}): {@code typeof(?)} of a bound {@code 42} is {@code real} there. When true
   * the suite expects {@code real} for bound Java integers and booleans.
   *
   * @return false by default
   */
  protected boolean bindsNumbersAsReal() {
    return false;
  }

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
    assertThat((byte[]) db.prepare("SELECT ? AS b").bind(buf).first("b")).containsExactly(8, 7, 6);
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
        .isEqualTo(
            row(
                "v",
                readsNumbersAsJavaScriptNumbers() ? (Object) 1L : 1.0d,
                "s",
                0.30000000000000004d));
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

  /** A double as JSON and JavaScript carry it: integral values become Long. */
  private static Object jsNumber(double d) {
    return d == Math.rint(d) && Math.abs(d) <= 9007199254740992d ? (Object) (long) d : d;
  }

  private static boolean isUnsafeInteger(Object value) {
    long limit = 1L << 53;
    return value instanceof Long && ((Long) value > limit || (Long) value < -limit);
  }
}
