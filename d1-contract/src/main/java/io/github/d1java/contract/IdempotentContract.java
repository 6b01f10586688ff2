package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * {@code idempotent()}: a new marked statement that behaves the same.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class IdempotentContract extends ContractSupport {

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
