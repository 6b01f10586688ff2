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
import io.github.d1java.spi.D1Values;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.internal.SqlScript.Kind;
import io.github.d1java.sqlite.internal.SqlScript.Statement;
import io.github.d1java.sqlite.internal.SqlScript.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteLimits;
import org.sqlite.core.CoreResultSet;

/**
 * The local D1 engine behind {@link io.github.d1java.sqlite.D1Sqlite}. One writer connection,
 * serialized by a lock, runs every call that may write inside {@code BEGIN IMMEDIATE ... COMMIT};
 * single read-only statements of a file database run on a pool of read-only WAL connections.
 * Thread-safe.
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

  private static final Logger LOG = LoggerFactory.getLogger(SqliteEngine.class);
  private static final Pattern INDENTED_COMMENT = Pattern.compile("^\\s+--.*", Pattern.MULTILINE);
  private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "VALUES", "WITH");
  private static final Set<String> WRITE_KEYWORDS =
      Set.of(
          "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA", "VACUUM",
          "ANALYZE", "REINDEX", "ATTACH", "DETACH", "BEGIN", "COMMIT", "END", "ROLLBACK",
          "SAVEPOINT", "RELEASE",
          // connection state: must be read on the writer, where the writes happened
          "LAST_INSERT_ROWID", "CHANGES", "TOTAL_CHANGES");
  private static final int MAX_SQL_LENGTH = 100_000;
  private static final int PARSE_CACHE_LIMIT = 2048;
  private static final int PARSE_CACHE_MAX_SQL = 4096;
  private static final Set<String> SCHEMA_KEYWORDS = Set.of("CREATE", "DROP", "ALTER");
  private static final String INDEX_COUNT_SQL =
      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? COLLATE NOCASE";
  private static final String SIZE_SQL =
      "SELECT last_insert_rowid(), max(1, (SELECT page_count FROM pragma_page_count())"
          + " - (SELECT freelist_count FROM pragma_freelist_count()))";

  private final EngineConfig config;
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Signalled when an interactive transaction ends; see {@link InteractiveTransaction}. */
  private final Condition writerFree = writeLock.newCondition();
  /** The interactive transaction holding the writer, or null; guarded by {@code writeLock}. */
  private InteractiveTransaction interactive;
  private final Conn writer;
  private final BlockingQueue<Conn> readers;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong commitSequence = new AtomicLong();
  private final ConcurrentHashMap<String, Parsed> parseCache = new ConcurrentHashMap<>();
  /** Index count per table, for rows_written; used under the write lock only. */
  private final Map<String, Long> indexCounts = new HashMap<>();
  private final long pageSize;
  private volatile long lastRowId;
  private volatile long pages;

  /** A query of one call: SQL and bound values. */
  private record Query(String sql, List<Object> params) {}

  /** A parsed and authorized SQL text, cached by text. */
  private record Parsed(
      boolean blank, List<Statement> statements, D1SqlException error, boolean readOnly) {}

  private SqliteEngine(EngineConfig config, Conn writer, BlockingQueue<Conn> readers)
      throws SQLException {
    this.config = config;
    this.writer = writer;
    this.readers = readers;
    this.pageSize = pragmaLong(writer, "PRAGMA page_size");
    long[] state = rowidAndPages(writer);
    this.lastRowId = state[0];
    this.pages = state[1];
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
    List<Conn> opened = new ArrayList<>();
    try {
      Path file = config.file();
      if (file != null) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
          throw D1SqlException.of(
              "unable to open database file: " + file + ": SQLITE_CANTOPEN", null);
        }
      }
      Conn writer = connect(config, false);
      opened.add(writer);
      if (config.image() != null) {
        writer.deserialize(withoutWalMarker(config.image()));
        pragmaLong(writer, "SELECT count(*) FROM sqlite_master");
      }
      BlockingQueue<Conn> readers = null;
      if (file != null && config.readers() > 0) {
        readers = new ArrayBlockingQueue<>(config.readers());
        for (int i = 0; i < config.readers(); i++) {
          Conn r = connect(config, true);
          opened.add(r);
          readers.add(r);
        }
      }
      SqliteEngine engine = new SqliteEngine(config, writer, readers);
      LOG.debug("opened {} with {} reader(s)", file == null ? ":memory:" : file, opened.size() - 1);
      return engine;
    } catch (SQLException e) {
      D1SqlException failure = SqliteErrors.of(e);
      for (Conn c : opened) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          failure.addSuppressed(suppressed);
        }
      }
      throw failure;
    }
  }

  /**
   * Marks a WAL database image as rollback-journal (file format bytes 18 and 19), because an
   * in-memory database cannot open a WAL image. Changes the array in place.
   */
  private static byte[] withoutWalMarker(byte[] image) {
    if (image.length > 19 && image[18] == 2 && image[19] == 2) {
      image[18] = 1;
      image[19] = 1;
    }
    return image;
  }

  private static Conn connect(EngineConfig config, boolean readOnly) throws SQLException {
    SQLiteConfig c = new SQLiteConfig();
    c.enforceForeignKeys(true);
    c.setBusyTimeout((int) config.busyTimeoutMillis());
    c.setGetGeneratedKeys(false);
    String url;
    if (config.file() == null) {
      url = JDBC.PREFIX + ":memory:";
    } else {
      url = JDBC.PREFIX + config.file().toAbsolutePath();
      if (readOnly) {
        c.setReadOnly(true);
      } else {
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      }
    }
    SQLiteConnection connection = JDBC.createConnection(url, c.toProperties());
    try {
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, config.maxValueLength());
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_COLUMN, 100);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_EXPR_DEPTH, 100);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_COMPOUND_SELECT, 5);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_FUNCTION_ARG, 127);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_VARIABLE_NUMBER, 100);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_TRIGGER_DEPTH, 10);
      connection.setLimit(SQLiteLimits.SQLITE_LIMIT_WORKER_THREADS, 0);
      try (java.sql.Statement st = connection.createStatement()) {
        // sqlite-jdbc is built with SQLITE_DEFAULT_RECURSIVE_TRIGGERS; workerd is not
        st.execute("PRAGMA recursive_triggers = off");
      }
      return new Conn(connection, config.statementCacheSize());
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
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
    Objects.requireNonNull(sql, "sql");
    // the leading newline: sqlite-jdbc would run a script starting "backup"/"restore" itself
    StringBuilder script = new StringBuilder("\n");
    int texts = 0;
    for (int i = 0; i < sql.size(); i++) {
      String text = Objects.requireNonNull(sql.get(i), () -> "sql contains null");
      // texts bulk-loaded are mostly unique: parsing them must not flush the statement cache
      Parsed p = text.length() <= PARSE_CACHE_MAX_SQL ? parseCache.get(text) : null;
      if (p == null) {
        p = parseUncached(text);
      }
      if (p.blank()) {
        continue;
      }
      if (p.error() != null) {
        throw D1SqlException.of(p.error().detail(), null);
      }
      List<Statement> statements = p.statements();
      for (int k = 0; k < statements.size(); k++) {
        Statement st = statements.get(k);
        List<Token> tokens = st.tokens();
        for (Token t : tokens) {
          if (t.kind() == Kind.PARAM) {
            // SQLite would run it with NULL; D1 refuses a statement whose parameters are unbound
            throw D1SqlException.of(k == statements.size() - 1 ? WRONG_BINDINGS : MULTI_PARAMS, null);
          }
        }
        // up to the last token, so a trailing comment cannot swallow the separator
        Token last = tokens.get(tokens.size() - 1);
        script.append(st.text(), 0, last.end());
        script.append(last.kind() == Kind.SEMI ? "\n" : ";\n");
      }
      texts++;
    }
    if (texts == 0) {
      throw D1SqlException.of(NO_STATEMENTS, null);
    }
    int kept = texts;
    long start = System.nanoTime();
    return inTransaction(
        () -> {
          long rowidBefore = lastRowId;
          long pagesBefore = pages;
          long totalBefore = writer.totalChanges();
          writer.script(script.toString());
          long changes = writer.totalChanges() - totalBefore;
          indexCounts.clear();
          long[] state = rowidAndPages(writer);
          lastRowId = state[0];
          pages = state[1];
          double ms = (System.nanoTime() - start) / 1e6;
          LOG.debug("script of {} SQL text(s) in {} ms", kept, String.format("%.3f", ms));
          boolean changedDb = changes != 0 || state[0] != rowidBefore || state[1] != pagesBefore;
          return meta(ms, changes, state[0], changedDb, state[1], 0, changes);
        },
        null);
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
    writeLock.lock();
    try {
      awaitWriter();
      ensureOpen();
      return withoutWalMarker(writer.serialize());
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
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
    Query q = new Query(sql, params);
    Parsed parsed = parsedOrThrow(sql);
    if (parsed.readOnly()) {
      return runRead(q, parsed, session);
    }
    return runWrite(List.of(q), session).get(0);
  }

  private Parsed parsedOrThrow(String sql) {
    Parsed p = parse(sql);
    if (p.blank()) {
      throw D1SqlException.of(NO_STATEMENTS, null);
    }
    if (p.error() != null) {
      throw D1SqlException.of(p.error().detail(), null);
    }
    return p;
  }

  private Parsed parse(String sql) {
    Parsed p = parseCache.get(sql);
    if (p != null) {
      return p;
    }
    p = parseUncached(sql);
    if (sql.length() <= PARSE_CACHE_MAX_SQL) {
      if (parseCache.size() >= PARSE_CACHE_LIMIT) {
        parseCache.clear();
      }
      parseCache.put(sql, p);
    }
    return p;
  }

  private static Parsed parseUncached(String sql) {
    // workerd skips empty statements (";", comments) before a statement, but anything other
    // than whitespace after the last statement is "SQL code did not contain a statement."
    // Miniflare drops queries that hold nothing but whitespace and indented comments
    boolean blank =
        sql.indexOf("--") < 0
            ? sql.trim().isEmpty()
            : INDENTED_COMMENT.matcher(sql).replaceAll("").trim().isEmpty();
    List<Statement> all = SqlScript.parse(sql).statements();
    List<Statement> statements = new ArrayList<>(all.size());
    for (Statement st : all) {
      if (!st.isEmpty()) {
        statements.add(st);
      }
    }
    D1SqlException error = null;
    if (sql.length() > MAX_SQL_LENGTH / 3
        && sql.getBytes(StandardCharsets.UTF_8).length > MAX_SQL_LENGTH) {
      // workerd prepares the whole remaining text at once, so the limit covers all statements
      error = D1SqlException.of("statement too long: SQLITE_TOOBIG", null);
    } else if (statements.isEmpty() || all.get(all.size() - 1).isEmpty()) {
      error = D1SqlException.of(NOT_A_STATEMENT, null);
    }
    for (int i = 0; i < statements.size() && error == null; i++) {
      error = Authorizer.check(statements.get(i));
    }
    boolean readOnly = error == null && statements.size() == 1 && isReadOnly(statements.get(0));
    return new Parsed(blank, statements, error, readOnly);
  }

  private static boolean isReadOnly(Statement st) {
    String first = st.firstKeyword();
    if (first == null || !READ_KEYWORDS.contains(first)) {
      return false;
    }
    for (Token t : st.tokens()) {
      if (t.kind() == Kind.WORD && WRITE_KEYWORDS.contains(t.keyword())) {
        return false;
      }
    }
    return true;
  }

  private D1RawResult runRead(Query q, Parsed parsed, LocalSession session) {
    ensureOpen();
    Conn conn = readers == null ? null : takeReader();
    boolean locked = false;
    if (conn == null) {
      writeLock.lock();
      locked = true;
      conn = writer;
    }
    try {
      if (locked) {
        awaitWriter();
      }
      ensureOpen();
      long start = System.nanoTime();
      Statement st = parsed.statements().get(0);
      Rows rows = execute(conn, st, q.params(), true);
      double ms = (System.nanoTime() - start) / 1e6;
      D1Meta meta = meta(ms, 0, lastRowId, false, pages, rows.rows().size(), 0);
      if (LOG.isDebugEnabled()) {
        log(List.of(q), ms);
      }
      if (session != null) {
        session.observe(commitSequence.get());
      }
      return new D1RawResult(rows.columns(), rows.rows(), meta);
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      if (locked) {
        writeLock.unlock();
      } else {
        returnReader(conn);
      }
    }
  }

  private Conn takeReader() {
    // an interrupted thread fails even when a connection is free, as a blocking wait would
    Conn free = Thread.currentThread().isInterrupted() ? null : readers.poll();
    if (free != null) {
      return free;
    }
    try {
      while (true) {
        Conn c = readers.poll(50, TimeUnit.MILLISECONDS);
        if (c != null) {
          return c;
        }
        ensureOpen();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw D1SqlException.of("Interrupted while waiting for a connection.", e);
    }
  }

  private void returnReader(Conn c) {
    readers.offer(c);
    if (closed.get()) {
      closeReaders(null);
    }
  }

  private List<D1RawResult> runWrite(List<Query> queries, LocalSession session) {
    List<Query> kept = new ArrayList<>(queries.size());
    List<Parsed> parsed = new ArrayList<>(queries.size());
    for (Query q : queries) {
      Parsed p = parse(q.sql());
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
        inTransaction(
            () -> {
              List<D1RawResult> out = new ArrayList<>(kept.size());
              for (int i = 0; i < kept.size(); i++) {
                Parsed p = parsed.get(i);
                if (p.error() != null) {
                  throw D1SqlException.of(p.error().detail(), null);
                }
                out.add(runInTransaction(kept.get(i), p));
              }
              return out;
            },
            session);
    log(kept, (System.nanoTime() - callStart) / 1e6);
    return results;
  }

  /** Work done inside a write transaction. */
  @FunctionalInterface
  private interface TransactionWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs work in {@code BEGIN IMMEDIATE ... COMMIT} on the writer, under the write lock, as one
   * committed call (the session, if any, observes it); rolls back and restores the cached state
   * when anything fails.
   */
  private <T> T inTransaction(TransactionWork<T> work, LocalSession session) {
    writeLock.lock();
    try {
      awaitWriter();
      ensureOpen();
      writer.control("BEGIN IMMEDIATE");
      T value;
      try {
        value = work.run();
        commit();
      } catch (RuntimeException e) {
        writer.controlQuietly("ROLLBACK");
        restoreState();
        throw e;
      } catch (SQLException e) {
        writer.controlQuietly("ROLLBACK");
        restoreState();
        throw SqliteErrors.of(e);
      }
      long seq = commitSequence.incrementAndGet();
      if (session != null) {
        session.observe(seq);
      }
      return value;
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  private void commit() throws SQLException {
    try {
      writer.control("COMMIT");
    } catch (SQLiteException e) {
      if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY
          || SqliteErrors.errmsg(e.getMessage(), e.getResultCode())
              .startsWith("FOREIGN KEY constraint failed")) {
        // a deferred violation at commit; Miniflare resets the Durable Object, D1 reports this
        throw D1SqlException.of("FOREIGN KEY constraint failed: SQLITE_CONSTRAINT", e);
      }
      throw e;
    }
  }

  private void restoreState() {
    indexCounts.clear();
    try {
      long[] state = rowidAndPages(writer);
      lastRowId = state[0];
      pages = state[1];
    } catch (SQLException ignored) {
      // the cached values stay; they only feed meta of later reads
    }
  }

  private D1RawResult runInTransaction(Query q, Parsed parsed) throws SQLException {
    long start = System.nanoTime();
    long totalBefore = writer.totalChanges();
    long rowidBefore = lastRowId;
    long pagesBefore = pages;
    List<Statement> statements = parsed.statements();
    Rows rows = null;
    long lastBefore = totalBefore;
    for (int i = 0; i < statements.size(); i++) {
      boolean last = i == statements.size() - 1;
      if (last) {
        lastBefore = writer.totalChanges();
      }
      if (SCHEMA_KEYWORDS.contains(statements.get(i).firstKeyword())) {
        indexCounts.clear();
      }
      rows = execute(writer, statements.get(i), last ? q.params() : null, last);
    }
    long totalAfter = writer.totalChanges();
    long[] state = rowidAndPages(writer);
    lastRowId = state[0];
    pages = state[1];
    long changes = totalAfter - totalBefore;
    long lastChanges = totalAfter - lastBefore;
    Statement lastStatement = statements.get(statements.size() - 1);
    String kw = lastStatement.firstKeyword();
    long rowsRead =
        rows.rows().size() + ("UPDATE".equals(kw) || "DELETE".equals(kw) ? lastChanges : 0);
    long rowsWritten = lastChanges;
    String insertTarget = insertTarget(lastStatement);
    if (insertTarget != null && lastChanges > 0) {
      // D1 counts index entries too: each inserted row also writes one entry per index
      rowsWritten += writer.changes() * indexCount(insertTarget);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    boolean changedDb = changes != 0 || state[0] != rowidBefore || state[1] != pagesBefore;
    D1Meta meta = meta(ms, changes, state[0], changedDb, state[1], rowsRead, rowsWritten);
    return new D1RawResult(rows.columns(), rows.rows(), meta);
  }

  /** The table an INSERT or REPLACE statement writes to, or null for other statements. */
  static String insertTarget(Statement st) {
    List<Token> tokens = st.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      String kw = tokens.get(i).keyword();
      if (("INSERT".equals(kw) || "REPLACE".equals(kw))
          && !(i + 1 < tokens.size() && tokens.get(i + 1).is("("))) {
        for (int j = i + 1; j + 1 < tokens.size(); j++) {
          if ("INTO".equals(tokens.get(j).keyword())) {
            int t = j + 1;
            if (t + 2 < tokens.size() && tokens.get(t + 1).is(".")) {
              t += 2;
            }
            return tokens.get(t).identifier();
          }
        }
        return null;
      }
    }
    return null;
  }

  private long indexCount(String table) throws SQLException {
    Long n = indexCounts.get(table);
    if (n == null) {
      PreparedStatement ps = writer.prepare(INDEX_COUNT_SQL);
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        n = rs.next() ? rs.getLong(1) : 0L;
      }
      indexCounts.put(table, n);
    }
    return n;
  }

  private D1Meta meta(
      double ms,
      long changes,
      long rowId,
      boolean changedDb,
      long pageCount,
      long rowsRead,
      long rowsWritten) {
    return D1Meta.builder()
        .servedBy(SERVED_BY)
        .duration(ms)
        .changes(changes)
        .lastRowId(rowId)
        .changedDb(changedDb)
        .sizeAfter(pageCount * pageSize)
        .rowsRead(rowsRead)
        .rowsWritten(rowsWritten)
        .build();
  }

  /** Columns and rows of one statement. */
  private record Rows(List<String> columns, List<List<Object>> rows) {}

  private static final Rows NO_ROWS = new Rows(List.of(), List.of());

  /**
   * Runs one statement. {@code params} null means "not the last statement of a multi-statement
   * SQL": it must have no parameters and its rows are discarded.
   */
  private Rows execute(Conn conn, Statement st, List<Object> params, boolean collect)
      throws SQLException {
    String sql = st.text();
    PreparedStatement ps;
    try {
      ps = conn.prepare(sql);
    } catch (SQLException e) {
      throw SqliteErrors.of(e, st, conn::probe);
    }
    try {
      int expected = ps.getParameterMetaData().getParameterCount();
      if (params == null) {
        if (expected > 0) {
          throw D1SqlException.of(MULTI_PARAMS, null);
        }
      } else if (expected != params.size()) {
        throw D1SqlException.of(WRONG_BINDINGS, null);
      }
      // every parameter is set below (the count was checked), so no clearParameters round trip
      if (params != null) {
        for (int i = 0; i < params.size(); i++) {
          bind(ps, i + 1, params.get(i));
        }
      }
      if (!ps.execute()) {
        return NO_ROWS;
      }
      try (ResultSet rs = ps.getResultSet()) {
        if (!collect) {
          while (rs.next()) {
            // rows of a statement that is not the last are discarded, as workerd does
          }
          return NO_ROWS;
        }
        List<String> columns = columnNames(rs);
        int n = columns.size();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int c = 0; c < n; c++) {
            Object v = rs.getObject(c + 1);
            row[c] = v instanceof Integer ? Long.valueOf(((Integer) v).longValue()) : v;
          }
          rows.add(new Row(row));
        }
        return new Rows(columns, rows);
      }
    } catch (SQLException e) {
      conn.evict(sql);
      throw SqliteErrors.of(e, st, conn::probe);
    } catch (RuntimeException e) {
      conn.evict(sql);
      throw e;
    }
  }

  /**
   * The result's column names. sqlite-jdbc already read them from SQLite when the statement ran
   * ({@code CoreResultSet.cols}); asking the metadata again would cross JNI once per column.
   */
  private static List<String> columnNames(ResultSet rs) throws SQLException {
    if (rs instanceof CoreResultSet) {
      String[] cols = ((CoreResultSet) rs).cols;
      if (cols != null) {
        return List.of(cols);
      }
    }
    ResultSetMetaData md = rs.getMetaData();
    String[] columns = new String[md.getColumnCount()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = md.getColumnLabel(c + 1);
    }
    return List.of(columns);
  }

  /** An immutable row over the array the engine filled, without a second wrapper. */
  private static final class Row extends AbstractList<Object> implements RandomAccess {
    private final Object[] values;

    Row(Object[] values) {
      this.values = values;
    }

    @Override
    public Object get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.NULL);
    } else if (v instanceof Long) {
      ps.setLong(index, (Long) v);
    } else if (v instanceof Double) {
      ps.setDouble(index, (Double) v);
    } else if (v instanceof String) {
      ps.setString(index, (String) v);
    } else if (v instanceof byte[]) {
      ps.setBytes(index, (byte[]) v);
    } else {
      ps.setObject(index, D1Values.toBindValue(v));
    }
  }

  private static long pragmaLong(Conn conn, String sql) throws SQLException {
    PreparedStatement ps = conn.prepare(sql);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static long[] rowidAndPages(Conn conn) throws SQLException {
    PreparedStatement ps = conn.prepare(SIZE_SQL);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
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

  private void ensureOpen() {
    if (closed.get()) {
      throw D1SqlException.of(CLOSED, null);
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    D1SqlException failure = null;
    writeLock.lock();
    try {
      writer.close();
    } catch (SQLException e) {
      failure = SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
    failure = closeReaders(failure);
    parseCache.clear();
    LOG.debug("closed {}", config.file() == null ? ":memory:" : config.file());
    if (failure != null) {
      throw failure;
    }
  }

  private D1SqlException closeReaders(D1SqlException failure) {
    if (readers == null) {
      return failure;
    }
    Conn c;
    while ((c = readers.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = SqliteErrors.of(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }

  // --- interactive transactions (InteractiveTransaction): the writer held across calls ---

  /**
   * Waits, under the write lock, until no interactive transaction holds the writer. Bounded by
   * the busy timeout, as SQLite bounds a wait for another connection's lock.
   */
  private void awaitWriter() {
    if (interactive == null) {
      return;
    }
    long nanos = TimeUnit.MILLISECONDS.toNanos(config.busyTimeoutMillis());
    try {
      while (interactive != null) {
        if (nanos <= 0) {
          throw D1SqlException.of(InteractiveTransaction.BUSY, null);
        }
        nanos = writerFree.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw D1SqlException.of("Interrupted while waiting for a transaction to end.", e);
    }
  }

  /** Takes the writer for {@code tx} and runs {@code BEGIN IMMEDIATE}. */
  void beginInteractive(InteractiveTransaction tx) {
    writeLock.lock();
    try {
      awaitWriter();
      ensureOpen();
      writer.control("BEGIN IMMEDIATE");
      interactive = tx;
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs calls inside {@code tx}: each call is parsed and authorized as any other call, and runs
   * between a savepoint and its release, so a failing call leaves no partial change (as a D1 call)
   * while the transaction stays open.
   */
  List<D1RawResult> runInteractive(InteractiveTransaction tx, List<String> sql, List<List<Object>> params) {
    writeLock.lock();
    try {
      ensureInteractive(tx);
      List<Parsed> parsed = new ArrayList<>(sql.size());
      for (String text : sql) {
        parsed.add(parsedOrThrow(text));
      }
      writer.control("SAVEPOINT d1_jdbc_call");
      try {
        List<D1RawResult> out = new ArrayList<>(sql.size());
        for (int i = 0; i < sql.size(); i++) {
          out.add(runInTransaction(new Query(sql.get(i), params.get(i)), parsed.get(i)));
        }
        writer.control("RELEASE d1_jdbc_call");
        return out;
      } catch (SQLException | RuntimeException e) {
        try {
          writer.control("ROLLBACK TO d1_jdbc_call");
          writer.control("RELEASE d1_jdbc_call");
        } catch (SQLException aborted) {
          // SQLite rolled the whole transaction back (e.g. RAISE(ROLLBACK)): no savepoint left
          tx.abort(e instanceof D1Exception ? ((D1Exception) e).detail() : e.getMessage());
          e.addSuppressed(aborted);
        }
        restoreState();
        throw e;
      }
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs one of the transaction's own control statements (savepoints). */
  void controlInteractive(InteractiveTransaction tx, String sql) {
    writeLock.lock();
    try {
      ensureInteractive(tx);
      writer.control(sql);
      restoreState();
    } catch (SQLException e) {
      throw SqliteErrors.of(e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Commits or rolls back {@code tx} and frees the writer; a failed commit rolls back. */
  void endInteractive(InteractiveTransaction tx, boolean commit) {
    writeLock.lock();
    try {
      if (interactive != tx) {
        return;
      }
      try {
        if (closed.get()) {
          throw D1SqlException.of(CLOSED, null);
        }
        if (commit) {
          commit();
          commitSequence.incrementAndGet();
        } else {
          writer.control("ROLLBACK");
          restoreState();
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed.get()) {
          writer.controlQuietly("ROLLBACK");
          restoreState();
        }
        throw e instanceof SQLException ? SqliteErrors.of((SQLException) e) : (RuntimeException) e;
      } finally {
        interactive = null;
        writerFree.signalAll();
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void ensureInteractive(InteractiveTransaction tx) {
    ensureOpen();
    if (interactive != tx) {
      throw D1SqlException.of(InteractiveTransaction.ENDED, null);
    }
    tx.ensureNotAborted();
  }

  @Override
  public String toString() {
    return "D1SqliteDatabase[" + (config.file() == null ? ":memory:" : config.file()) + "]";
  }
}
