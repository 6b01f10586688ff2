package io.github.d1java.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1DumpException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.remote.D1Account;
import io.github.d1java.remote.D1RemoteDatabase;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST implementation of {@link D1RemoteDatabase}. Thread-safe. */
public final class RemoteDatabase implements D1RemoteDatabase {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.d1java.remote");
  private static final Pattern INDENTED_COMMENT = Pattern.compile("(?m)^\\s+--.*");

  private final Transport transport;
  private final String databaseId;
  private final String path;
  private final Supplier<D1Account> account;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param transport the transport; not null
   * @param databaseId the database UUID; not null
   * @param account makes the account client
   */
  public RemoteDatabase(Transport transport, String databaseId, Supplier<D1Account> account) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.databaseId = Objects.requireNonNull(databaseId, "databaseId");
    this.account = account;
    this.path =
        "/accounts/"
            + Transport.segment(transport.config().accountId())
            + "/d1/database/"
            + Transport.segment(databaseId);
  }

  @Override
  public String databaseId() {
    return databaseId;
  }

  @Override
  public D1Account account() {
    return account.get();
  }

  @Override
  public D1PreparedStatement prepare(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new Statement(sql, List.of(), false);
  }

  @Override
  public List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements) {
    Objects.requireNonNull(statements, "statements");
    ensureOpen();
    boolean safe = RetrySafety.isSafe(statements);
    if (statements.isEmpty()) {
      throw D1SqlException.of("No SQL statements detected.", null);
    }
    long t0 = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      for (D1PreparedStatement s : statements) {
        logStatement("batch", s.statement(), s.params());
      }
    }
    JsonNode env = transport.callSql("batch", path + "/raw", Codec.batch(statements), safe);
    List<D1RawResult> raw = Codec.rawResults(env);
    if (raw.size() > statements.size()) { // fewer is fine: D1 drops statements that are blank
      throw Codec.malformed(
          "batch of " + statements.size() + " statements returned " + raw.size() + " results");
    }
    List<D1Result<Map<String, Object>>> out = new ArrayList<>(raw.size());
    for (D1RawResult r : raw) {
      out.add(AbstractD1PreparedStatement.toResult(r));
    }
    LOG.debug(
        "batch of {} statements done in {} ms",
        statements.size(),
        (System.nanoTime() - t0) / 1_000_000);
    return Collections.unmodifiableList(out);
  }

  @Override
  public D1ExecResult exec(String sql) {
    Objects.requireNonNull(sql, "sql");
    ensureOpen();
    String[] lines = sql.trim().split("\n", -1);
    List<D1PreparedStatement> statements = new ArrayList<>(lines.length);
    boolean safe = true;
    for (String line : lines) {
      // Miniflare drops what is blank once indented comment lines are removed; D1's count skips
      // them
      if (!INDENTED_COMMENT.matcher(line).replaceAll("").trim().isEmpty()) {
        statements.add(new Statement(line, List.of(), false));
        safe &= RetrySafety.isSafe(line, false);
      }
    }
    String prefix = "Error in line 1: " + lines[0] + ": ";
    if (statements.isEmpty()) {
      D1Exception inner = D1SqlException.of("No SQL statements detected.", null);
      throw new D1ExecException(prefix + inner.detail(), inner);
    }
    if (LOG.isDebugEnabled()) {
      for (D1PreparedStatement s : statements) {
        logStatement("exec", s.statement(), s.params());
      }
    }
    JsonNode env;
    try {
      env = transport.callSql("exec", path + "/raw", Codec.batch(statements), safe);
    } catch (D1SqlException e) {
      throw new D1ExecException(prefix + e.detail(), e);
    }
    List<D1RawResult> raw = Codec.rawResults(env);
    double duration = 0;
    for (D1RawResult r : raw) {
      duration += r.meta().duration();
    }
    return new D1ExecResult(raw.size(), duration);
  }

  @Override
  public byte[] dump() {
    ensureOpen();
    throw new D1DumpException(
        "Status + 404 (dump() is not available over D1's REST API; use D1Account.export(databaseId,"
            + " file) to download the database as SQL)");
  }

  @Override
  public D1DatabaseSession withSession() {
    return withSession(null);
  }

  @Override
  public D1DatabaseSession withSession(String constraintOrBookmark) {
    String c = constraintOrBookmark == null ? "" : constraintOrBookmark.trim();
    String bookmark =
        c.isEmpty()
                || c.equals(D1DatabaseSession.FIRST_PRIMARY)
                || c.equals(D1DatabaseSession.FIRST_UNCONSTRAINED)
            ? null
            : c;
    return new Session(bookmark);
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "D1RemoteDatabase[" + transport.config().baseUrl() + ", database " + databaseId + "]";
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw D1SqlException.of("Database is closed.", null); // the local engine's text
    }
  }

  private void logStatement(String what, String sql, List<Object> params) {
    if (transport.config().logBoundValues() && !params.isEmpty()) {
      LOG.debug("{}: {} params={}", what, sql, Printing.params(params));
    } else {
      LOG.debug("{}: {} ({} params)", what, sql, params.size());
    }
  }

  D1RawResult query(String sql, List<Object> params, boolean idempotent) {
    ensureOpen();
    boolean safe = RetrySafety.isSafe(sql, idempotent);
    if (LOG.isDebugEnabled()) {
      logStatement("query", sql, params);
    }
    long t0 = System.nanoTime();
    JsonNode env = transport.callSql("query", path + "/raw", Codec.restQuery(sql, params), safe);
    List<D1RawResult> results = Codec.rawResults(env);
    if (results.isEmpty()) {
      throw Codec.malformed("no result for the statement");
    }
    D1RawResult r = Codec.combine(results);
    LOG.debug(
        "query returned {} rows in {} ms", r.rows().size(), (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  /** A statement of this database. Immutable. */
  private final class Statement extends AbstractD1PreparedStatement {
    Statement(String sql, List<Object> params, boolean idempotent) {
      super(sql, params, idempotent);
    }

    @Override
    protected D1RawResult query() {
      return RemoteDatabase.this.query(statement(), params(), isIdempotent());
    }

    @Override
    protected D1PreparedStatement copy(List<Object> params, boolean idempotent) {
      return new Statement(statement(), params, idempotent);
    }
  }

  /** A session: the REST API has none, so it runs on the primary like the database. */
  private final class Session implements D1DatabaseSession {
    private final String bookmark;

    Session(String bookmark) {
      this.bookmark = bookmark;
    }

    @Override
    public D1PreparedStatement prepare(String sql) {
      return RemoteDatabase.this.prepare(sql);
    }

    @Override
    public List<D1Result<Map<String, Object>>> batch(
        List<? extends D1PreparedStatement> statements) {
      return RemoteDatabase.this.batch(statements);
    }

    @Override
    public String getBookmark() {
      return bookmark;
    }
  }
}
