package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlToken;
import io.github.d1java.sql.SqlTokenType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of one script ({@code executeScript}) checked against D1's rules and joined for SQLite,
 * which splits the script itself. Built outside the write lock ({@link #of}); the checks that need
 * the schema run inside the transaction ({@link #refuseBySchema}). Not thread-safe.
 *
 * <p>The statements dumps consist of, {@code INSERT INTO <name> VALUES(<literals>)}, are recognised
 * by their tokens: when the lexer's tokens are exactly that shape (a bare or quoted name, then only
 * numbers, strings, blobs and NULL, signed numbers included, and nothing after the closing
 * parenthesis), the statement names nothing but its table, has no parameter and is complete, so
 * D1's verdict on it is the verdict on {@code INSERT INTO <name> VALUES(NULL)}, which is computed
 * by the full parser and authorizer once per name and reused. Any other text is parsed and
 * authorized as {@code batch} does.
 */
final class ScriptCheck {

  /** Longer texts take the full path, which applies D1's length limit. */
  private static final int FAST_MAX_CHARS = Connections.MAX_SQL_LENGTH / 3;

  private static final int VERDICTS_LIMIT = 1024;

  /** The full parse of {@code INSERT INTO <name> VALUES(NULL)} by the name's token text. */
  private static final ConcurrentHashMap<String, ParsedSql> VERDICTS = new ConcurrentHashMap<>();

  /** The script: a leading newline, then each statement and {@code ;\n}. */
  final String script;

  /** How many texts were not blank. */
  final int texts;

  /** Statements for the schema's rules, in order; one per table for the recognised INSERTs. */
  private final List<Statement> checked;

  /** Statements the lexer does not see ending, to be prepared alone for SQLite's error. */
  private final List<Statement> incomplete;

  /** D1's refusal of a statement, thrown when the script is to run; or null. */
  private final D1SqlException refusal;

  /**
   * The index in {@link #checked} after the first CREATE TRIGGER or CREATE VIEW, or -1: the
   * statements from there on may fire or use an object the script made, so they are checked again
   * against the schema the script left, before the transaction commits.
   */
  private final int afterSchemaObject;

  /**
   * The first statement with parameters, which a script cannot bind, or null; SQLite's own error
   * for it comes first, as when D1 prepares it, else D1's binding error.
   */
  private final Statement unbound;

  /** D1's binding error for {@link #unbound}, when SQLite prepares it without complaint. */
  private final String unboundMessage;

  private ScriptCheck(
      String script,
      int texts,
      List<Statement> checked,
      List<Statement> incomplete,
      D1SqlException refusal,
      int afterSchemaObject,
      Statement unbound,
      String unboundMessage) {
    this.script = script;
    this.texts = texts;
    this.checked = checked;
    this.incomplete = incomplete;
    this.refusal = refusal;
    this.afterSchemaObject = afterSchemaObject;
    this.unbound = unbound;
    this.unboundMessage = unboundMessage;
  }

  /** A check that ran to the end of its texts: the script runs unless {@code refusal} is set. */
  private static ScriptCheck whole(
      String script,
      int texts,
      List<Statement> checked,
      List<Statement> incomplete,
      D1SqlException refusal,
      int afterSchemaObject) {
    return new ScriptCheck(
        script, texts, checked, incomplete, refusal, afterSchemaObject, null, null);
  }

  /**
   * A check stopped at a statement SQLite must see alone (one it does not see ending, or one with
   * parameters): the script does not run; {@link #refuseBySchema} raises SQLite's error for it.
   */
  private static ScriptCheck stopped(
      String script,
      int texts,
      List<Statement> checked,
      List<Statement> incomplete,
      int afterSchemaObject,
      Statement unbound,
      String unboundMessage) {
    return new ScriptCheck(
        script, texts, checked, incomplete, null, afterSchemaObject, unbound, unboundMessage);
  }

  /**
   * Checks statements a splitter read (their tokens are the lexer's own, so a dump's INSERT is not
   * tokenized again), as {@link #of} checks texts, but keeps D1's refusal for {@link
   * #throwIfRefused} instead of throwing it.
   *
   * @param statements statements read by {@link io.github.d1java.sql.SqlSplitter} in this package;
   *     their tokens must be the lexer's for their text
   * @param cache parsed texts already known
   */
  static ScriptCheck ofStatements(
      List<io.github.d1java.sql.SqlStatement> statements, ParseCache cache) {
    StringBuilder script = new StringBuilder("\n");
    List<Statement> checked = new ArrayList<>();
    Map<String, Boolean> tablesSeen = new HashMap<>();
    List<String> others = new ArrayList<>();
    D1SqlException refusal = null;
    int afterSchemaObject = -1;
    try {
      for (io.github.d1java.sql.SqlStatement st : statements) {
        String text = st.sql();
        if (text.length() <= FAST_MAX_CHARS
            && text.indexOf('\0') < 0
            && appendInsert(text, st.tokens(), script, checked, tablesSeen)) {
          continue;
        }
        // the rest keep their order with the INSERTs around them: checked one at a time
        others.clear();
        others.add(text);
        ScriptCheck one = of(others, cache);
        script.append(one.script, 1, one.script.length());
        int base = checked.size();
        checked.addAll(one.checked);
        if (one.afterSchemaObject >= 0) {
          // INSERTs after a trigger or view is made are checked again, table by table
          tablesSeen.clear();
          if (afterSchemaObject < 0) {
            afterSchemaObject = base + one.afterSchemaObject;
          }
        }
        if (!one.incomplete.isEmpty() || one.unbound != null) {
          return stopped(
              "",
              statements.size(),
              checked,
              one.incomplete,
              afterSchemaObject,
              one.unbound,
              one.unboundMessage);
        }
      }
    } catch (D1SqlException e) {
      refusal = e;
    }
    return whole(
        script.toString(), statements.size(), checked, List.of(), refusal, afterSchemaObject);
  }

  /**
   * Throws D1's refusal of a statement found by {@link #ofStatements}, if any.
   *
   * @throws D1SqlException the refusal
   */
  void throwIfRefused() {
    if (refusal != null) {
      throw D1SqlException.of(refusal.detail(), null);
    }
  }

  /**
   * Checks texts against D1's rules that do not depend on the schema.
   *
   * @param sql the texts; not null, without null elements
   * @param cache parsed texts already known
   * @return the checked script; {@link #texts} is 0 when every text is blank
   * @throws D1SqlException with D1's message for the first text refused
   */
  static ScriptCheck of(List<String> sql, ParseCache cache) {
    // the leading newline: sqlite-jdbc would run a script starting "backup"/"restore" itself
    StringBuilder script = new StringBuilder("\n");
    List<Statement> checked = new ArrayList<>();
    List<Statement> incomplete = new ArrayList<>();
    Map<String, Boolean> tablesSeen = new HashMap<>();
    int texts = 0;
    int afterSchemaObject = -1;
    for (int i = 0; i < sql.size(); i++) {
      String text = Objects.requireNonNull(sql.get(i), () -> "sql contains null");
      if (text.length() <= FAST_MAX_CHARS
          && text.indexOf('\0') < 0
          && appendInsert(text, SqlLexer.tokenize(text), script, checked, tablesSeen)) {
        texts++;
        continue;
      }
      ParsedSql p = cache.parseUncached(text);
      if (p.blank()) {
        continue;
      }
      if (p.error() != null) {
        throw D1SqlException.of(p.error().detail(), null);
      }
      if (p.nothingAfter()) {
        // a NUL (where SQLite would stop reading) or text after the last statement's ';'
        throw D1SqlException.of(SqliteEngine.NOT_A_STATEMENT, null);
      }
      List<Statement> statements = p.statements();
      for (int k = 0; k < statements.size(); k++) {
        Statement st = statements.get(k);
        if (st.parsed().hasParameters()) {
          // SQLite would run it with NULL; D1 refuses a statement whose parameters are unbound,
          // after SQLite's own error when preparing it fails (refuseBySchema)
          return stopped(
              "\n",
              texts + 1,
              checked,
              incomplete,
              afterSchemaObject,
              st,
              k == statements.size() - 1 ? SqliteEngine.WRONG_BINDINGS : SqliteEngine.MULTI_PARAMS);
        }
        checked.add(st);
        if (makesTriggerOrView(st)) {
          tablesSeen.clear();
          if (afterSchemaObject < 0) {
            afterSchemaObject = checked.size();
          }
        }
        // the lexer's bounds, first token to last, so a trailing comment cannot swallow the
        // separator; SQLite splits the joined script itself, so each piece must end exactly there
        String piece = st.parsed().sql();
        if (!SqlLexer.isComplete(piece + ";")) {
          incomplete.add(st);
        }
        if (st.rewrite() == null) {
          script.append(piece).append(";\n");
        } else {
          // a Rewrite (UPDATE/DELETE ... LIMIT): made on the writer's schema, in the transaction
          script.append(REWRITE_MARK);
        }
      }
      texts++;
    }
    return whole(script.toString(), texts, checked, incomplete, null, afterSchemaObject);
  }

  /**
   * Appends a text that is exactly {@code INSERT INTO <name> VALUES(<literals>)}, after D1's
   * verdict on its name.
   *
   * @param tokens the lexer's tokens of {@code text} (without whitespace and comments)
   * @return false, appending nothing, when the text is not of that shape
   * @throws D1SqlException when D1 refuses the INSERT
   */
  private static boolean appendInsert(
      String text,
      List<SqlToken> tokens,
      StringBuilder script,
      List<Statement> checked,
      Map<String, Boolean> seen) {
    int n = tokens.size();
    // INSERT INTO name VALUES ( literal ) at least
    if (n < 7
        || !tokens.get(0).isKeyword("INSERT")
        || !tokens.get(1).isKeyword("INTO")
        || !tokens.get(3).isKeyword("VALUES")
        || tokens.get(4).type() != SqlTokenType.LEFT_PAREN
        || tokens.get(n - 1).type() != SqlTokenType.RIGHT_PAREN) {
      return false;
    }
    SqlToken name = tokens.get(2);
    if (name.type() != SqlTokenType.IDENTIFIER && name.type() != SqlTokenType.QUOTED_IDENTIFIER) {
      return false;
    }
    int end = tokens.get(n - 1).end();
    // nothing but whitespace after the parenthesis (an open comment there would be incomplete)
    for (int c = end; c < text.length(); c++) {
      if (!Character.isWhitespace(text.charAt(c))) {
        return false;
      }
    }
    if (!literals(tokens, 5, n - 1)) {
      return false;
    }
    ParsedSql verdict = verdict(name.text());
    if (verdict.error() != null) {
      throw D1SqlException.of(verdict.error().detail(), null);
    }
    if (seen.putIfAbsent(name.text(), Boolean.TRUE) == null) {
      checked.add(verdict.statements().get(0));
    }
    script.append(text, tokens.get(0).start(), end).append(";\n");
    return true;
  }

  /** Whether {@code tokens[from, to)} is one or more literals separated by commas. */
  private static boolean literals(List<SqlToken> tokens, int from, int to) {
    int i = from;
    while (true) {
      if (i >= to) {
        return false;
      }
      SqlToken t = tokens.get(i);
      if (t.type() == SqlTokenType.OPERATOR && (t.isSymbol("-") || t.isSymbol("+"))) {
        i++;
        if (i >= to) {
          return false;
        }
        t = tokens.get(i);
        if (t.type() != SqlTokenType.INTEGER && t.type() != SqlTokenType.FLOAT) {
          return false;
        }
      } else if (t.type() != SqlTokenType.INTEGER
          && t.type() != SqlTokenType.FLOAT
          && t.type() != SqlTokenType.STRING
          && t.type() != SqlTokenType.BLOB
          && !t.isKeyword("NULL")) {
        return false;
      }
      i++;
      if (i == to) {
        return true;
      }
      if (tokens.get(i).type() != SqlTokenType.COMMA) {
        return false;
      }
      i++;
    }
  }

  /** The full parse of {@code INSERT INTO <name> VALUES(NULL)}. */
  private static ParsedSql verdict(String name) {
    ParsedSql p = VERDICTS.get(name);
    if (p == null) {
      p = ParsedSql.parse("INSERT INTO " + name + " VALUES(NULL)");
      if (VERDICTS.size() >= VERDICTS_LIMIT) {
        VERDICTS.clear();
      }
      VERDICTS.put(name, p);
    }
    return p;
  }

  /** Stands in the script for a statement with a {@link Rewrite} until it is made: not SQL. */
  private static final String REWRITE_MARK = "\0";

  /** The statements the schema's rules check, in order (one per table for dump INSERTs). */
  List<Statement> statements() {
    return checked;
  }

  /**
   * The script SQLite runs: {@link #script} with each rewritten statement made on the writer's
   * schema; call in the transaction.
   *
   * @throws SQLException if reading the schema for a rewrite fails
   */
  String script(Conn writer) throws SQLException {
    if (script.indexOf(REWRITE_MARK) < 0) {
      return script;
    }
    StringBuilder out = new StringBuilder(script.length() + 64);
    int from = 0;
    for (Statement st : checked) {
      if (st.rewrite() != null) {
        int at = script.indexOf(REWRITE_MARK, from);
        out.append(script, from, at).append(writer.runnable(st).parsed().sql()).append(";\n");
        from = at + 1;
      }
    }
    return out.append(script, from, script.length()).toString();
  }

  /**
   * Applies the rules that depend on the schema, before the script runs; call in the transaction.
   *
   * @throws D1SqlException with D1's message for the first statement refused
   * @throws SQLException if SQLite fails while checking
   */
  void refuseBySchema(Conn writer) throws SQLException {
    for (Statement st : checked) {
      String refusal = writer.schemaRefusal(st);
      if (refusal != null) {
        throw D1SqlException.of(refusal, null);
      }
    }
    for (Statement st : incomplete) {
      refuseAlone(writer, st);
    }
    if (unbound != null) {
      try (PreparedStatement ps = writer.connection().prepareStatement(unbound.text())) {
        throw D1SqlException.of(unboundMessage, null);
      } catch (SQLException e) {
        throw SqliteErrors.of(e, unbound, writer::probe);
      }
    }
  }

  /**
   * After the script ran, in its transaction: the statements that follow a CREATE TRIGGER or CREATE
   * VIEW of the script, checked against the schema it left (a trigger the script made and then
   * fired, a view it made and then read), so that the transaction rolls back what D1 would refuse.
   *
   * @throws D1SqlException with D1's message for the first statement refused
   * @throws SQLException if SQLite fails while checking
   */
  void refuseAfterRun(Conn writer) throws SQLException {
    for (int i = Math.max(0, afterSchemaObject);
        afterSchemaObject >= 0 && i < checked.size();
        i++) {
      String refusal = writer.schemaRefusal(checked.get(i));
      if (refusal != null) {
        throw D1SqlException.of(refusal, null);
      }
    }
  }

  /** {@code CREATE [TEMP] TRIGGER} or {@code CREATE [TEMP] VIEW}. */
  private static boolean makesTriggerOrView(Statement st) {
    List<SqlToken> tokens = st.tokens();
    if (tokens.size() < 2 || !tokens.get(0).isKeyword("CREATE")) {
      return false;
    }
    int i = tokens.get(1).isKeyword("TEMP") || tokens.get(1).isKeyword("TEMPORARY") ? 2 : 1;
    return i < tokens.size()
        && (tokens.get(i).isKeyword("TRIGGER") || tokens.get(i).isKeyword("VIEW"));
  }

  /**
   * Prepares a statement the lexer does not see ending (an unfinished trigger body, an open string)
   * alone, so that SQLite's own error is raised instead of SQLite reading on into the next piece of
   * a joined script.
   */
  private static void refuseAlone(Conn writer, Statement st) throws SQLException {
    try (PreparedStatement ps = writer.connection().prepareStatement(st.text())) {
      throw D1SqlException.of("incomplete input: SQLITE_ERROR", null);
    } catch (SQLException e) {
      throw SqliteErrors.of(e, st, writer::probe);
    }
  }
}
