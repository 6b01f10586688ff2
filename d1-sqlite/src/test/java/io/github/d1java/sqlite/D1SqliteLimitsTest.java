package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class D1SqliteLimitsTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.builder().maxValueLength(1000).build();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void sqlLongerThanOneHundredThousandBytesIsTooLong() {
    String sql = "SELECT '" + "x".repeat(100_000) + "'";
    assertThatThrownBy(() -> db.prepare(sql).all())
        .hasMessage("D1_ERROR: statement too long: SQLITE_TOOBIG");
  }

  @Test
  void sqlLengthLimitCoversAllStatementsOfOneCall() {
    String half = "SELECT 1" + " ".repeat(60_000) + ";";
    assertThatThrownBy(() -> db.prepare(half + half).all())
        .hasMessage("D1_ERROR: statement too long: SQLITE_TOOBIG");
    assertThat(db.batch(db.prepare(half), db.prepare(half))).hasSize(2);
  }

  @Test
  void sqlLengthIsCountedInUtf8Bytes() {
    String sql = "SELECT '" + "é".repeat(50_000) + "'";
    assertThatThrownBy(() -> db.prepare(sql).all())
        .hasMessage("D1_ERROR: statement too long: SQLITE_TOOBIG");
  }

  @Test
  void valueAboveTheConfiguredLengthIsTooBig() {
    assertThat(db.prepare("SELECT ? AS v").bind("x".repeat(1000)).first("v").toString())
        .hasSize(1000);
    // SQLITE_LIMIT_LENGTH is the configured length + 1 (see the next test)
    assertThatThrownBy(() -> db.prepare("SELECT ? AS v").bind("x".repeat(1002)).all())
        .hasMessage("D1_ERROR: string or blob too big: SQLITE_TOOBIG");
    assertThatThrownBy(() -> db.prepare("SELECT length(hex(zeroblob(501))) AS n").all())
        .hasMessage("D1_ERROR: string or blob too big: SQLITE_TOOBIG");
  }

  @Test
  void functionResultOfExactlyTheConfiguredLengthIsAllowed() {
    // regression: hex() allocates its result plus a terminating NUL, which SQLite counted against
    // the limit, so a 1000-character result was refused; D1 accepts a value of its maximum size
    assertThat((Long) db.prepare("SELECT length(hex(zeroblob(500))) AS n").first("n"))
        .isEqualTo(1000L);
    assertThat((Long) db.prepare("SELECT length(printf('%.*c', 1000, 'x')) AS n").first("n"))
        .isEqualTo(1000L);
  }

  @Test
  void moreThanOneHundredColumnsInCreateFails() {
    String cols = IntStream.range(0, 101).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
    assertThatThrownBy(() -> db.prepare("CREATE TABLE wide (" + cols + ")").run())
        .hasMessage("D1_ERROR: too many columns on wide: SQLITE_ERROR");
  }

  @Test
  void moreThanOneHundredResultColumnsFails() {
    String cols = String.join(",", Collections.nCopies(101, "1"));
    assertThatThrownBy(() -> db.prepare("SELECT " + cols).all())
        .hasMessage("D1_ERROR: too many columns in result set: SQLITE_ERROR");
  }

  @Test
  void likePatternAboveFiftyBytesIsTooComplex() {
    assertThat(db.prepare("SELECT 'a' LIKE ? AS m").bind("%".repeat(50)).first()).isNotNull();
    assertThatThrownBy(() -> db.prepare("SELECT 'a' LIKE ? AS m").bind("%".repeat(51)).all())
        .hasMessage("D1_ERROR: LIKE or GLOB pattern too complex: SQLITE_ERROR");
  }

  @Test
  void sixCompoundTermsAreTooMany() {
    String five = String.join(" UNION ", Collections.nCopies(5, "SELECT 1"));
    assertThat(db.prepare(five).all().results()).hasSize(1);
    assertThatThrownBy(() -> db.prepare(five + " UNION SELECT 2").all())
        .hasMessage("D1_ERROR: too many terms in compound SELECT: SQLITE_ERROR");
  }

  @Test
  void moreThan127FunctionArgumentsFail() {
    String args = String.join(",", Collections.nCopies(128, "1"));
    assertThatThrownBy(() -> db.prepare("SELECT max(" + args + ")").all())
        .hasMessageStartingWith("D1_ERROR: too many arguments on function max")
        .hasMessageEndingWith(": SQLITE_ERROR");
  }

  @Test
  void expressionDeeperThanOneHundredIsTooLarge() {
    String deep = "SELECT 1" + "+1".repeat(100);
    assertThatThrownBy(() -> db.prepare(deep).all())
        .hasMessage("D1_ERROR: Expression tree is too large (maximum depth 100): SQLITE_ERROR");
    assertThat(db.prepare("SELECT 1" + "+1".repeat(98) + " AS v").first()).containsEntry("v", 99L);
  }

  @Test
  void triggersAreNotRecursiveByDefaultLikeWorkerd() {
    db.exec("CREATE TABLE r (n INTEGER)");
    db.exec(
        "CREATE TRIGGER rt AFTER INSERT ON r WHEN new.n < 50 BEGIN INSERT INTO r VALUES (new.n + 1); END");
    assertThat((Long) db.prepare("PRAGMA recursive_triggers").first("recursive_triggers")).isZero();
    db.prepare("INSERT INTO r VALUES (1)").run();
    assertThat((Long) db.prepare("SELECT count(*) AS c FROM r").first("c")).isEqualTo(2L);
  }

  @Test
  void recursiveTriggersStopAtDepthTen() {
    db.exec("CREATE TABLE r (n INTEGER)");
    db.exec(
        "CREATE TRIGGER rt AFTER INSERT ON r WHEN new.n < ?1 BEGIN INSERT INTO r VALUES (new.n + 1); END"
            .replace("?1", "(SELECT max FROM lim)"));
    db.exec("CREATE TABLE lim (max INTEGER)\nINSERT INTO lim VALUES (10)");
    db.batch(db.prepare("PRAGMA recursive_triggers = on"), db.prepare("INSERT INTO r VALUES (1)"));
    assertThat((Long) db.prepare("SELECT count(*) AS c FROM r").first("c")).isEqualTo(10L);
    db.exec("DELETE FROM r\nUPDATE lim SET max = 11");
    // SQLite 3.47's own text for SQLITE_LIMIT_TRIGGER_DEPTH (D1 and Miniflare 4.20260730 say the
    // same)
    assertThatThrownBy(
            () ->
                db.batch(
                    db.prepare("PRAGMA recursive_triggers = on"),
                    db.prepare("INSERT INTO r VALUES (1)")))
        .hasMessage("D1_ERROR: too many levels of trigger recursion: SQLITE_ERROR");
    assertThat((Long) db.prepare("SELECT count(*) AS c FROM r").first("c")).isZero();
  }

  @Test
  void builderRejectsBadOptionsNamingTheProperty() {
    assertThatThrownBy(() -> D1Sqlite.builder().readers(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readers");
    assertThatThrownBy(() -> D1Sqlite.builder().maxValueLength(0))
        .hasMessageContaining("maxValueLength");
    assertThatThrownBy(() -> D1Sqlite.builder().statementCacheSize(0))
        .hasMessageContaining("statementCacheSize");
    assertThatThrownBy(() -> D1Sqlite.builder().busyTimeout(java.time.Duration.ofSeconds(-1)))
        .hasMessageContaining("busyTimeout");
  }
}
