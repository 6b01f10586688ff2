package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1SqlException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * D1's SQLite limits (§10) with their exact errors.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class LimitsContract extends ContractSupport {

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
