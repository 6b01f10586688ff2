package io.github.d1java.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1DumpException;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.remote.internal.Codec;
import io.github.d1java.remote.internal.RetrySafety;
import io.github.d1java.remote.internal.Transport;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1Bookmarks;
import io.github.d1java.spi.D1RawResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link D1Database} that calls the d1-worker Worker: {@code POST /raw} for statements and
 * batches (with the session's constraint or bookmark), {@code POST /exec} for exec. The request and
 * response shapes are D1's REST shapes, so d1-remote's {@link Codec}, {@link Transport} (HTTP,
 * envelope, retries) and error mapping serve both. Thread-safe.
 */
public final class WorkerDatabase implements D1Database {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.d1java.worker");

  private final Transport transport;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param transport the transport whose base URL is the Worker's URL; not null
   */
  public WorkerDatabase(Transport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  @Override
  public D1PreparedStatement prepare(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new Statement(sql, List.of(), false, null);
  }

  @Override
  public List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements) {
    return batch(statements, null);
  }

  private List<D1Result<Map<String, Object>>> batch(
      List<? extends D1PreparedStatement> statements, Session session) {
    Objects.requireNonNull(statements, "statements");
    ensureOpen();
    boolean safe = RetrySafety.isSafe(statements);
    ObjectNode body = Codec.batch(statements);
    List<D1RawResult> raw = call("batch", "/raw", body, safe, session);
    if (raw.size() > statements.size()) {
      throw Codec.malformed(
          "batch of " + statements.size() + " statements returned " + raw.size() + " results");
    }
    List<D1Result<Map<String, Object>>> out = new ArrayList<>(raw.size());
    for (D1RawResult r : raw) {
      out.add(AbstractD1PreparedStatement.toResult(r));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public D1ExecResult exec(String sql) {
    Objects.requireNonNull(sql, "sql");
    ensureOpen();
    boolean safe = true;
    for (String line : sql.split("\n", -1)) {
      safe &= line.isBlank() || RetrySafety.isSafe(line, false);
    }
    ObjectNode body = Transport.MAPPER.createObjectNode().put("sql", sql);
    JsonNode env;
    try {
      env = transport.callSql("exec", "/exec", body, safe);
    } catch (D1ExecException e) {
      throw e;
    } catch (D1SqlException e) { // a D1_ERROR from exec, e.g. an empty text
      throw new D1ExecException(e.detail(), e);
    }
    JsonNode r = env.path("result");
    if (!r.path("count").isNumber()) {
      throw Codec.malformed("exec result has no count");
    }
    return new D1ExecResult(r.path("count").asInt(), Math.max(0, r.path("duration").asDouble(0)));
  }

  @Override
  public byte[] dump() {
    ensureOpen();
    throw new D1DumpException(
        "dump() is not available through the Worker (D1 deprecated it); use D1Account.export or"
            + " wrangler d1 export");
  }

  @Override
  public D1DatabaseSession withSession() {
    return withSession(null);
  }

  @Override
  public D1DatabaseSession withSession(String constraintOrBookmark) {
    String c = constraintOrBookmark == null ? "" : constraintOrBookmark.trim();
    if (c.isEmpty()) {
      c = D1DatabaseSession.FIRST_UNCONSTRAINED;
    }
    boolean constraint =
        c.equals(D1DatabaseSession.FIRST_PRIMARY)
            || c.equals(D1DatabaseSession.FIRST_UNCONSTRAINED);
    return new Session(constraint ? c : null, constraint ? null : c);
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "D1Worker[" + transport.config().baseUrl() + "]";
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw D1SqlException.of("Database is closed.", null); // the local engine's text
    }
  }

  private List<D1RawResult> call(
      String what, String path, ObjectNode body, boolean safe, Session session) {
    if (session != null) {
      body.put("session", session.anchor());
    }
    JsonNode env = transport.callSql(what, path, body, safe);
    if (session != null) {
      JsonNode b = env.path("bookmark");
      session.advance(b.isTextual() ? b.textValue() : null);
    }
    return Codec.rawResults(env);
  }

  D1RawResult query(String sql, List<Object> params, boolean idempotent, Session session) {
    ensureOpen();
    if (LOG.isDebugEnabled()) {
      LOG.debug("query: {} ({} params)", sql, params.size());
    }
    List<D1RawResult> results =
        call(
            "query",
            "/raw",
            Codec.query(sql, params),
            RetrySafety.isSafe(sql, idempotent),
            session);
    if (results.size() != 1) {
      throw Codec.malformed("a statement returned " + results.size() + " results");
    }
    return results.get(0);
  }

  /** A statement of this database or of one session. Immutable. */
  private final class Statement extends AbstractD1PreparedStatement {
    private final Session session;

    Statement(String sql, List<Object> params, boolean idempotent, Session session) {
      super(sql, params, idempotent);
      this.session = session;
    }

    @Override
    protected D1RawResult query() {
      return WorkerDatabase.this.query(statement(), params(), isIdempotent(), session);
    }

    @Override
    protected D1PreparedStatement copy(List<Object> params, boolean idempotent) {
      return new Statement(statement(), params, idempotent, session);
    }
  }

  /**
   * A D1 session held by the client: every call sends the latest bookmark (or, before the first
   * one, the constraint) and keeps the greater of its bookmark and the Worker's answer.
   * Thread-safe.
   */
  private final class Session implements D1DatabaseSession {
    private final String constraint;
    private final AtomicReference<String> bookmark;

    Session(String constraint, String bookmark) {
      this.constraint = constraint;
      this.bookmark = new AtomicReference<>(bookmark);
    }

    String anchor() {
      String b = bookmark.get();
      return b != null ? b : constraint;
    }

    void advance(String candidate) {
      bookmark.accumulateAndGet(candidate, D1Bookmarks::newer);
    }

    @Override
    public D1PreparedStatement prepare(String sql) {
      Objects.requireNonNull(sql, "sql");
      return new Statement(sql, List.of(), false, this);
    }

    @Override
    public List<D1Result<Map<String, Object>>> batch(
        List<? extends D1PreparedStatement> statements) {
      return WorkerDatabase.this.batch(statements, this);
    }

    @Override
    public String getBookmark() {
      return bookmark.get();
    }

    @Override
    public String toString() {
      return "D1Worker session[" + anchor() + "]";
    }
  }
}
