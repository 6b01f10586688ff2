package io.github.d1java.testkit.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

  @Test
  void splitsOnSemicolonsOutsideStringsAndComments() {
    assertThat(SqlSplitter.split("INSERT INTO t VALUES('it''s; ok'); -- a; b\nSELECT \"x;y\" /* ; */;"))
        .containsExactly("INSERT INTO t VALUES('it''s; ok')", "-- a; b\nSELECT \"x;y\" /* ; */");
  }

  @Test
  void keepsTriggerBodiesWhole() {
    assertThat(SqlSplitter.split(
            "CREATE TRIGGER x AFTER INSERT ON t begin SELECT CASE WHEN 1 THEN 2 END; end; SELECT 3;"))
        .containsExactly("CREATE TRIGGER x AFTER INSERT ON t begin SELECT CASE WHEN 1 THEN 2 END; end", "SELECT 3");
  }

  @Test
  void dropsEmptyAndCommentOnlyStatements() {
    assertThat(SqlSplitter.split(";;  -- only\n;/* c */")).isEqualTo(List.of());
  }
}
