package io.github.d1java.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SqlSplitterPropertiesTest {

  private static final String TRICKY = "abc ;'\"`[]-*/\n\r\tEND begin case$é";

  @Property
  void joiningStatementsWithSemicolonsAndSplittingGivesThemBack(
      @ForAll("statements") List<String> statements, @ForAll("separators") List<String> seps) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < statements.size(); i++) {
      sql.append(seps.get(i % seps.size())).append(statements.get(i)).append(';');
    }
    assertThat(SqlSplitter.split(sql.toString())).isEqualTo(statements);
  }

  @Property
  void streamingReportsTheLineOfEachStatementsFirstToken(
      @ForAll("statements") List<String> statements, @ForAll("separators") List<String> seps) {
    StringBuilder sql = new StringBuilder();
    List<SqlStatement> expected = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      sql.append(seps.get(i % seps.size()));
      long line = sql.chars().filter(c -> c == '\n').count() + 1;
      expected.add(
          new SqlStatement(
              statements.get(i), line, sql.length(), SqlLexer.tokenize(statements.get(i))));
      sql.append(statements.get(i)).append(";");
    }
    assertThat(SqlSplitter.stream(new StringReader(sql.toString())).collect(Collectors.toList()))
        .isEqualTo(expected);
  }

  @Property
  void streamingGivesTheSameStatementsWhateverTheReadSizes(
      @ForAll("statements") List<String> statements,
      @ForAll("separators") List<String> seps,
      @ForAll @IntRange(min = 1, max = 7) int chunk) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < statements.size(); i++) {
      sql.append(seps.get(i % seps.size())).append(statements.get(i)).append(';');
    }
    String text = sql.toString();
    Reader trickle =
        new Reader() {
          private int offset;

          @Override
          public int read(char[] cbuf, int off, int len) {
            if (offset == text.length()) {
              return -1;
            }
            int n = Math.min(Math.min(len, chunk), text.length() - offset);
            text.getChars(offset, offset + n, cbuf, off);
            offset += n;
            return n;
          }

          @Override
          public void close() {}
        };
    assertThat(SqlSplitter.stream(trickle).collect(Collectors.toList()))
        .isEqualTo(SqlSplitter.statements(text));
  }

  @Property
  void neverSplitsInsideALiteralOrComment(@ForAll("literals") String literal) {
    String statement = "SELECT " + literal + " FROM t";
    assertThat(SqlSplitter.split(statement + ";SELECT 2")).containsExactly(statement, "SELECT 2");
  }

  @Provide
  Arbitrary<List<String>> statements() {
    return Arbitraries.oneOf(plainStatement(), trigger()).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<String>> separators() {
    return Arbitraries.of(
            "", " ", "\n", "\r\n  ", "-- c;'\n", "/* ;' */", " ;; ", "\n-- END;\n ; /* x */\n")
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.oneOf(
        quoted('\'', '\''),
        quoted('"', '"'),
        quoted('`', '`'),
        quoted('[', ']'),
        text().filter(s -> !s.contains("*/")).map(s -> "/*" + s + "*/ 1"),
        text().map(s -> "-- " + s.replace('\n', ' ').replace('\r', ' ') + "\n 1"));
  }

  private Arbitrary<String> plainStatement() {
    Arbitrary<String> middle =
        Arbitraries.oneOf(word(), literals()).list().ofMaxSize(5).map(l -> String.join(" ", l));
    return Combinators.combine(word(), middle, Arbitraries.oneOf(word(), quoted('\'', '\'')))
        .as((first, mid, last) -> (first + " " + mid + " " + last).replaceAll(" +", " "));
  }

  private Arbitrary<String> trigger() {
    Arbitrary<String> body =
        Arbitraries.oneOf(plainStatement(), Arbitraries.just("SELECT CASE WHEN a THEN 'b;' END"))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(l -> String.join(";\n  ", l) + ";\n");
    return body.map(b -> "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  " + b + "END");
  }

  private Arbitrary<String> word() {
    return Arbitraries.of(
        "SELECT", "a", "t", "FROM", "1", "(", ")", ",", "x_1", "$p", "?", "+", "end", "case",
        "begin");
  }

  private Arbitrary<String> text() {
    return Arbitraries.strings().withChars(TRICKY.toCharArray()).ofMaxLength(12);
  }

  private Arbitrary<String> quoted(char open, char close) {
    Arbitrary<String> content =
        close == ']'
            ? text().map(s -> s.replace("]", ""))
            : text().map(s -> s.replace(String.valueOf(close), "" + close + close));
    return content.map(s -> open + s + close);
  }
}
