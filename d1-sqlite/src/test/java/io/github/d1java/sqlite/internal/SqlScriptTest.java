package io.github.d1java.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.sqlite.internal.SqlScript.Kind;
import io.github.d1java.sqlite.internal.SqlScript.Statement;
import io.github.d1java.sqlite.internal.SqlScript.Token;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlScriptTest {

  private static List<String> texts(String sql) {
    return SqlScript.parse(sql).statements().stream().map(Statement::text).collect(Collectors.toList());
  }

  @Nested
  class Splitting {

    @Test
    void splitsOnTopLevelSemicolonsKeepingThem() {
      assertThat(texts("SELECT 1; SELECT 2")).containsExactly("SELECT 1;", " SELECT 2");
    }

    @Test
    void trailingWhitespaceIsNotAStatementButATrailingCommentIs() {
      assertThat(texts("SELECT 1;  \n")).containsExactly("SELECT 1;");
      List<Statement> st = SqlScript.parse("SELECT 1; -- c").statements();
      assertThat(st).hasSize(2);
      assertThat(st.get(1).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT 'a;b'",
          "SELECT \"a;b\"",
          "SELECT `a;b`",
          "SELECT [a;b]",
          "SELECT 'it''s;'",
          "SELECT 1 /* ; */",
          "SELECT x'3b'"
        })
    void semicolonsInsideLiteralsAndCommentsDoNotSplit(String sql) {
      assertThat(texts(sql)).containsExactly(sql);
    }

    @Test
    void lineCommentHidesSemicolonUntilNewline() {
      assertThat(texts("SELECT 1 -- ; no\n; SELECT 2")).containsExactly("SELECT 1 -- ; no\n;", " SELECT 2");
    }

    @Test
    void triggerBodyWithCaseIsOneStatement() {
      String trigger =
          "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v = CASE WHEN 1 THEN 2 END;"
              + " DELETE FROM t; END;";
      assertThat(texts(trigger + " SELECT 1")).containsExactly(trigger, " SELECT 1");
    }

    @Test
    void tempTriggerIsRecognisedToo() {
      String trigger = "CREATE TEMP TRIGGER IF NOT EXISTS tr AFTER INSERT ON t BEGIN SELECT 1; END;";
      assertThat(texts(trigger)).containsExactly(trigger);
    }

    @Test
    void unterminatedLiteralRunsToTheEnd() {
      assertThat(texts("SELECT 'abc; SELECT 2")).containsExactly("SELECT 'abc; SELECT 2");
    }
  }

  @Nested
  class Tokens {

    @Test
    void classifiesTokensWithStatementRelativeOffsets() {
      Statement st = SqlScript.parse("SELECT 1; SELECT ?2, :a, x'01', \"q\"\"d\", 1.5e-3 || 'x'").statements().get(1);
      assertThat(st.tokens())
          .extracting(Token::kind)
          .containsExactly(
              Kind.WORD, Kind.PARAM, Kind.PUNCT, Kind.PARAM, Kind.PUNCT, Kind.BLOB, Kind.PUNCT,
              Kind.QUOTED_ID, Kind.PUNCT, Kind.NUMBER, Kind.PUNCT, Kind.STRING);
      assertThat(st.tokens().get(0).start()).isEqualTo(1);
      assertThat(st.tokens().get(7).identifier()).isEqualTo("q\"d");
    }

    @Test
    void byteOffsetsCountUtf8Bytes() {
      Statement st = SqlScript.parse("SELECT 'é', nope").statements().get(0);
      Token nope = st.tokens().get(3);
      assertThat(st.byteOffset(nope.start())).isEqualTo(13);
    }

    @Test
    void bracketAndBacktickIdentifiersUnquote() {
      Statement st = SqlScript.parse("SELECT [a b], `c``d`").statements().get(0);
      assertThat(st.tokens().get(1).identifier()).isEqualTo("a b");
      assertThat(st.tokens().get(3).identifier()).isEqualTo("c`d");
    }
  }
}
