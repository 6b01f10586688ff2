package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TypeException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bind}: immutable, eager type checks, arity checked at run time.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class BindContract extends ContractSupport {

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
    assertThatThrownBy(() -> st.params().add(1)).isInstanceOf(UnsupportedOperationException.class);
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
    assertThat(db.prepare("SELECT name FROM c WHERE name LIKE ? ORDER BY name").bind("%eve%").raw())
        .containsExactly(List.of("Bs Beverages"), List.of("Never Mind"));
  }
}
