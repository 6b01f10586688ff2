package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1Exception;
import io.github.d1java.D1PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * {@code close()}.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class CloseContract extends ContractSupport {

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
