package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1SqlException;
import org.junit.jupiter.api.Test;

/**
 * {@code prepare}: no I/O, no validation, exposes its SQL.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class PrepareContract extends ContractSupport {

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
