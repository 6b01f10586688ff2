package io.github.d1java.testkit.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementsTest {

  @Test
  void splitsOutsideStringsCommentsAndTriggerBodies() {
    assertThat(
            Statements.split(
                "CREATE TABLE t (x); -- a; comment\n"
                    + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (';'); END;\n"
                    + "SELECT 'a;b'"))
        .hasSize(3)
        .last()
        .isEqualTo("SELECT 'a;b'");
  }

  @Test
  void anUnterminatedStringIsOneStatementForTheEngineToRefuse() {
    assertThat(Statements.split("SELECT 'oops; SELECT 2"))
        .containsExactly("SELECT 'oops; SELECT 2");
  }

  @Test
  void onlyCommentsAndBlanksAreNoStatements() {
    assertThat(Statements.split("  -- nothing\n/* here */ ")).isEmpty();
    assertThat(Statements.split("   ")).isEmpty();
  }
}
