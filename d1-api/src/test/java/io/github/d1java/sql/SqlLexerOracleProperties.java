package io.github.d1java.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lexer against SQLite itself (sqlite-jdbc, in memory) as the oracle: where SQLite's own script
 * runner ({@code sqlite3_exec}) ends statements, what type SQLite gives a literal, where an
 * unrecognized token starts and ends, how many parameters a statement has.
 */
class SqlLexerOracleProperties {

  private static final String SCHEMA =
      "CREATE TABLE log(k INTEGER, v); CREATE TABLE src(begin INTEGER, end INTEGER, \"case\" TEXT);";

  private static Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = c.createStatement()) {
      s.executeUpdate(SCHEMA);
    }
    return c;
  }

  /** The database's visible state: the log rows and the schema, in a stable order. */
  private static List<String> state(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 'log', k, quote(v) FROM log UNION ALL"
                    + " SELECT type, name, sql FROM sqlite_schema ORDER BY 1, 2, 3")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
      }
    }
    return out;
  }

  /**
   * SQLite runs the whole script with its own splitting; the lexer's statements are then run one
   * prepare each on a second database. Were a lexer statement two of SQLite's, the prepare would
   * run only the first; were it part of one, the prepare would fail. Both databases must end equal,
   * and each run must put the same rows in the log, in order.
   */
  @Property(tries = 300)
  void statementBoundariesAgreeWithSqlitesScriptRunner(@ForAll("scripts") String script)
      throws SQLException {
    List<SqlStatement> statements = SqlLexer.statements(script);
    try (Connection sqlite = open();
        Connection lexer = open()) {
      try (Statement s = sqlite.createStatement()) {
        s.executeUpdate(script);
      }
      for (SqlStatement st : statements) {
        try (PreparedStatement ps = lexer.prepareStatement(st.sql())) {
          ps.execute();
        }
      }
      assertThat(state(lexer)).as(script).isEqualTo(state(sqlite));
      // the trigger bodies fire on this insert, identically if their bodies are whole
      String fire = "INSERT INTO src VALUES (1, 2, 'c')";
      try (Statement a = sqlite.createStatement();
          Statement b = lexer.createStatement()) {
        a.executeUpdate(fire);
        b.executeUpdate(fire);
      }
      assertThat(state(lexer)).as(script).isEqualTo(state(sqlite));
    }
    assertThat(SqlLexer.isComplete(script + "\n;")).as(script).isTrue();
  }

  /** A literal the lexer reads as one token of a kind has SQLite's matching type. */
  @Property(tries = 400)
  void literalKindsAgreeWithSqlitesTypes(@ForAll("literals") String literal) throws SQLException {
    List<SqlToken> tokens = SqlLexer.tokenize(literal);
    Assume.that(tokens.size() == 1); // "1e+" is two tokens: not a literal
    SqlTokenType type = tokens.get(0).type();
    String sql = "SELECT typeof(" + literal + ")";
    try (Connection c = open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String expected =
            switch (type) {
              case STRING -> "text";
              case INTEGER -> "integer";
              case FLOAT -> "real";
              case BLOB -> "blob";
              default -> "prepared although the lexer says " + type;
            };
        assertThat(rs.getString(1)).as(literal).isEqualTo(expected);
      }
    } catch (SQLException e) {
      // SQLite names the exact text of the token it cannot read (which may run on past the
      // literal: an open blob takes the closing parenthesis too)
      assertThat(type).as(literal + ": " + e.getMessage()).isEqualTo(SqlTokenType.ILLEGAL);
      String unrecognized = between(e.getMessage(), "unrecognized token: \"");
      String first =
          SqlLexer.tokenize(sql).stream()
              .filter(t -> t.type() == SqlTokenType.ILLEGAL)
              .map(SqlToken::text)
              .findFirst()
              .orElse(null);
      assertThat(sameToken(unrecognized, first)).as(sql + " -> " + e.getMessage()).isTrue();
    }
  }

  /**
   * On arbitrary text, SQLite's first complaint names a token the lexer has: an unrecognized token
   * is the lexer's first ILLEGAL token, and a syntax error is near a token before it. A number with
   * a misplaced {@code _} is a token to SQLite's tokenizer and refused only when the parser reduces
   * it, so a syntax error on the next token may win, and SQLite reads on past it.
   */
  @Property(tries = 1000)
  void sqlitesErrorsNameTheLexersTokens(@ForAll("soup") String soup) throws SQLException {
    String sql = "SELECT " + soup;
    List<SqlToken> tokens = SqlLexer.tokenize(sql);
    // prepare compiles the first statement only
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).type() == SqlTokenType.SEMICOLON) {
        tokens = tokens.subList(0, i + 1);
        break;
      }
    }
    int hard = tokens.size();
    List<String> unrecognizable = new ArrayList<>();
    for (int i = 0; i < tokens.size() && hard == tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.type() == SqlTokenType.ILLEGAL) {
        unrecognizable.add(t.text());
        if (!MISPLACED_SEPARATOR.matcher(t.text()).matches()) {
          hard = i;
        }
      }
    }
    try (Connection c = open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      assertThat(unrecognizable).as(sql).isEmpty();
    } catch (SQLException e) {
      String message = e.getMessage();
      String unrecognized = between(message, "unrecognized token: \"");
      String near = between(message, "near \"");
      if (unrecognized != null) {
        assertThat(unrecognizable.stream().anyMatch(t -> sameToken(unrecognized, t)))
            .as(sql + " -> " + message)
            .isTrue();
      } else if (near != null) {
        assertThat(tokens.subList(0, hard).stream().map(SqlToken::text))
            .as(sql + " -> " + message)
            .contains(near);
      }
    }
  }

  private static final java.util.regex.Pattern MISPLACED_SEPARATOR =
      java.util.regex.Pattern.compile(
          "(?=.*_)(0[xX][0-9a-fA-F_]+|[0-9_]*(\\.[0-9_]*)?([eE][+-]?[0-9][0-9_]*)?)");

  /** The lexer counts parameters as SQLite numbers them. */
  @Property(tries = 300)
  void parameterCountsAgreeWithSqlite(@ForAll("variableLists") List<String> variables)
      throws SQLException {
    String sql = "SELECT " + String.join(", ", variables);
    SqlStatement statement = new SqlStatement(sql, 1);
    try (Connection c = open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      assertThat(statement.parameterCount())
          .as(sql)
          .isEqualTo(ps.getParameterMetaData().getParameterCount());
    }
    assertThat(SqlLexer.statements(sql)).hasSize(1);
  }

  /**
   * Whether SQLite's quote of a token is the token. SQLite quotes a number with a misplaced {@code
   * _} while removing its separators in place ({@code 1_0_} is quoted {@code 100_}), so for those
   * only the quote's being a number is checked.
   */
  private static boolean sameToken(String quoted, String token) {
    if (quoted == null || token == null) {
      return false;
    }
    return quoted.equals(token)
        || (MISPLACED_SEPARATOR.matcher(token).matches() && quoted.matches("[0-9a-fA-FxX._eE+-]+"));
  }

  private static String between(String message, String prefix) {
    int i = message.indexOf(prefix);
    if (i < 0) {
      return null;
    }
    int from = i + prefix.length();
    int to = message.lastIndexOf('"');
    return to > from ? message.substring(from, to) : null;
  }

  // ---- generators ----

  private static Arbitrary<String> text(String alphabet, int max) {
    return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(max);
  }

  /** Strings and identifiers full of what might end a statement early. */
  private static Arbitrary<String> tricky() {
    return text(" ;'\"`[]-*/\n\tEND begin case$#:@?()x0", 12);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        tricky().map(s -> "'" + s.replace("'", "''") + "'"),
        tricky().map(s -> "x'" + hex(s) + "'"),
        tricky().map(s -> "(SELECT 1 AS \"" + s.replace("\"", "\"\"") + "\")"),
        tricky().filter(s -> !s.contains("]")).map(s -> "(SELECT 2 AS [" + s + "])"),
        tricky().map(s -> "(SELECT 3 AS `" + s.replace("`", "``") + "`)"),
        tricky().filter(s -> !s.contains("*/")).map(s -> "/*" + s + "*/ 4"),
        tricky().map(s -> "-- " + s.replace('\n', ' ') + "\n 5"),
        Arbitraries.of(
            "1_000",
            "0x1_F",
            ".5",
            "1e-3",
            "1.5_5e1_0",
            "CASE WHEN 1 THEN 'end;' END",
            "CASE 1 WHEN 1 THEN CASE 2 WHEN 2 THEN 'x' END END",
            "'BEGIN'",
            "'; END;'",
            "(SELECT begin FROM src LIMIT 1)",
            "(SELECT \"end\" FROM (SELECT 1 AS \"end\"))"));
  }

  private static String hex(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(String.format("%02x", c & 0xff));
    }
    return b.toString();
  }

  private static final String[] TRIGGER_BODIES = {
    "INSERT INTO log VALUES (100, new.begin);",
    "UPDATE src SET end = new.begin + 1 WHERE begin = new.begin;",
    "INSERT INTO log SELECT 101, CASE WHEN new.end > 0 THEN 'end' ELSE 'case' END;",
    "INSERT INTO log VALUES (102, CASE new.begin WHEN 1 THEN CASE 2 WHEN 2 THEN ';' END END);",
    "INSERT INTO log VALUES (103, 'BEGIN; END;');",
    "DELETE FROM log WHERE k = -1 AND v = 'trigger';",
    "INSERT INTO log VALUES (104, new.\"case\" || ' -- ;');",
  };

  @Provide
  Arbitrary<String> scripts() {
    Arbitrary<String> insert =
        values().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" || ", l));
    Arbitrary<String> trigger =
        Combinators.combine(
                Arbitraries.of("CREATE TRIGGER", "create temp trigger", "CREATE TEMPORARY TRIGGER"),
                Arbitraries.of(TRIGGER_BODIES).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(" ", "\n", " /* ; */ ", " -- END;\n"))
            .as(
                (create, bodies, ws) ->
                    create
                        + " tr%d AFTER INSERT ON src BEGIN"
                        + ws
                        + String.join(ws, bodies)
                        + ws
                        + "END");
    Arbitrary<String> explain =
        Arbitraries.of(
            "EXPLAIN CREATE TRIGGER ex AFTER INSERT ON src BEGIN SELECT 1; END",
            "EXPLAIN QUERY PLAN SELECT 1",
            "EXPLAIN SELECT 'a;b'");
    Arbitrary<String> separator =
        Arbitraries.of(";", ";\n", " ; ", ";;", "; -- c ; '\n", "; /* ' ; */", ";\n\n;");
    Arbitrary<String> statement =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, insert.map(v -> "INSERT INTO log VALUES (%d, " + v + ")")),
            net.jqwik.api.Tuple.of(2, trigger),
            net.jqwik.api.Tuple.of(1, explain));
    return Combinators.combine(
            statement.list().ofMinSize(1).ofMaxSize(6), separator.list().ofMinSize(6).ofMaxSize(6))
        .as(
            (list, seps) -> {
              StringBuilder b = new StringBuilder();
              for (int i = 0; i < list.size(); i++) {
                b.append(list.get(i).replace("%d", Integer.toString(i))).append(seps.get(i));
              }
              return b.toString();
            });
  }

  @Provide
  Arbitrary<String> literals() {
    Arbitrary<String> digits = text("0123456789_", 6);
    return Arbitraries.oneOf(
        tricky().map(s -> "'" + s.replace("'", "''") + "'"),
        text("0123456789abcdefABCDEFg", 7).map(s -> "x'" + s + "'"),
        text("0123456789abcdef", 6).map(s -> "X'" + s),
        Combinators.combine(Arbitraries.of("1", "9", "0"), digits, Arbitraries.of("", ".", ".5"))
            .as((a, b, c) -> a + b + c),
        Combinators.combine(
                Arbitraries.of("1", "0.", ".2", "3_4"),
                Arbitraries.of("e", "E", "e+", "e-", "e_"),
                digits)
            .as((a, b, c) -> a + b + c),
        Combinators.combine(Arbitraries.of("0x", "0X"), text("0123456789abcdefABCDEF_gx", 6))
            .as((a, b) -> a + b),
        Combinators.combine(Arbitraries.of("12", "0x1", "1.5"), text("abzx$_é", 3))
            .as((a, b) -> a + b));
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            text(" 'x\"`[]-*/;$#:@?(),.01e_!|<>=&~^{}\\é\n", 10),
            Arbitraries.of(
                "'a'", "x'0A'", "1e5", "0x1F", "$a(b)", "$a::b", ":n", "#n", "?3", "\"q\"", "[b]",
                "-- c\n", "/* c */", "CASE", "END", "||", "->>", "!="));
    return piece.list().ofMaxSize(5).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<String>> variableLists() {
    Arbitrary<String> name = text("abc_$01é", 4).filter(s -> !s.isEmpty());
    Arbitrary<String> variable =
        Arbitraries.oneOf(
            Arbitraries.just("?"),
            Arbitraries.integers().between(1, 40).map(n -> "?" + n),
            Combinators.combine(Arbitraries.of(":", "@", "$"), name).as((p, n) -> p + n),
            Combinators.combine(Arbitraries.of("#"), text("abc_", 3).filter(s -> !s.isEmpty()))
                .as((p, n) -> p + n),
            Combinators.combine(name, text("abc;,'.x", 4))
                .as((n, arg) -> "$" + n + "(" + arg + ")"),
            name.map(n -> "$" + n + "::" + n));
    return variable
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(l -> l.stream().collect(Collectors.toList()));
  }
}
