package io.github.d1java.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlSplitterTest {

  @Nested
  class Split {

    @Test
    void splitsOnSemicolonsAndDropsTheTerminator() {
      assertThat(SqlSplitter.split("SELECT 1; SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void keepsAFinalStatementWithoutSemicolon() {
      assertThat(SqlSplitter.split("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
      assertThat(SqlSplitter.split(";;  ; -- nothing\n/* nothing */ ;SELECT 1;;"))
          .containsExactly("SELECT 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t", ";;;", "-- only a comment", "/* open comment"})
    void givesNoStatementsForTextWithoutTokens(String sql) {
      assertThat(SqlSplitter.split(sql)).isEmpty();
    }

    @Test
    void handlesCrlfLineEndings() {
      assertThat(SqlSplitter.split("SELECT 1;\r\nSELECT 2;\r\n"))
          .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void rejectsNull() {
      assertThatThrownBy(() -> SqlSplitter.split(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theLazyFormsRejectNullWithTheArgumentsName() {
      assertThatThrownBy(() -> SqlSplitter.iterator(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("reader");
      assertThatThrownBy(() -> SqlSplitter.stream(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("reader");
      assertThatThrownBy(() -> SqlSplitter.stripTransaction((Iterator<SqlStatement>) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("statements");
    }

    @Test
    void theIteratorsAreReadOnly() {
      Iterator<SqlStatement> it = SqlSplitter.iterator(new StringReader("SELECT 1; SELECT 2"));
      it.next();
      assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
      Iterator<SqlStatement> stripped =
          SqlSplitter.stripTransaction(SqlSplitter.iterator(new StringReader("SELECT 1")));
      stripped.next();
      assertThatThrownBy(stripped::remove).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Literals {

    @Test
    void keepsSemicolonsInsideStringsWithDoubledQuotes() {
      assertThat(SqlSplitter.split("INSERT INTO t VALUES('it''s; ok'); SELECT 2;"))
          .containsExactly("INSERT INTO t VALUES('it''s; ok')", "SELECT 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a;\"\"b\"", "`a;``b`", "[a;b]"})
    void keepsSemicolonsInsideQuotedIdentifiers(String identifier) {
      assertThat(SqlSplitter.split("SELECT " + identifier + " FROM t; SELECT 2"))
          .containsExactly("SELECT " + identifier + " FROM t", "SELECT 2");
    }

    @Test
    void keepsBlobLiterals() {
      assertThat(SqlSplitter.split("SELECT X'3B3b';SELECT 1"))
          .containsExactly("SELECT X'3B3b'", "SELECT 1");
    }

    @Test
    void endsAStatementAfterADollarParameter() {
      assertThat(SqlSplitter.split("SELECT $1; SELECT 2;"))
          .containsExactly("SELECT $1", "SELECT 2");
    }

    @Test
    void keepsNewlinesInsideStrings() {
      assertThat(SqlSplitter.split("SELECT 'a\r\nb;'; SELECT 1"))
          .containsExactly("SELECT 'a\r\nb;'", "SELECT 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 'abc", "SELECT \"abc", "SELECT `abc", "SELECT [abc"})
    void rejectsUnterminatedLiteralsNamingTheLine(String open) {
      assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\n\n" + open + ";\nSELECT 2;"))
          .isInstanceOf(SqlSplitException.class)
          .hasMessageStartingWith("D1_ERROR: unterminated ")
          .hasMessageContaining("starting at line 3: " + open.substring(7))
          .extracting(e -> ((SqlSplitException) e).line())
          .isEqualTo(3L);
    }
  }

  @Nested
  class Comments {

    @Test
    void ignoresSemicolonsInLineComments() {
      assertThat(SqlSplitter.split("SELECT 1 -- not; here\n+ 1; SELECT 2"))
          .containsExactly("SELECT 1 -- not; here\n+ 1", "SELECT 2");
    }

    @Test
    void ignoresSemicolonsInBlockComments() {
      assertThat(SqlSplitter.split("SELECT 1 /* ; */ + 1; SELECT 2"))
          .containsExactly("SELECT 1 /* ; */ + 1", "SELECT 2");
    }

    @Test
    void dropsCommentsBetweenStatementsAndAfterTheLastToken() {
      assertThat(SqlSplitter.split("-- header\nSELECT 1 -- trailing\n; /* x */ SELECT 2 /* y */"))
          .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void doesNotTreatASingleDashOrSlashAsAComment() {
      assertThat(SqlSplitter.split("SELECT 4-1/2; SELECT 2"))
          .containsExactly("SELECT 4-1/2", "SELECT 2");
    }

    @Test
    void aQuoteInsideACommentOpensNoString() {
      assertThat(SqlSplitter.split("SELECT 1; -- don't\nSELECT 2; /* it's */ SELECT 3"))
          .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }
  }

  @Nested
  class CompoundStatements {

    @Test
    void keepsATriggerBodyTogether() {
      String trigger =
          "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT CASE WHEN 1 THEN 2 END; END";
      assertThat(SqlSplitter.split(trigger + "; SELECT 3;")).containsExactly(trigger, "SELECT 3");
    }

    @Test
    void keepsAMultiStatementTriggerBodyInAnyCase() {
      String trigger =
          "create temp trigger audit after update on t for each row begin\n"
              + "  insert into log values (old.a);\n"
              + "  update t set b = case when new.a > 0 then 'pos;' else 'neg' end where a = 1;\n"
              + "end";
      assertThat(SqlSplitter.split(trigger + ";\nSELECT 1")).containsExactly(trigger, "SELECT 1");
    }

    @Test
    void splitsAfterCaseEndFollowedByAParenthesisOrComma() {
      assertThat(
              SqlSplitter.split(
                  "SELECT (CASE WHEN a THEN 1 END), CASE b WHEN 1 THEN 2 END, c FROM t; SELECT 2;"))
          .containsExactly(
              "SELECT (CASE WHEN a THEN 1 END), CASE b WHEN 1 THEN 2 END, c FROM t", "SELECT 2");
    }

    @Test
    void lowerCaseBeginOutsideATriggerOpensNothing() {
      assertThat(
              SqlSplitter.split(
                  "CREATE TABLE a(x);\nbegin transaction;\nINSERT INTO a VALUES (1);"))
          .containsExactly("CREATE TABLE a(x)", "begin transaction", "INSERT INTO a VALUES (1)");
    }

    @Test
    void aTableNamedTriggerIsNotATrigger() {
      assertThat(SqlSplitter.split("CREATE TABLE trigger(begin, end); SELECT 1"))
          .containsExactly("CREATE TABLE trigger(begin, end)", "SELECT 1");
    }

    @Test
    void quotedEndDoesNotCloseATrigger() {
      String trigger = "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; \"END\"; END";
      assertThat(SqlSplitter.split(trigger + "; SELECT 2")).hasSize(2).first().isEqualTo(trigger);
    }

    @Test
    void explainCreateTriggerIsOneStatement() {
      String sql = "EXPLAIN CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END";
      assertThat(SqlSplitter.split(sql + "; SELECT 2")).containsExactly(sql, "SELECT 2");
    }

    @Test
    void anUnfinishedTriggerRunsToTheEndOfTheText() {
      assertThat(SqlSplitter.split("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; SELECT 2;"))
          .containsExactly("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; SELECT 2;");
    }
  }

  @Nested
  class Streaming {

    private SqlStatement statement(String source, String sql, long line) {
      return new SqlStatement(sql, line, source.indexOf(sql), SqlLexer.tokenize(sql));
    }

    @Test
    void reportsTheLineWhereEachStatementStarts() {
      String sql = "-- header\n\nSELECT 1;\n  SELECT\n2; /* a\nb */ SELECT 'x\ny';\nSELECT 4";
      assertThat(SqlSplitter.stream(new StringReader(sql)).collect(Collectors.toList()))
          .containsExactly(
              statement(sql, "SELECT 1", 3),
              statement(sql, "SELECT\n2", 4),
              statement(sql, "SELECT 'x\ny'", 6),
              statement(sql, "SELECT 4", 8));
    }

    @Test
    void readsLazilyOneStatementAtATime() {
      CountingReader reader = new CountingReader(20_000);
      Iterator<SqlStatement> it = SqlSplitter.stream(reader).iterator();
      assertThat(it.next())
          .isEqualTo(
              new SqlStatement(
                  "INSERT INTO t VALUES (0)", 1, 0, SqlLexer.tokenize("INSERT INTO t VALUES (0)")));
      assertThat(reader.delivered).isLessThan(100L);
      long count = 1;
      while (it.hasNext()) {
        SqlStatement statement = it.next();
        assertThat(statement.line()).isEqualTo(count + 1);
        count++;
      }
      assertThat(count).isEqualTo(20_000);
    }

    @Test
    void surfacesReadFailuresAsUncheckedIoException() {
      Reader failing =
          new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
              throw new IOException("disk gone");
            }

            @Override
            public void close() {}
          };
      assertThatThrownBy(() -> SqlSplitter.stream(failing).count())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("disk gone");
    }

    @Test
    void theIteratorGivesWhatTheStreamGives() {
      String sql =
          "-- header\nCREATE TABLE t(a);\nINSERT INTO t VALUES('a;b'), (x'00');\n"
              + "CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; END;\n  SELECT\n2";
      List<SqlStatement> viaIterator = new java.util.ArrayList<>();
      SqlSplitter.iterator(new StringReader(sql)).forEachRemaining(viaIterator::add);
      assertThat(viaIterator)
          .hasSize(4)
          .isEqualTo(SqlSplitter.stream(new StringReader(sql)).collect(Collectors.toList()));
      assertThat(viaIterator.get(3).line()).isEqualTo(5);
    }

    @Test
    void theIteratorRefusesAnUnterminatedLiteralWithItsLine() {
      Iterator<SqlStatement> it = SqlSplitter.iterator(new StringReader("SELECT 1;\nSELECT 'x"));
      assertThat(it.next().sql()).isEqualTo("SELECT 1");
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(SqlSplitException.class)
          .hasMessageContaining("line 2");
    }

    @Test
    void doesNotCloseTheReader() {
      CountingReader reader = new CountingReader(3);
      try (Stream<SqlStatement> s = SqlSplitter.stream(reader)) {
        assertThat(s.count()).isEqualTo(3);
      }
      assertThat(reader.closed).isFalse();
    }
  }

  @Nested
  class StripTransaction {

    @Test
    void stripsTheBeginCommitPairOfASqliteDump() {
      List<SqlStatement> statements =
          SqlSplitter.statements(
              "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(a);\n"
                  + "INSERT INTO t VALUES(1);\nCOMMIT;\n");
      assertThat(SqlSplitter.stripTransaction(statements))
          .extracting(SqlStatement::sql)
          .containsExactly(
              "PRAGMA foreign_keys=OFF", "CREATE TABLE t(a)", "INSERT INTO t VALUES(1)");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "begin; SELECT 1; end",
          "BEGIN IMMEDIATE; SELECT 1; COMMIT TRANSACTION",
          "Begin  Exclusive\n Transaction; SELECT 1; commit",
          "BEGIN DEFERRED TRANSACTION; SELECT 1; END TRANSACTION;"
        })
    void recognisesEveryFormOfBeginAndCommit(String sql) {
      assertThat(SqlSplitter.stripTransaction(SqlSplitter.statements(sql)))
          .extracting(SqlStatement::sql)
          .containsExactly("SELECT 1");
      List<String> lazily = new java.util.ArrayList<>();
      SqlSplitter.stripTransaction(SqlSplitter.iterator(new StringReader(sql)))
          .forEachRemaining(st -> lazily.add(st.sql()));
      assertThat(lazily).containsExactly("SELECT 1");
    }

    @Test
    void leavesTextWithoutTransactionUnchanged() {
      List<SqlStatement> statements =
          SqlSplitter.statements("SELECT 1; SELECT 'BEGIN TRANSACTION;'");
      assertThat(SqlSplitter.stripTransaction(statements)).isEqualTo(statements);
    }

    @Test
    void refusesSeveralTransactionsWithWranglersMessage() {
      List<SqlStatement> statements =
          SqlSplitter.statements(
              "BEGIN TRANSACTION;\nSELECT 1;\nCOMMIT;\nBEGIN TRANSACTION;\nSELECT 2;\nCOMMIT;");
      assertThatThrownBy(() -> SqlSplitter.stripTransaction(statements))
          .isInstanceOf(SqlSplitException.class)
          .hasMessage("D1_ERROR: " + SqlSplitException.SEVERAL_TRANSACTIONS)
          .extracting(e -> ((SqlSplitException) e).line())
          .isEqualTo(4L);
    }

    @Test
    void refusesABeginThatIsNeverCommitted() {
      List<SqlStatement> statements = SqlSplitter.statements("SELECT 0;\nBEGIN;\nSELECT 1;");
      assertThatThrownBy(() -> SqlSplitter.stripTransaction(statements))
          .isInstanceOf(SqlSplitException.class)
          .hasMessage("D1_ERROR: the BEGIN TRANSACTION at line 2 is never committed");
    }

    @Test
    void keepsACommitWithoutBeginForTheDatabaseToReject() {
      assertThat(SqlSplitter.stripTransaction(SqlSplitter.statements("SELECT 1; COMMIT;")))
          .extracting(SqlStatement::sql)
          .containsExactly("SELECT 1", "COMMIT");
    }

    @Test
    void stripsLazilyFromAnIterator() {
      CountingReader reader = new CountingReader(20_000);
      Iterator<SqlStatement> it = SqlSplitter.stripTransaction(SqlSplitter.iterator(reader));
      assertThat(it.next().sql()).isEqualTo("INSERT INTO t VALUES (0)");
      assertThat(reader.delivered).isLessThan(100L);
    }

    @Test
    void theIteratorFormRefusesSeveralTransactions() {
      Iterator<SqlStatement> it =
          SqlSplitter.stripTransaction(
              SqlSplitter.iterator(
                  new StringReader("BEGIN;\nSELECT 1;\nCOMMIT;\nbegin transaction;\nSELECT 2;")));
      assertThat(it.next().sql()).isEqualTo("SELECT 1");
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(SqlSplitException.class)
          .hasMessage("D1_ERROR: " + SqlSplitException.SEVERAL_TRANSACTIONS);
    }

    @Test
    void streamsAndClosesTheSource() {
      boolean[] closed = {false};
      Stream<SqlStatement> source =
          SqlSplitter.stream(new StringReader("BEGIN TRANSACTION;\nSELECT 1;\nCOMMIT;"))
              .onClose(() -> closed[0] = true);
      try (Stream<SqlStatement> s = SqlSplitter.stripTransaction(source)) {
        assertThat(s)
            .containsExactly(new SqlStatement("SELECT 1", 2, 19, SqlLexer.tokenize("SELECT 1")));
      }
      assertThat(closed[0]).isTrue();
    }
  }

  @Nested
  class Statement {

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsBlankSql(String sql) {
      assertThatThrownBy(() -> new SqlStatement(sql, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("sql must not be blank");
    }

    @Test
    void rejectsLinesBelowOne() {
      assertThatThrownBy(() -> new SqlStatement("SELECT 1", 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("line must be at least 1: 0");
    }
  }

  /** Produces {@code INSERT INTO t VALUES (i);\n} lines on demand and counts what it delivered. */
  private static final class CountingReader extends Reader {
    private final int lines;
    private int produced;
    private String pending = "";
    private int offset;
    long delivered;
    boolean closed;

    CountingReader(int lines) {
      this.lines = lines;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (offset == pending.length()) {
        if (produced == lines) {
          return -1;
        }
        pending = "INSERT INTO t VALUES (" + produced++ + ");\n";
        offset = 0;
      }
      int n = Math.min(len, pending.length() - offset);
      pending.getChars(offset, offset + n, cbuf, off);
      offset += n;
      delivered += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
