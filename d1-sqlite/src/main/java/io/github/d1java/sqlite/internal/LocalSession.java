package io.github.d1java.sqlite.internal;

import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.D1Bookmarks;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session of the local engine. There are no replicas, so a session runs exactly as the database
 * does; it only tracks bookmarks as D1 does (spec §11): null until the first response unless it was
 * created from a bookmark, and the greater bookmark always wins. Thread-safe.
 */
final class LocalSession implements D1DatabaseSession {

  private final SqliteEngine engine;
  private String bookmark;

  LocalSession(SqliteEngine engine, String bookmark) {
    this.engine = engine;
    this.bookmark = bookmark;
  }

  @Override
  public D1PreparedStatement prepare(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new LocalStatement(engine, this, sql, List.of(), false);
  }

  @Override
  public List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements) {
    return engine.batch(statements, this);
  }

  @Override
  public synchronized String getBookmark() {
    return bookmark;
  }

  synchronized void observe(long commitSequence) {
    bookmark = D1Bookmarks.newer(bookmark, D1Bookmarks.format(commitSequence));
  }

  @Override
  public String toString() {
    return "LocalSession[" + getBookmark() + "]";
  }
}
