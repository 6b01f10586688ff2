package io.github.d1java.sqlite.internal;

import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1Exception;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.internal.StatementExecutor.Rows;
import io.github.d1java.sqlite.internal.UsageCounter.Figures;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local D1 engine behind {@link io.github.d1java.sqlite.D1Sqlite}. One writer connection,
 * serialized by a lock, runs every call that may write inside {@code BEGIN IMMEDIATE ... COMMIT};
 * single read-only statements of a file database run on a pool of read-only WAL connections.
 * Thread-safe.
 *
 * <p>The parts: {@link Connections} (writer, reader pool, open/closed), {@link ParseCache} and
 * {@link ParsedSql} (splitting and authorizing), {@link StatementExecutor} (running one statement),
 * {@link MetaState} (what {@code meta} reports), {@link WriteTransactions} (the write lock and
 * transactions). This class routes each call through them.
 */
public final class SqliteEngine implements D1SqliteDatabase {

  /** {@code meta.served_by} of every local result (Miniflare says {@code miniflare.db}). */
  public static final String SERVED_BY = "d1-java.sqlite";

  static final String NO_STATEMENTS = "No SQL statements detected.";
  static final String NOT_A_STATEMENT = "SQL code did not contain a statement.";
  static final String WRONG_BINDINGS = "Wrong number of parameter bindings for SQL query.";
  static final String MULTI_PARAMS =
      "When executing multiple SQL statements in a single call, only the last statement can have"
          + " parameters.";
  static final String CLOSED = "Database is closed.";
  static final String WRITE_IN_PROGRESS =
      "internal error: a statement that writes and returns rows (EXPLAIN of a write, or RETURNING)"
          + " can only be the last statement of a call; D1 cannot commit while it is in progress"
          + " and fails the call: SQLITE_BUSY";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteEngine.class);
  private static final Set<String> SCHEMA_KEYWORDS = Set.of("CREATE", "DROP", "ALTER");
  private static final String LAST_ROWID_SQL = "SELECT last_insert_rowid()";
  private static final Set<String> PAGE_KEYWORDS = Set.of("VACUUM", "ANALYZE", "REINDEX");

  private final EngineConfig config;
  private final Connections connections;
  private final Conn writer;
  private final MetaState state;
  private final WalCheckpoints wal;
  private final WriteTransactions transactions;
  private final ParseCache parseCache = new ParseCache();

  /** A query of one call: SQL, bound values, and the parsed SQL when the call has it already. */
  private record Query(String sql, List<Object> params, ParsedSql parsed) {
    Query(String sql, List<Object> params) {
      this(sql, params, null);
    }
  }

  private SqliteEngine(EngineConfig config, Connections connections) throws SQLException {
    this.config = config;
    this.connections = connections;
    this.writer = connections.writer();
    this.state = new MetaState(writer);
    this.wal = new WalCheckpoints(config.file(), config.busyTimeoutMillis());
    this.transactions = new WriteTransactions(connections, state, wal, config.busyTimeoutMillis());
  }

  /**
   * Opens a database.
   *
   * @param config the options; not null
   * @return the open database
   * @throws D1Exception if it cannot be opened
   */
  public static SqliteEngine open(EngineConfig config) {
    Objects.requireNonNull(config, "config");
    Connections connections = Connections.open(config);
    try {
      SqliteEngine engine = new SqliteEngine(config, connections);
      LOG.debug(
          "opened {} with {} reader(s)",
          config.file() == null ? ":memory:" : config.file(),
          connections.hasReaders() ? config.readers() : 0);
      return engine;
    } catch (SQLException e) {
      D1SqlException failure = SqliteErrors.of(e);
      connections.markClosed();
      D1SqlException closing = connections.closeReaders(connections.closeWriter());
      if (closing != null) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }

  @Override
  public Path file() {
    return config.file();
  }

  @Override
  public D1PreparedStatement prepare(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new LocalStatement(this, null, sql, List.of(), false);
  }

  @Override
  public List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements) {
    return batch(statements, null);
  }

  List<D1Result<Map<String, Object>>> batch(
      List<? extends D1PreparedStatement> statements, LocalSession session) {
    Objects.requireNonNull(statements, "statements");
    List<Query> queries = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      D1PreparedStatement s =
          Objects.requireNonNull(statements.get(i), () -> "statements contains null");
      queries.add(new Query(s.statement(), s.params()));
    }
    List<D1RawResult> raw = runWrite(queries, session);
    List<D1Result<Map<String, Object>>> out = new ArrayList<>(raw.size());
    for (D1RawResult r : raw) {
      out.add(AbstractD1PreparedStatement.toResult(r));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public D1Meta executeScript(List<String> sql) {
    ScriptCheck check = checkScript(sql);
    return transactions.inTransaction(() -> runScript(List.of(check)), null);
  }

  /**
   * Checks a script's texts against D1's rules that do not depend on the schema.
   *
   * @throws D1SqlException when a text is refused or every text is blank
   */
  ScriptCheck checkScript(List<String> sql) {
    Objects.requireNonNull(sql, "sql");
    ScriptCheck check = ScriptCheck.of(sql, parseCache);
    if (check.texts == 0) {
      throw D1SqlException.of(NO_STATEMENTS, null);
    }
    return check;
  }

  /** Runs checked scripts, in order, as one script on the writer, in the caller's transaction. */
  D1Meta runScript(List<ScriptCheck> checks) throws SQLException {
    long start = System.nanoTime();
    int texts = 0;
    for (ScriptCheck check : checks) {
      check.refuseBySchema(writer);
      texts += check.texts;
    }
    String script = checks.size() == 1 ? checks.get(0).script(writer) : joined(checks);
    long totalBefore = writer.totalChanges();
    writer.script(script);
    for (ScriptCheck check : checks) {
      check.refuseAfterRun(writer);
    }
    if (checks.stream().anyMatch(c -> c.statements().stream().anyMatch(SqliteEngine::fillsStat4))) {
      dropStat4();
    }
    long changes = writer.totalChanges() - totalBefore;
    state.schemaChanged();
    boolean stateChanged = state.refresh(writer);
    double ms = (System.nanoTime() - start) / 1e6;
    LOG.debug("script of {} SQL text(s) in {} ms", texts, String.format("%.3f", ms));
    boolean changedDb = changes != 0 || stateChanged;
    return state.meta(ms, changes, changedDb, 0, changes);
  }

  private String joined(List<ScriptCheck> checks) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (ScriptCheck check : checks) {
      sb.append(check.script(writer));
    }
    return sb.toString();
  }

  /** The parsed texts of this database, for {@link ScriptReader}. */
  ParseCache parseCache() {
    return parseCache;
  }

  @Override
  public D1ExecResult exec(String sql) {
    Objects.requireNonNull(sql, "sql");
    // spec §2.3: trim, split on \n only; "line 1" and the first line, whichever line failed
    String[] lines = sql.strip().split("\n", -1);
    List<Query> queries = new ArrayList<>(lines.length);
    for (String line : lines) {
      queries.add(new Query(line, List.of()));
    }
    try {
      List<D1RawResult> results = runWrite(queries, null);
      double duration = 0;
      for (D1RawResult r : results) {
        duration += r.meta().duration();
      }
      return new D1ExecResult(results.size(), duration);
    } catch (D1Exception e) {
      throw new D1ExecException("Error in line 1: " + lines[0] + ": " + e.detail(), e);
    }
  }

  @Override
  public byte[] dump() {
    transactions.lockCommitted();
    try {
      connections.ensureOpen();
      return Connections.withoutWalMarker(writer.serialize());
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      transactions.unlock();
    }
  }

  @Override
  public D1DatabaseSession withSession() {
    return withSession(null);
  }

  @Override
  public D1DatabaseSession withSession(String constraintOrBookmark) {
    String s = constraintOrBookmark == null ? "" : constraintOrBookmark.trim();
    if (s.isEmpty()
        || s.equals(D1DatabaseSession.FIRST_PRIMARY)
        || s.equals(D1DatabaseSession.FIRST_UNCONSTRAINED)) {
      return new LocalSession(this, null);
    }
    return new LocalSession(this, s);
  }

  D1RawResult runOne(String sql, List<Object> params, LocalSession session) {
    // tokenized and checked once per call: the write path reuses this parse
    ParsedSql parsed = parseCache.parseOrThrow(sql);
    Query q = new Query(sql, params, parsed);
    if (parsed.readOnly()) {
      return runRead(q, parsed, session);
    }
    return runWrite(List.of(q), session).get(0);
  }

  private D1RawResult runRead(Query q, ParsedSql parsed, LocalSession session) {
    connections.ensureOpen();
    Conn conn = connections.hasReaders() ? connections.takeReader() : null;
    boolean locked = false;
    if (conn == null) {
      transactions.lockCommitted();
      locked = true;
      conn = writer;
    }
    try {
      connections.ensureOpen();
      long start = System.nanoTime();
      Statement st = parsed.statements().get(0);
      Rows rows = StatementExecutor.execute(conn, st, q.params(), true);
      UsageCounter usage = state.usage();
      UsagePlan plan = usage.plan(conn, conn.runnable(st));
      Figures figures =
          usage.after(conn, plan, usage.before(conn, plan, true), rows.rows().size(), 0, 0, false);
      double ms = (System.nanoTime() - start) / 1e6;
      D1Meta meta = state.meta(ms, 0, false, figures.read(), 0);
      if (LOG.isDebugEnabled()) {
        log(List.of(q), ms);
      }
      if (session != null) {
        session.observe(transactions.committed());
      }
      return new D1RawResult(rows.columns(), rows.rows(), meta);
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      if (locked) {
        transactions.unlock();
      } else {
        connections.returnReader(conn);
      }
    }
  }

  private List<D1RawResult> runWrite(List<Query> queries, LocalSession session) {
    List<Query> kept = new ArrayList<>(queries.size());
    List<ParsedSql> parsed = new ArrayList<>(queries.size());
    for (Query q : queries) {
      ParsedSql p = q.parsed() != null ? q.parsed() : parseCache.parse(q.sql());
      if (!p.blank()) {
        kept.add(q);
        parsed.add(p);
      }
    }
    if (kept.isEmpty()) {
      throw D1SqlException.of(NO_STATEMENTS, null);
    }
    long callStart = System.nanoTime();
    List<D1RawResult> results =
        transactions.inTransaction(
            () -> {
              List<Pending> pending = new ArrayList<>(kept.size());
              for (int i = 0; i < kept.size(); i++) {
                ParsedSql p = parsed.get(i);
                if (p.error() != null) {
                  throw D1SqlException.of(p.error().detail(), null);
                }
                pending.add(runInTransaction(kept.get(i), p, i == kept.size() - 1));
              }
              // size_after is read once per call: every result of a batch reports the size after
              // the batch (one page count query per statement would cost half an insert)
              List<D1RawResult> out = new ArrayList<>(pending.size());
              for (Pending r : pending) {
                out.add(toResult(r));
              }
              return out;
            },
            session);
    log(kept, (System.nanoTime() - callStart) / 1e6);
    return results;
  }

  /** A statement's result before the call's size_after is known. */
  private record Pending(
      Rows rows, double ms, long changes, long rowId, boolean changedDb, long read, long written) {}

  private D1RawResult toResult(Pending r) {
    D1Meta meta = state.meta(r.ms(), r.changes(), r.rowId(), r.changedDb(), r.read(), r.written());
    return new D1RawResult(r.rows().columns(), r.rows().rows(), meta);
  }

  /**
   * Runs one query of a call in the open transaction.
   *
   * @param lastOfCall whether it is the call's last query (which reads the page count)
   */
  private Pending runInTransaction(Query q, ParsedSql parsed, boolean lastOfCall)
      throws SQLException {
    long start = System.nanoTime();
    long totalBefore = writer.totalChanges();
    List<Statement> statements = parsed.statements();
    UsageCounter usage = state.usage();
    Rows rows = null;
    Figures figures = null;
    boolean schemaChanged = false;
    Statement inProgress = null;
    for (int i = 0; i < statements.size(); i++) {
      boolean last = i == statements.size() - 1;
      Statement st = statements.get(i);
      String first = st.firstKeyword();
      boolean schema = first != null && SCHEMA_KEYWORDS.contains(first);
      if (schema) {
        state.schemaChanged();
        schemaChanged = true;
      }
      if (!last) {
        Rows discarded = StatementExecutor.execute(writer, st, null, false);
        if (fillsStat4(st)) {
          dropStat4();
        }
        // an EXPLAIN is listed, not run: it stays in progress even when it lists no row
        boolean explain = "EXPLAIN".equals(first);
        if ((discarded == StatementExecutor.DISCARDED_ROWS || explain)
            && inProgress == null
            && (explain || !st.parsed().isReadOnly())
            && !StatementExecutor.isReadOnlyProgram(writer, writer.runnable(st))) {
          inProgress = st;
        }
      } else {
        Statement run = writer.runnable(st);
        UsagePlan plan = usage.plan(writer, run);
        UsageCounter.Before before = usage.before(writer, plan, false);
        // UPDATE/DELETE ... LIMIT: D1 counts the reads of the SELECT that chooses the rows
        Statement chosen = run.origin() == null ? null : run.origin().chosen();
        UsagePlan choosing = chosen == null ? null : usage.plan(writer, chosen);
        UsageCounter.Before chooseBefore =
            chosen == null ? null : usage.before(writer, choosing, false);
        long rowIdBefore = plan.upsert ? Connections.queryLong(writer, LAST_ROWID_SQL) : 0;
        long statementBefore = writer.totalChanges();
        rows = StatementExecutor.execute(writer, st, q.params(), true);
        long total = writer.totalChanges() - statementBefore;
        long direct = plan.verb.writesRows() ? Math.min(writer.changes(), total) : 0;
        boolean inserted =
            plan.upsert && Connections.queryLong(writer, LAST_ROWID_SQL) != rowIdBefore;
        // D1 reports the figures of the last statement of a multi-statement query
        figures = usage.after(writer, plan, before, rows.rows().size(), direct, total, inserted);
        if (fillsStat4(st)) {
          dropStat4();
        }
        if (chosen != null) {
          long read =
              usage.after(writer, choosing, chooseBefore, direct, 0, 0, false).read()
                  + run.origin().readsPerRow() * direct
                  + rows.rows().size();
          figures = new Figures(read, figures.written());
        }
      }
      if (schema) {
        state.schemaChanged();
      }
    }
    if (parsed.nothingAfter()) {
      // workerd finds no statement in what follows the last ';' or a NUL (where SQLite stops)
      throw D1SqlException.of(NOT_A_STATEMENT, null);
    }
    if (inProgress != null) {
      // workerd steps a statement that is not the last once and keeps it until the call ends; one
      // that writes and returned a row is still in progress then, so SQLite cannot release the
      // call's savepoint and D1 fails the call with "internal error; reference = ..."
      throw D1SqlException.of(WRITE_IN_PROGRESS, null);
    }
    long changes = writer.totalChanges() - totalBefore;
    boolean stateChanged;
    if (lastOfCall) {
      stateChanged = state.refresh(writer);
    } else {
      // pages can change without changes or a new rowid only through DDL, VACUUM and the like;
      // their pages are read now, so that the batch's next statement is not charged with them
      if (schemaChanged || isPageKeyword(statements.get(statements.size() - 1))) {
        state.refresh(writer);
        stateChanged = true;
      } else {
        stateChanged = state.refreshRowId(writer);
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    boolean changedDb = changes != 0 || stateChanged;
    return new Pending(
        rows, ms, changes, state.lastRowId(), changedDb, figures.read(), figures.written());
  }

  /**
   * sqlite-jdbc's SQLite is built with SQLITE_ENABLE_STAT4, so {@code ANALYZE} (and {@code PRAGMA
   * optimize}, which may run it) also fills {@code sqlite_stat4}. D1's SQLite has no STAT4: the
   * table is dropped in the same transaction, so the schema, the planner's statistics and {@code
   * sqlite_stat1} are what D1 would have.
   *
   * @return whether the statement may write {@code sqlite_stat4}
   */
  private static boolean fillsStat4(Statement st) {
    String first = st.firstKeyword();
    if ("ANALYZE".equals(first)) {
      return true;
    }
    if ("PRAGMA".equals(first)) {
      for (io.github.d1java.sql.SqlToken t : st.tokens()) {
        String id = Statement.identifier(t);
        if (id != null && id.equalsIgnoreCase("optimize")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Drops {@code sqlite_stat4} in the open transaction (see {@link #fillsStat4}). */
  private void dropStat4() throws SQLException {
    writer.control("DROP TABLE IF EXISTS sqlite_stat4");
    SchemaRules.schemaChanged();
    state.schemaChanged();
  }

  private static boolean isPageKeyword(Statement st) {
    String keyword = st.firstKeyword();
    return keyword != null
        && PAGE_KEYWORDS.contains(keyword)
        && !(st.rewrite() instanceof MetadataMaintenance m && !m.changesPages());
  }

  /** The engine's side of {@link InteractiveTransaction}. */
  WriteTransactions transactions() {
    return transactions;
  }

  /** Runs calls inside an interactive transaction, each parsed and authorized as any call. */
  List<D1RawResult> runInteractive(
      InteractiveTransaction tx, List<String> sql, List<List<Object>> params) {
    List<ParsedSql> parsed = new ArrayList<>(sql.size());
    for (String text : sql) {
      parsed.add(parseCache.parseOrThrow(text));
    }
    return transactions.inInteractive(
        tx,
        true,
        () -> {
          List<D1RawResult> out = new ArrayList<>(sql.size());
          for (int i = 0; i < sql.size(); i++) {
            out.add(
                toResult(
                    runInTransaction(new Query(sql.get(i), params.get(i)), parsed.get(i), true)));
          }
          return out;
        });
  }

  private void log(List<Query> queries, double ms) {
    if (LOG.isDebugEnabled()) {
      StringBuilder sb = new StringBuilder();
      for (Query q : queries) {
        if (sb.length() > 0) {
          sb.append(" | ");
        }
        sb.append(q.sql());
      }
      LOG.debug("{} query(ies) in {} ms: {}", queries.size(), String.format("%.3f", ms), sb);
    }
  }

  @Override
  public void close() {
    if (!connections.markClosed()) {
      return;
    }
    // readers first: SQLite checkpoints and deletes the -wal file when the last connection closes,
    // and a read-only connection cannot
    D1SqlException failure = connections.closeReaders(null);
    transactions.lock();
    try {
      wal.beforeClose(writer);
      D1SqlException writerFailure = connections.closeWriter();
      if (writerFailure != null) {
        if (failure == null) {
          failure = writerFailure;
        } else {
          failure.addSuppressed(writerFailure);
        }
      }
    } finally {
      transactions.unlock();
    }
    parseCache.clear();
    LOG.debug("closed {}", config.file() == null ? ":memory:" : config.file());
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "D1SqliteDatabase[" + (config.file() == null ? ":memory:" : config.file()) + "]";
  }
}
