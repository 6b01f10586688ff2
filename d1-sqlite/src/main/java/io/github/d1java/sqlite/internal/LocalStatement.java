package io.github.d1java.sqlite.internal;

import io.github.d1java.D1PreparedStatement;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import java.util.List;

/** A statement of the local engine; immutable, thread-safe, runs on its database or session. */
final class LocalStatement extends AbstractD1PreparedStatement {

  private final SqliteEngine engine;
  private final LocalSession session;

  LocalStatement(
      SqliteEngine engine,
      LocalSession session,
      String sql,
      List<Object> params,
      boolean idempotent) {
    super(sql, params, idempotent);
    this.engine = engine;
    this.session = session;
  }

  @Override
  protected D1RawResult query() {
    return engine.runOne(statement(), params(), session);
  }

  @Override
  protected D1PreparedStatement copy(List<Object> params, boolean idempotent) {
    return new LocalStatement(engine, session, statement(), params, idempotent);
  }
}
