package io.github.d1java.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

  @Test
  void everyKeywordIsAKeywordInAnyCaseAndNothingNearItIs() {
    for (String k : Tokenizer.KEYWORDS) {
      String lower = k.toLowerCase(java.util.Locale.ROOT);
      String mixed = lower.substring(0, 1) + k.substring(1);
      for (String form : List.of(k, lower, mixed)) {
        assertThat(SqlLexer.tokenize(form).get(0).type()).as(form).isEqualTo(SqlTokenType.KEYWORD);
      }
      for (String near : List.of(k + "X", k + "_", "X" + k, k.substring(0, k.length() - 1))) {
        if (!Tokenizer.KEYWORDS.contains(near)) {
          assertThat(SqlLexer.tokenize(near).get(0).type())
              .as(near)
              .isEqualTo(SqlTokenType.IDENTIFIER);
        }
      }
    }
  }

  private static String kinds(String sql) {
    return SqlLexer.tokenize(sql).stream()
        .map(t -> t.type() + ":" + t.text())
        .collect(Collectors.joining(" "));
  }

  private static SqlTokenType only(String sql) {
    List<SqlToken> tokens = SqlLexer.tokenize(sql);
    assertThat(tokens).as(sql).hasSize(1);
    assertThat(tokens.get(0).text()).isEqualTo(sql);
    return tokens.get(0).type();
  }

  private static List<String> split(String sql) {
    return SqlLexer.statements(sql).stream().map(SqlStatement::sql).collect(Collectors.toList());
  }

  @Nested
  class Tokens {

    @Test
    void readsKeywordsIdentifiersAndPunctuation() {
      assertThat(kinds("select a1, \"b\"\"c\" FROM [t x].`u`;"))
          .isEqualTo(
              "KEYWORD:select IDENTIFIER:a1 COMMA:, QUOTED_IDENTIFIER:\"b\"\"c\" KEYWORD:FROM"
                  + " QUOTED_IDENTIFIER:[t x] DOT:. QUOTED_IDENTIFIER:`u` SEMICOLON:;");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~',
        value = {
          "'it''s'|STRING",
          "''|STRING",
          "x'0aFF'|BLOB",
          "X''|BLOB",
          "x'0'|ILLEGAL",
          "x'0g'|ILLEGAL",
          "x'ab|ILLEGAL",
          "12|INTEGER",
          "0x1F|INTEGER",
          "0X1f_ff|INTEGER",
          "1_000|INTEGER",
          "1.5|FLOAT",
          ".5|FLOAT",
          "1.|FLOAT",
          "1e5|FLOAT",
          "1E+5|FLOAT",
          "1.5e-3|FLOAT",
          "1_0.2_5e1_0|FLOAT",
          "1__0|ILLEGAL",
          "1_|ILLEGAL",
          "0x_1|ILLEGAL",
          "12ab|ILLEGAL",
          "1e|ILLEGAL",
          "0x|ILLEGAL",
          "?|VARIABLE",
          "?12|VARIABLE",
          ":a|VARIABLE",
          "@a1|VARIABLE",
          "$a|VARIABLE",
          "#a|VARIABLE",
          "#1|VARIABLE",
          ":1|VARIABLE",
          "$a(x;y)|VARIABLE",
          "$a::b|VARIABLE",
          "$a::b(c)|VARIABLE",
          "$a(x|ILLEGAL",
          "$|ILLEGAL",
          "'open|ILLEGAL",
          "\"open|ILLEGAL",
          "`open|ILLEGAL",
          "[open|ILLEGAL",
          "!|ILLEGAL",
          "^|ILLEGAL",
          "\\|ILLEGAL",
          "{|ILLEGAL",
          "->>|OPERATOR",
          "->|OPERATOR",
          "<>|OPERATOR",
          "!=|OPERATOR",
          "==|OPERATOR",
          "<<|OPERATOR",
          ">=|OPERATOR",
          "_cf_KV|IDENTIFIER",
          "été|IDENTIFIER",
          "x|IDENTIFIER",
          "xor|IDENTIFIER",
          "a$b|IDENTIFIER",
          "trigger|KEYWORD",
          "Begin|KEYWORD",
          "CURRENT_TIMESTAMP|KEYWORD",
          "begin1|IDENTIFIER",
          "beginé|IDENTIFIER",
        })
    void readsEachKindAsSqliteDoes(String text, SqlTokenType type) {
      assertThat(only(text)).isEqualTo(type);
    }

    @Test
    void aVariableNeedsAName() {
      assertThat(kinds(": a")).isEqualTo("ILLEGAL:: IDENTIFIER:a");
      assertThat(kinds("$(x)")).isEqualTo("ILLEGAL:$ LEFT_PAREN:( IDENTIFIER:x RIGHT_PAREN:)");
    }

    @Test
    void aTclSuffixRunsToASpaceOrClosingParenthesis() {
      // issue 8: the old splitter read '...' as a string here; SQLite reads #a(') and runs COMMIT
      assertThat(kinds("SELECT #a(');COMMIT;BEGIN;--');"))
          .isEqualTo(
              "KEYWORD:SELECT VARIABLE:#a(') SEMICOLON:; KEYWORD:COMMIT SEMICOLON:; KEYWORD:BEGIN"
                  + " SEMICOLON:;");
      assertThat(kinds("SELECT $a(x;y);")).isEqualTo("KEYWORD:SELECT VARIABLE:$a(x;y) SEMICOLON:;");
      assertThat(kinds("SELECT $a(' x')")).isEqualTo("KEYWORD:SELECT ILLEGAL:$a(' ILLEGAL:x')");
    }

    @Test
    void readsCommentsAndWhitespaceOnlyWhenAsked() {
      List<SqlToken> all = SqlLexer.tokenizeAll("SELECT/*c*/1 -- d\n\uFEFF;/* open");
      assertThat(all.stream().map(SqlToken::type))
          .containsExactly(
              SqlTokenType.KEYWORD,
              SqlTokenType.COMMENT,
              SqlTokenType.INTEGER,
              SqlTokenType.SPACE,
              SqlTokenType.COMMENT,
              SqlTokenType.SPACE,
              SqlTokenType.SPACE,
              SqlTokenType.SEMICOLON,
              SqlTokenType.COMMENT);
      assertThat(all.stream().map(SqlToken::text).collect(Collectors.joining()))
          .isEqualTo("SELECT/*c*/1 -- d\n\uFEFF;/* open");
    }

    @Test
    void aSlashStarAtTheVeryEndIsTwoOperators() {
      assertThat(kinds("1/*")).isEqualTo("INTEGER:1 OPERATOR:/ OPERATOR:*");
    }

    @Test
    void verticalTabOnlyContinuesWhitespace() {
      assertThat(kinds("\u000b1")).isEqualTo("ILLEGAL:\u000b INTEGER:1");
      assertThat(kinds(" \u000b1")).isEqualTo("INTEGER:1");
    }

    @Test
    void aNulIsIllegalAndEndsTheTokenItInterrupts() {
      assertThat(kinds("SELECT 'a\0b'"))
          .isEqualTo("KEYWORD:SELECT ILLEGAL:'a ILLEGAL:\0 IDENTIFIER:b ILLEGAL:'");
    }

    @Test
    void namesUnquoteIdentifiersAndStrings() {
      List<SqlToken> t = SqlLexer.tokenize("a \"b\"\"c\" [d e] `f``g` 'h''i' 1 ?");
      assertThat(t.stream().map(SqlToken::name))
          .containsExactly("a", "b\"c", "d e", "f`g", "h'i", null, null);
    }

    @Test
    void matchesKeywordsInAnyCaseAndSymbolsExactly() {
      List<SqlToken> t = SqlLexer.tokenize("sElEcT \"select\" ( ||");
      assertThat(t.get(0).isKeyword("SELECT")).isTrue();
      assertThat(t.get(0).keyword()).isEqualTo("SELECT");
      assertThat(t.get(1).isKeyword("SELECT")).isFalse();
      assertThat(t.get(1).keyword()).isNull();
      assertThat(t.get(2).isSymbol("(")).isTrue();
      assertThat(t.get(3).isSymbol("||")).isTrue();
      assertThat(t.get(3).isSymbol("|")).isFalse();
      assertThat(t.get(0).isSymbol("sElEcT")).isFalse();
    }

    @Test
    void knowsSqlite347sKeywords() {
      assertThat(Tokenizer.KEYWORDS).hasSize(147).contains("MATERIALIZED", "RETURNING");
      assertThat(only("within")).isEqualTo(SqlTokenType.IDENTIFIER);
    }

    @Test
    void rejectsNullAndBadRanges() {
      assertThatThrownBy(() -> SqlLexer.tokenize(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new SqlToken(SqlTokenType.DOT, ".", 0, 0))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> new SqlToken(SqlTokenType.DOT, ".", 0, 2))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Nested
  class Complete {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1;",
          "SELECT 1; -- done",
          "SELECT 1; /* done */",
          "SELECT ';';",
          "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;",
          "create temp trigger t after insert on x begin select case when 1 then 2 end; end;",
          "EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;",
          "EXPLAIN QUERY PLAN CREATE TEMPORARY TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END ;",
          "CREATE TABLE trigger(begin INT);",
          "SELECT $a(x;y);",
        })
    void completeStatements(String sql) {
      assertThat(SqlLexer.isComplete(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "SELECT 1",
          "SELECT 1 -- ;",
          "SELECT ';",
          "SELECT 1; /* open",
          "SELECT [a;",
          "SELECT x'ab;",
          "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;",
          "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET end = 1;",
          "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END",
          "SELECT $a(x;",
          "SELECT 1\0;",
        })
    void incompleteStatements(String sql) {
      assertThat(SqlLexer.isComplete(sql)).isFalse();
    }
  }

  @Nested
  class Statements {

    @Test
    void giveOffsetsLinesAndTokensRelativeToTheStatement() {
      String sql = "-- c\nSELECT 1;\n  /* x */ SELECT\n 'a' -- t\n;;";
      List<SqlStatement> s = SqlLexer.statements(sql);
      assertThat(s).hasSize(2);
      assertThat(s.get(1).sql()).isEqualTo("SELECT\n 'a'");
      assertThat(s.get(1).line()).isEqualTo(3);
      assertThat(s.get(1).offset()).isEqualTo(sql.indexOf("SELECT\n"));
      assertThat(s.get(1).tokens().get(1).text()).isEqualTo("'a'");
      assertThat(s.get(1).tokens().get(1).start()).isEqualTo(8);
    }

    @Test
    void triggerBodyWithNewBeginIsOneStatement() {
      assertThat(
              split(
                  "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET a = new.begin; "
                      + "END; SELECT 1"))
          .containsExactly(
              "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET a = new.begin; END",
              "SELECT 1");
    }

    @Test
    void triggerBodySettingAColumnNamedEndIsOneStatement() {
      assertThat(
              split(
                  "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET end = 1; "
                      + "UPDATE y SET end = 2 WHERE end = (CASE WHEN 1 THEN 2 END); END; SELECT 1"))
          .containsExactly(
              "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET end = 1; "
                  + "UPDATE y SET end = 2 WHERE end = (CASE WHEN 1 THEN 2 END); END",
              "SELECT 1");
    }

    @Test
    void explainCreateTriggerIsOneStatement() {
      assertThat(
              split(
                  "EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;"
                      + "EXPLAIN QUERY PLAN CREATE TEMP TRIGGER u AFTER INSERT ON x BEGIN"
                      + " SELECT 2; END; SELECT 3"))
          .containsExactly(
              "EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END",
              "EXPLAIN QUERY PLAN CREATE TEMP TRIGGER u AFTER INSERT ON x BEGIN SELECT 2; END",
              "SELECT 3");
    }

    @Test
    void aTableNamedTriggerWithAColumnNamedBeginIsNoTrigger() {
      assertThat(
              split(
                  "CREATE TABLE trigger(begin INT); COMMIT; INSERT INTO t VALUES (9,'hidden');"
                      + " SELECT 1 AS end"))
          .containsExactly(
              "CREATE TABLE trigger(begin INT)",
              "COMMIT",
              "INSERT INTO t VALUES (9,'hidden')",
              "SELECT 1 AS end");
    }

    @Test
    void aQuotedCreateOrTriggerStartsNoTrigger() {
      assertThat(split("CREATE \"TRIGGER\" x; SELECT 1; \"CREATE\" TRIGGER BEGIN; SELECT 2"))
          .containsExactly(
              "CREATE \"TRIGGER\" x", "SELECT 1", "\"CREATE\" TRIGGER BEGIN", "SELECT 2");
    }

    @Test
    void aTclVariableEndsAtItsClosingParenthesis() {
      assertThat(split("SELECT #a(');COMMIT;BEGIN;--'); SELECT 2\nSELECT 3"))
          .containsExactly("SELECT #a(')", "COMMIT", "BEGIN", "SELECT 3");
      assertThat(split("SELECT $a(x;y); SELECT 2")).containsExactly("SELECT $a(x;y)", "SELECT 2");
    }

    @Test
    void anUnterminatedStringRunsToTheEnd() {
      List<SqlStatement> s = SqlLexer.statements("SELECT 1; SELECT 'a; SELECT 2");
      assertThat(s).hasSize(2);
      assertThat(s.get(1).tokens().get(1).type()).isEqualTo(SqlTokenType.ILLEGAL);
      assertThat(s.get(1).sql()).isEqualTo("SELECT 'a; SELECT 2");
    }

    @Test
    void aNulDoesNotEndAStatement() {
      assertThat(split("SELECT 1\0; SELECT 2")).containsExactly("SELECT 1\0", "SELECT 2");
    }
  }

  @Nested
  class Classification {

    private SqlStatement statement(String sql) {
      return new SqlStatement(sql, 1);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1",
          "select replace('a', 'b', 'c')",
          "WITH x AS (SELECT 1) SELECT * FROM x",
          "VALUES (1)",
          "EXPLAIN SELECT 1",
          "SELECT CASE WHEN 1 THEN 2 END",
          "SELECT \"insert\", 'delete' FROM \"update\"",
        })
    void readOnlyStatements(String sql) {
      assertThat(statement(sql).isReadOnly()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "INSERT INTO t VALUES (1)",
          "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
          "WITH x AS (SELECT 1) DELETE FROM t",
          "EXPLAIN INSERT INTO t VALUES (1)",
          "PRAGMA user_version",
          "\"SELECT\" 1",
          "(SELECT 1)",
          "SELECT 'a",
          "SELECT begin FROM t",
        })
    void statementsThatMayWrite(String sql) {
      assertThat(statement(sql).isReadOnly()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "  -- comment\nselect * from t;",
          "/* c */ SELECT replace(name, 'a', 'b') FROM t",
          "EXPLAIN QUERY PLAN SELECT * FROM t",
          "SELECT 1; -- trailing comment",
        })
    void readOnlyTexts(String sql) {
      assertThat(SqlLexer.isReadOnly(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1; SELECT 2",
          "SELECT 1; DROP TABLE t",
          "REPLACE INTO t VALUES (1)",
          "SELECT * FROM t RETURNING *",
          "",
          "   ",
          "-- only a comment",
          "'SELECT'",
          "SELECT #a(');DELETE FROM t;--')",
        })
    void textsThatMayWrite(String sql) {
      assertThat(SqlLexer.isReadOnly(sql)).isFalse();
    }

    @Test
    void firstKeyword() {
      assertThat(statement("explain SELECT 1").firstKeyword()).isEqualTo("EXPLAIN");
      assertThat(statement("'x'").firstKeyword()).isNull();
      assertThat(statement("[BEGIN]").firstKeyword()).isNull();
    }

    @Test
    void countsParametersAsSqliteNumbersThem() {
      SqlStatement s = statement("SELECT ?, :a, ?5, :a, @a, ?, $b, ?2, #1");
      assertThat(s.parameterCount()).isEqualTo(8);
      assertThat(s.parameterNames())
          .containsExactlyElementsOf(Arrays.asList(null, ":a", null, null, "?5", "@a", null, "$b"));
      assertThat(s.hasParameters()).isTrue();
      assertThat(statement("SELECT ?2").parameterNames()).containsExactly(null, "?2");
      assertThat(statement("SELECT '?', \":a\", #1").hasParameters()).isFalse();
      assertThat(statement("SELECT ?0, ?250001").parameterCount()).isZero();
    }

    @Test
    void validates() {
      assertThatThrownBy(() -> new SqlStatement(" ", 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SqlStatement("SELECT 1", 1, -1, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SqlStatement("SELECT 1", 1, 0, null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
